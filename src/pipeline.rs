//! From a loaded data directory to the one document the graph is built from.
//!
//! Today the curated records are the whole graph. This is the one place where extracted
//! records and entity resolution join them, so `build`, `query` and the staleness test all
//! see the same graph.

use crate::load::Dataset;
use crate::model::Document;

/// The document the graph of a data directory is built from.
pub fn combine(dataset: &Dataset) -> Document {
    dataset.document.clone()
}
