//! Records files and articles together through validation: no panic, every problem
//! positioned and escaped, and what validates builds a graph whose export round-trips.
//! Input: records texts and article texts separated by 0xff; the first text is a records
//! file, the second an article, then alternating.
#![no_main]

use govgraph::load::{InputFile, validate};
use govgraph_fuzz::{check_problem, round_trip, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut records = Vec::new();
    let mut articles = Vec::new();
    for (i, text) in split(data, 6).into_iter().enumerate() {
        if i % 2 == 0 {
            records.push(InputFile {
                path: format!("records/r{i}.ron"),
                text,
            });
        } else {
            articles.push(InputFile {
                path: format!("articles/a{i}.txt"),
                text,
            });
        }
    }
    match validate(&records, &articles) {
        Ok(dataset) => round_trip(dataset.document),
        Err(problems) => {
            assert!(!problems.is_empty());
            for problem in &problems {
                let text = records
                    .iter()
                    .chain(&articles)
                    .find(|f| f.path == problem.path)
                    .map(|f| f.text.as_str());
                check_problem(problem, text);
            }
        }
    }
});
