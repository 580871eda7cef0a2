//! Chart and page generation at scale: `build::outputs` (every org chart, working-group
//! chart and the page) for a synthetic graph of `GOVGRAPH_BENCH_PEOPLE` people (default
//! 50 000: 100 000 people and posts plus provinces and bodies). Run: `cargo bench --bench charts`.

use std::fmt::Write;
use std::time::Instant;

use govgraph::build;
use govgraph::graph::Graph;
use govgraph::model::Document;

fn records(people: usize) -> String {
    let provinces = (people / 1000).max(1);
    let mut text = String::from(
        "#![enable(implicit_some)]\n(entities: [\n(id: \"area:vn\", name: \"Viet Nam\", kind: area(level: country)),\n(id: \"source:s\", name: \"S\", kind: source(url: \"u\", lang: en)),\n",
    );
    for p in 0..provinces {
        writeln!(
            text,
            "(id: \"area:p{p}\", name: \"Province {p}\", kind: area(level: province)),"
        )
        .unwrap();
        writeln!(text, "(id: \"org:p{p}\", name: \"Party Committee {p}\", kind: organization(classification: party_committee)),").unwrap();
        writeln!(
            text,
            "(id: \"group:p{p}\", name: \"Group {p}\", kind: working_group(number: 1)),"
        )
        .unwrap();
    }
    for i in 0..people {
        writeln!(
            text,
            "(id: \"person:n{i}\", name: \"Nguyen Van {i}\", kind: person),"
        )
        .unwrap();
        writeln!(
            text,
            "(id: \"post:n{i}\", name: \"Post {i}\", kind: post(role: member)),"
        )
        .unwrap();
    }
    text.push_str("], relations: [\n");
    let ev = "evidence: [(source: \"source:s\", quote: \"q\")]";
    for p in 0..provinces {
        writeln!(
            text,
            "(kind: within, from: \"org:p{p}\", to: \"area:p{p}\"),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: within, from: \"area:p{p}\", to: \"area:vn\"),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: established_by, from: \"group:p{p}\", to: \"org:p{p}\", {ev}),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: leads, from: \"person:n{p}\", to: \"group:p{p}\", {ev}),"
        )
        .unwrap();
    }
    for i in 0..people {
        let p = i % provinces;
        writeln!(
            text,
            "(kind: post_of, from: \"post:n{i}\", to: \"org:p{p}\", {ev}),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: holds, from: \"person:n{i}\", to: \"post:n{i}\", as_of: \"2025\", {ev}),"
        )
        .unwrap();
    }
    text.push_str("])\n");
    text
}

fn main() {
    let people: usize = std::env::var("GOVGRAPH_BENCH_PEOPLE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let document: Document = ron::from_str(&records(people)).expect("synthetic records parse");
    let entities = document.entities.len();
    let graph = Graph::new(document);
    let start = Instant::now();
    let files = build::outputs(&graph);
    let elapsed = start.elapsed();
    let charts = files.keys().filter(|n| n.ends_with(".dot")).count();
    let bytes: usize = files.values().map(Vec::len).sum();
    println!(
        "charts: {entities} entities: {charts} DOT charts, the page and the graph files ({:.1} MB) in {:.2} s",
        bytes as f64 / 1e6,
        elapsed.as_secs_f64()
    );
}
