//! `cargo bench --bench extract`: time `extract` per MB of input at 1, 2, 4, 8 and 16 MB,
//! for article text in every language and for pathological inputs. Linear time shows as
//! a flat "s/MB" column. Not a test: it prints timings. `GOVGRAPH_BENCH_MAX_MB` caps the
//! largest size (16 by default).

use std::time::Instant;

use govgraph::extract::{Options, extract};
use govgraph::model::{EntityId, Lang};

fn sample(lang: Lang) -> String {
    let base = format!("{}/tests/fixtures/extract", env!("CARGO_MANIFEST_DIR"));
    let file = match lang {
        Lang::Ar => "ar-nghe-an.txt",
        Lang::De => "de-can-tho.txt",
        Lang::Fr => "fr-yen-bai-delegations.txt",
        Lang::Vi => "vi-yen-bai-groups.txt",
        Lang::En => "en-quang-ninh.txt",
    };
    std::fs::read_to_string(format!("{base}/{file}")).unwrap_or_default()
}

fn repeat_to(text: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + text.len() + 1);
    while out.len() < size && !text.is_empty() {
        out.push_str(text);
    }
    out
}

fn time(label: &str, unit: &str, lang: Option<Lang>, sizes: &[usize]) {
    const MB: usize = 1 << 20;
    let mut row = format!("{label:<34}");
    let mut per = Vec::new();
    for &mb in sizes {
        let text = repeat_to(unit, mb * MB);
        let mut options = Options::new(EntityId::new("source:bench"));
        options.lang = lang;
        options.area = Some("Quang Ninh".into());
        let start = Instant::now();
        let extraction = extract(&text, &options);
        let per_mb = start.elapsed().as_secs_f64() / mb as f64;
        std::hint::black_box(extraction.document.entities.len());
        row.push_str(&format!(" {mb:>2} MB {per_mb:>6.3} s/MB |"));
        per.push(per_mb);
    }
    // Linear time: the largest size costs per MB what the smallest does.
    if let (Some(first), Some(last)) = (per.first(), per.last())
        && per.len() > 1
    {
        row.push_str(&format!(" last/first {:.2}", last / first));
    }
    println!("{row}");
}

fn main() {
    let max: usize = std::env::var("GOVGRAPH_BENCH_MAX_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    let sizes: Vec<usize> = [1, 2, 4, 8, 16].into_iter().filter(|&s| s <= max).collect();
    for lang in [Lang::En, Lang::De, Lang::Ar, Lang::Fr, Lang::Vi] {
        let text = sample(lang) + "\n";
        time(&format!("articles ({lang})"), &text, Some(lang), &sizes);
    }
    let cases: &[(&str, &str, Option<Lang>)] = &[
        ("run of names", "Nguyen Van ", Some(Lang::En)),
        (
            "run of titles",
            "Secretary of the Provincial Party Committee, ",
            Some(Lang::En),
        ),
        ("title then speech", "Secretary said ", Some(Lang::En)),
        ("run of commas", ", ", Some(Lang::En)),
        ("run of \"and\"", "and ", Some(Lang::En)),
        ("run of \"và\"", "và ", Some(Lang::Vi)),
        ("run of \"et\"", "et ", Some(Lang::Fr)),
        ("run of \"و\"", "و ", Some(Lang::Ar)),
        ("vi run of names", "Nguyễn Văn ", Some(Lang::Vi)),
        ("ar run of names", "نجوين فان ", Some(Lang::Ar)),
        (
            "commune list",
            "communes: Tan Lap, Tan Lap and ",
            Some(Lang::En),
        ),
        (
            "name then titles",
            "Tran Van Ba, Secretary, Chair, Head, ",
            Some(Lang::En),
        ),
        (
            "group with communes",
            "Working Group No. 3 led by Comrade Tran Van Ba worked with communes Tan Lap, ",
            Some(Lang::En),
        ),
        (
            "arabic without spaces",
            "الرفيقنجوينفانآنسكرتير،و",
            Some(Lang::Ar),
        ),
        (
            "vi titles",
            "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh ",
            Some(Lang::Vi),
        ),
        (
            "vi wards",
            "các phường: Tân Lập, Hồng Hà và ",
            Some(Lang::Vi),
        ),
        (
            "fr titles",
            "secrétaire du Comité provincial du Parti de Yen Bai, ",
            Some(Lang::Fr),
        ),
        ("binary", "\u{0}\u{7}\u{fffd}", None),
    ];
    for (label, unit, lang) in cases {
        time(label, unit, *lang, &sizes);
    }
}
