//! Scale benchmark for the spine: validate records, build the graph, ask a path question.
//!
//! `cargo bench --bench spine` (set `GOVGRAPH_BENCH_PEOPLE`, default 200000). Synthetic
//! provinces each with a party committee, posts and people; each person holds two posts.
//! Prints seconds per stage so growth can be compared across sizes (it should be close to
//! n log n). Not a test: nothing here asserts a time.

use std::fmt::Write;
use std::time::Instant;

use govgraph::graph::Graph;
use govgraph::load::{InputFile, validate};
use govgraph::model::Kind;
use govgraph::query;

fn records(people: usize) -> String {
    let provinces = (people / 1000).max(1);
    let mut text = String::from(
        "(entities: [\n(id: \"area:vn\", name: \"Viet Nam\", kind: area(level: country)),\n",
    );
    for p in 0..provinces {
        writeln!(
            text,
            "(id: \"area:p{p}\", name: \"Province {p}\", kind: area(level: province)),"
        )
        .unwrap();
        writeln!(text, "(id: \"org:p{p}-party-committee\", name: \"Party Committee {p}\", kind: organization(classification: party_committee)),").unwrap();
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
    for p in 0..provinces {
        writeln!(
            text,
            "(kind: within, from: \"org:p{p}-party-committee\", to: \"area:p{p}\"),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: within, from: \"area:p{p}\", to: \"area:vn\"),"
        )
        .unwrap();
    }
    for i in 0..people {
        let p = i % provinces;
        let q = (i * 7 + 1) % people;
        let ev = "evidence: [(source: \"source:s\", quote: \"q\")]";
        writeln!(
            text,
            "(kind: post_of, from: \"post:n{i}\", to: \"org:p{p}-party-committee\", {ev}),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: holds, from: \"person:n{i}\", to: \"post:n{i}\", {ev}),"
        )
        .unwrap();
        writeln!(
            text,
            "(kind: holds, from: \"person:n{i}\", to: \"post:n{q}\", as_of: \"2025\", {ev}),"
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
        .unwrap_or(200_000);
    let source =
        "(entities: [(id: \"source:s\", name: \"S\", kind: source(url: \"u\", lang: en))])";
    let text = records(people);
    let files = [
        InputFile {
            path: "bench.ron".into(),
            text,
        },
        InputFile {
            path: "source.ron".into(),
            text: source.into(),
        },
    ];
    let start = Instant::now();
    let dataset = validate(&files, &[]).expect("synthetic records are valid");
    let validated = start.elapsed();
    let entities = dataset.document.entities.len();
    let relations = dataset.document.relations.len();
    let start = Instant::now();
    let graph = Graph::new(dataset.document).expect("generated data is valid");
    let built = start.elapsed();
    let start = Instant::now();
    let mut degree = 0usize;
    for i in 0..graph.entities().len() {
        degree += graph.links_at(i).len();
    }
    let scanned = start.elapsed();
    let start = Instant::now();
    let a = graph.find("person:n0", &[Kind::Person]).unwrap();
    let b = graph
        .find(&format!("person:n{}", people - 1), &[Kind::Person])
        .unwrap();
    let path = query::shortest_path(&graph, a, b, 12);
    let searched = start.elapsed();
    println!(
        "spine: {entities} entities, {relations} relations ({:.1} MB of RON): validate {:.2} s, graph {:.2} s, all links {:.2} s ({degree}), path ({} steps) {:.3} s",
        files[0].text.len() as f64 / 1e6,
        validated.as_secs_f64(),
        built.as_secs_f64(),
        scanned.as_secs_f64(),
        path.map_or(0, |p| p.steps.len()),
        searched.as_secs_f64()
    );
}
