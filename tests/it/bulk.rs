//! Bulk articles: a folder of front-matter-free `.txt` files builds with no script, and
//! front matter that is present but incomplete stays an error.

use crate::support::{TempDir, govgraph};

#[test]
fn five_hundred_front_matter_free_articles_build() {
    let tmp = TempDir::new("bulk");
    let articles = tmp.path().join("data/articles");
    std::fs::create_dir_all(&articles).unwrap();
    let en = "the provincial council met and approved the plan for the roads of the district";
    let vi = "hội đồng nhân dân tỉnh đã họp và thông qua kế hoạch làm đường cho các xã";
    let de = "der Rat der Provinz hat sich getroffen und den Plan für die Straßen beschlossen";
    for i in 0..500u32 {
        let day = i % 28 + 1;
        let text = match i % 3 {
            0 => format!("On May {day}, 2024 {en}.\n"),
            1 => format!("Ngày {day} tháng 5 năm 2024, {vi}.\n"),
            // Some German articles have no date; `--date` decides it.
            _ if i % 10 == 2 => format!("Heute {de}.\n"),
            _ => format!("Am {day}. Mai 2024 {de}.\n"),
        };
        std::fs::write(articles.join(format!("item-{i:03}.txt")), text).unwrap();
    }
    let data = format!("{}/data", tmp.str());
    let out = format!("{}/graphs", tmp.str());
    let run = govgraph(&[
        "build", "--data", &data, "--out", &out, "--no-svg", "--date", "2024-05", "--format",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(summary["entities"]["source"], 500);
    let undecided = summary["undecided"].as_object().unwrap();
    // The German articles without a date; every article also lacks a `source:` line.
    let dateless = undecided
        .values()
        .filter(|v| {
            v.to_string()
                .contains("no date in the text; --date 2024-05")
        })
        .count();
    assert_eq!(dateless, (0..500).filter(|i| i % 30 == 2).count());
    assert_eq!(undecided.len(), 500);
}

#[test]
fn incomplete_front_matter_stays_an_error() {
    let tmp = TempDir::new("bulk-broken");
    let articles = tmp.path().join("data/articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(
        articles.join("a.txt"),
        "---\nlang: en\n---\nOn May 2, 2024 the council met.\n",
    )
    .unwrap();
    let data = format!("{}/data", tmp.str());
    let out = format!("{}/graphs", tmp.str());
    let run = govgraph(&["build", "--data", &data, "--out", &out, "--no-svg"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("front matter lacks `source`, `date`"));
}
