//! `GOVGRAPH_STAGES=1`: one line on standard error per stage of `build` and `check`, with
//! its wall and CPU time, the resident memory after it (freed heap given back first) and the highest resident memory during it.
//! What the scale figures in the README were measured with; silent otherwise.

use std::time::Instant;

/// Times the stages of one command.
pub struct Stages {
    on: bool,
    last: Instant,
    cpu: f64,
}

impl Stages {
    /// Reports only when `GOVGRAPH_STAGES` is set to something other than `0`.
    pub fn start() -> Self {
        let on = std::env::var("GOVGRAPH_STAGES").is_ok_and(|v| !v.is_empty() && v != "0");
        if on {
            reset_peak();
        }
        Stages {
            on,
            last: Instant::now(),
            cpu: cpu_seconds(),
        }
    }

    /// Ends the stage `name`: prints its time and memory, and starts the next one.
    pub fn end(&mut self, name: &str) {
        if !self.on {
            return;
        }
        let peak = memory().1;
        trim();
        let rss = memory().0;
        let cpu = cpu_seconds();
        eprintln!(
            "stage {name}: {:.2} s, {:.2} s CPU, rss {} MiB, peak {} MiB",
            self.last.elapsed().as_secs_f64(),
            cpu - self.cpu,
            rss >> 10,
            peak >> 10
        );
        reset_peak();
        self.last = Instant::now();
        self.cpu = cpu;
    }
}

/// Resident and peak resident memory in KiB (`/proc/self/status`; zero elsewhere).
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// User and system CPU seconds of this process so far (`/proc/self/stat`, in the usual
/// 100 ticks a second; zero elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|t| t.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}

/// Gives freed heap pages back to the system, so the resident memory after a stage is
/// what it still holds and the next stage's peak is its own (glibc only).
fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free memory of the allocator; it reads no pointer.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Starts the peak over from the current resident memory (Linux: `clear_refs` 5).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}
