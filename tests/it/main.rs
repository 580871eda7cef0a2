//! govgraph's one integration-test binary (`cargo test` runs it with the unit tests).
//!
//! - `golden`: every folder under `tests/golden/` is one command line run against the real
//!   binary, with its expected standard output, standard error and exit code. Run with
//!   `UPDATE_GOLDEN=1` to rewrite the expectations, then review the diff.
//! - `graphviz`: every chart we write is accepted by Graphviz's `dot`.
//! - `build`: builds are byte-identical, atomic, and `graphs/` is up to date.
//! - `atomic`: a failed write (full or read-only disk, refused swap) leaves the old output.
//! - `change_of_post`: `query posts --as-of` before and after an election in an article.
//! - `cli`: standard input, completions, the man page, JSON summaries, `-q`.
//! - `exports`: every export loads in its tool (networkx, Kuzu, pyoxigraph, followthemoney).
//! - `jsonl`: `extract --jsonl` in two shards and `build --extracted` give the one-process
//!   graph; bad lines are positioned and skipped.

mod atomic;
mod build;
mod bulk;
mod change_of_post;
mod cli;
mod exports;
mod golden;
mod graphviz;
mod hostile;
mod jsonl;
mod readme;
mod reference;
mod resolution;
mod snapshot;
mod support;
