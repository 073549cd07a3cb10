//! User Timing marks and measures, so the browser's performance tools (and the benchmark) see
//! how long the app's own work takes.

/// Runs `work` between two User Timing marks and records it as the measure `name`, so the
/// browser's performance tools (and the benchmark) see how long it took.
pub fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|window| window.performance());
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    if let Some(performance) = &performance {
        let _ = performance.mark(&start);
    }
    let result = work();
    if let Some(performance) = &performance {
        let _ = performance.mark(&end);
        let _ = performance.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}

/// Milliseconds since the page started, as `performance.now()` gives them.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}

/// Marks the moment `name` on the page's User Timing timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}
