//! Judgements (`judgements.ron`): no panic, every problem positioned and escaped, and what
//! parses is checked against a small document of persons and a post.
#![no_main]

use std::sync::OnceLock;

use govgraph::load::{InputFile, check_judgements, parse_document, parse_judgements};
use govgraph::model::Document;
use govgraph_fuzz::check_problem;
use libfuzzer_sys::fuzz_target;

const PEOPLE: &str = r#"(entities: [
  (id: "person:a", name: "A", kind: person),
  (id: "person:b", name: "B", kind: person),
  (id: "person:c", name: "C", kind: person),
  (id: "post:chair", name: "Chair", kind: post(role: chair)),
])"#;

fn people() -> &'static Document {
    static DOCUMENT: OnceLock<Document> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let file = InputFile {
            path: "people.ron".into(),
            text: PEOPLE.into(),
        };
        let mut document = parse_document(&file).expect("the fixed document parses");
        document.sort();
        document
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let file = InputFile {
        path: "judgements.ron".into(),
        text: text.into(),
    };
    match parse_judgements(&file.path, text) {
        Ok(judgements) => {
            if let Err(problems) = check_judgements(&file, &judgements, people()) {
                assert!(!problems.is_empty());
                for problem in &problems {
                    check_problem(problem, Some(text));
                }
            }
        }
        Err(problem) => check_problem(&problem, Some(text)),
    }
});
