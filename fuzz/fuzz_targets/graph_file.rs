//! The `--graph FILE` reader (graph.ron or graph.json, as `export` and `build` write them):
//! no panic, every problem positioned and escaped, and a file that loads round-trips.
//! The first byte chooses the format (even: RON, odd: JSON).
#![no_main]

use govgraph::load::{InputFile, validate};
use govgraph_fuzz::{check_problem, round_trip};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let path = if choice % 2 == 0 {
        "graph.ron"
    } else {
        "graph.json"
    };
    let file = InputFile {
        path: path.to_string(),
        text: text.to_string(),
    };
    match validate(&[file], &[]) {
        Ok(dataset) => round_trip(dataset.document),
        Err(problems) => {
            for problem in &problems {
                check_problem(problem, Some(text));
            }
        }
    }
});
