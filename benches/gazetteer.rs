//! Loading the gazetteer: parse time and memory of `data/gazetteer/vn.tsv` (the goal is at
//! most 50 ms and 50 MB added to a build), and place recognition over 1 MB of text.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    let path = std::path::Path::new("data");
    let runs = 10;
    let mut best = f64::MAX;
    let mut peak = 0;
    let mut units = 0;
    for _ in 0..runs {
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let start = Instant::now();
        let g = govgraph::load::read_gazetteer(path)
            .expect("the gazetteer loads")
            .expect("data/gazetteer/vn.tsv exists");
        best = best.min(start.elapsed().as_secs_f64());
        peak = peak.max(PEAK.load(Ordering::Relaxed) - before);
        units = g.len();
    }
    println!(
        "gazetteer: {units} units, read+parse best of {runs}: {:.1} ms, peak heap {:.1} MB",
        best * 1e3,
        peak as f64 / 1e6
    );

    let text = std::fs::read_to_string("data/gazetteer/vn.tsv").expect("readable");
    let start = Instant::now();
    let parsed = govgraph::gazetteer::parse(&text).expect("parses");
    println!(
        "parse only (text in memory): {:.1} ms for {} units",
        start.elapsed().as_secs_f64() * 1e3,
        parsed.len()
    );
    let g = govgraph::gazetteer::Gazetteer::embedded();
    let start = Instant::now();
    let index = govgraph::extract::places::PlaceIndex::new(g);
    println!(
        "place automaton: built in {:.1} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let line = "Đoàn công tác làm việc với các xã Đông Kinh, Can Lộc, Tùng Lộc và Hồng Lộc; ";
    let text = line.repeat(1_000_000 / line.len());
    let date = "2025-09-01".parse().ok();
    let start = Instant::now();
    let placed = index.place(&text, date).is_some();
    println!(
        "place 1 MB of place lists: {:.1} ms (placed: {placed})",
        start.elapsed().as_secs_f64() * 1e3
    );
}
