//! From a loaded data directory to the one document the graph is built from.
//!
//! This is the one place where curated records, extracted records and entity resolution
//! meet, so `build`, `query`, `export` and the staleness test all see the same graph.

use crate::load::Dataset;
use crate::model::Document;
use crate::resolve;

/// The document the graph of a data directory is built from: the curated records, with
/// people resolved under the curated judgements.
pub fn combine(dataset: &Dataset) -> Document {
    resolve::resolve(&dataset.document, &[], &dataset.judgements).document
}
