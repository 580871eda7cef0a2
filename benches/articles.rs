//! `cargo bench --bench articles`: `govgraph build` over 10,000 generated articles, cold
//! (empty cache), warm (nothing changed) and after adding one article (one extraction).
//!
//! The articles are our own templates in the phrasings the extractor reads (English and
//! Vietnamese working-group reports), with invented names and places; never corpus text.
//! Set `GOVGRAPH_BENCH_ARTICLES` to change the count. Not a test: it prints timings.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::time::Instant;

const FAMILY: [&str; 8] = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"];
const MIDDLE: [&str; 6] = ["Van", "Thi", "Duc", "Minh", "Quang", "Huu"];
const GIVEN: [&str; 10] = [
    "Anh", "Binh", "Cuong", "Dung", "Giang", "Hai", "Khanh", "Long", "Nam", "Phuc",
];
const PLACE: [&str; 12] = [
    "Tan", "Phuoc", "Binh", "Son", "Hoa", "Lac", "Thanh", "Vinh", "Dong", "Tay", "Kim", "My",
];

fn name(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[i % 8],
        MIDDLE[(i / 8) % 6],
        GIVEN[(i / 48) % 10]
    )
}

fn place(i: usize) -> String {
    format!("{} {}", PLACE[i % 12], PLACE[(i / 12 + 5) % 12])
}

fn article(i: usize) -> String {
    let province = place(i % 40 + 3);
    let (a, b, c) = (place(i + 1), place(i + 7), place(i + 13));
    let day = i % 28 + 1;
    let mut text = String::new();
    if i.is_multiple_of(2) {
        writeln!(
            text,
            "---\nsource: https://example.org/en/{i}\nlang: en\ndate: 2025-06-{day:02}\n---"
        )
        .unwrap();
        writeln!(
            text,
            "On {day} June, Working Group No. {} of the {province} Provincial Party Standing \
             Committee, led by comrade {}, Deputy Secretary of the Provincial Party Committee, \
             worked with 3 communes: {a}, {b} and {c}.",
            i % 9 + 1,
            name(i)
        )
        .unwrap();
        writeln!(
            text,
            "Accompanying the group was comrade {}, Member of the Provincial Party Standing \
             Committee.",
            name(i + 3)
        )
        .unwrap();
    } else {
        writeln!(
            text,
            "---\nsource: https://example.org/vi/{i}\nlang: vi\ndate: 2025-07-{day:02}\n---"
        )
        .unwrap();
        writeln!(
            text,
            "Ngày {day}/7, Đoàn công tác số {} của Ban Thường vụ Tỉnh ủy {province} do đồng chí \
             {}, Phó Bí thư Tỉnh ủy, làm trưởng đoàn đã làm việc với xã {a}.",
            i % 9 + 1,
            name(i)
        )
        .unwrap();
    }
    text
}

fn build(data: &Path, out: &Path) -> f64 {
    let start = Instant::now();
    let mut sink = Vec::new();
    govgraph::run(
        [
            "govgraph",
            "build",
            "--no-svg",
            "--data",
            data.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ],
        &mut sink,
    )
    .expect("the generated articles build");
    start.elapsed().as_secs_f64()
}

fn main() {
    let n: usize = std::env::var("GOVGRAPH_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let root = std::env::temp_dir().join(format!("govgraph-bench-articles-{}", std::process::id()));
    let (data, out) = (root.join("data"), root.join("graphs"));
    fs::create_dir_all(data.join("articles")).unwrap();
    let mut bytes = 0;
    for i in 0..n {
        let text = article(i);
        bytes += text.len();
        fs::write(data.join(format!("articles/{i:05}-bench.txt")), text).unwrap();
    }
    let cold = build(&data, &out);
    let warm = build(&data, &out);
    fs::write(data.join(format!("articles/{n:05}-bench.txt")), article(n)).unwrap();
    let one_more = build(&data, &out);
    println!(
        "articles: {n} ({:.1} MB), threads {}: cold {cold:.2} s, warm {warm:.2} s, \
         one added {one_more:.2} s",
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    if std::env::var_os("GOVGRAPH_BENCH_KEEP").is_none() {
        let _ = fs::remove_dir_all(&root);
    } else {
        println!("kept {}", root.display());
    }
}
