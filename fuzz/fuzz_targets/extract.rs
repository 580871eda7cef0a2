//! Extraction in every language: no panic, every diagnostic span inside the text on
//! character boundaries, and the extracted records written as RON read back to the same
//! records. The first byte chooses the language: 0 detect, then ar, de, en, fr, vi.
#![no_main]

use govgraph::export::to_ron;
use govgraph::extract::{Options, extract};
use govgraph::load::{InputFile, parse_document};
use govgraph::model::{EntityId, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut options = Options::new(EntityId::new("source:fuzz".to_string()));
    options.lang = match choice % 6 {
        0 => None,
        1 => Some(Lang::Ar),
        2 => Some(Lang::De),
        3 => Some(Lang::En),
        4 => Some(Lang::Fr),
        _ => Some(Lang::Vi),
    };
    let extraction = extract(&text, &options);
    for diagnostic in &extraction.diagnostics {
        if let Some((start, end)) = diagnostic.span {
            assert!(start <= end && end <= text.len(), "{diagnostic:?}");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
    let written = to_ron(&extraction.document);
    let file = InputFile {
        path: "extracted.ron".to_string(),
        text: written.clone(),
    };
    let read = parse_document(&file).expect("extracted records read back");
    assert_eq!(
        to_ron(&read),
        written,
        "extracted records do not round-trip"
    );
});
