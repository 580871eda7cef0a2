//! `cargo bench --bench extract`: time `extract` on about 1 MB of article text per
//! language, and on pathological inputs of the same size. Not a test: it prints timings.

use std::time::Instant;

use govgraph::extract::{Options, extract};
use govgraph::model::{EntityId, Lang};

fn sample(lang: Lang) -> String {
    let base = format!("{}/tests/fixtures/extract", env!("CARGO_MANIFEST_DIR"));
    let file = match lang {
        Lang::Ar => "ar-nghe-an.txt",
        Lang::De => "de-can-tho.txt",
        _ => "en-quang-ninh.txt",
    };
    std::fs::read_to_string(format!("{base}/{file}")).unwrap_or_default()
}

fn time(label: &str, text: &str, lang: Option<Lang>) {
    let mut options = Options::new(EntityId::new("source:bench"));
    options.lang = lang;
    options.area = Some("Quang Ninh".into());
    let start = Instant::now();
    let extraction = extract(text, &options);
    let elapsed = start.elapsed();
    println!(
        "{label:<28} {:>8} bytes {:>8.3} s  {:>6} entities {:>6} relations",
        text.len(),
        elapsed.as_secs_f64(),
        extraction.document.entities.len(),
        extraction.document.relations.len()
    );
}

fn repeat_to(text: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + text.len());
    while out.len() < size && !text.is_empty() {
        out.push_str(text);
        out.push('\n');
    }
    out
}

fn main() {
    const MB: usize = 1 << 20;
    for lang in [Lang::En, Lang::De, Lang::Ar] {
        let text = repeat_to(&sample(lang), MB);
        time(&format!("articles ({lang})"), &text, Some(lang));
    }
    time(
        "one long sentence of names",
        &"Nguyen Van ".repeat(MB / 11),
        Some(Lang::En),
    );
    time(
        "one long list of communes",
        &format!("communes: {}", "Tan Lap, ".repeat(MB / 9)),
        Some(Lang::En),
    );
    time(
        "titles without names",
        &"Secretary of the Provincial Party Committee, ".repeat(MB / 45),
        Some(Lang::En),
    );
    time("arabic separators", &"، و".repeat(MB / 5), Some(Lang::Ar));
    time("binary", &"\u{0}\u{7}\u{fffd}".repeat(MB / 5), None);
}
