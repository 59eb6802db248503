//! Timing for the benchmarks.

use std::time::{Duration, Instant};

/// Runs `f` `runs` times and reports its median and fastest time.
pub fn measure(name: &str, runs: usize, mut f: impl FnMut()) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    println!("{name:<48} median {:>10.3?}   fastest {:>10.3?}   ({runs} runs)", times[runs / 2], times[0]);
}
