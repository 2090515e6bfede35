/// The per-message CPU cost of scans in a trust against one school deployed alone:
/// seconds per round for each of the three runs `SchoolsBenchmark.perMessage` alternates.
struct PerMessageCost {
    var alone: [Double]
    var routed: [Double]
    var everySchool: [Double]
    var messages: Int

    /// Median over rounds of `run`'s time divided by the same round's `alone` time, as a
    /// signed percentage: the ratio is taken within each round so that a slow minute on
    /// a shared machine slows both sides of it.
    func overhead(_ run: [Double]) -> (median: Double, low: Double, high: Double) {
        let ratios = zip(run, alone).map { ($0 / $1 - 1) * 100 }.sorted()
        return (ratios[ratios.count / 2], ratios.first ?? 0, ratios.last ?? 0)
    }

    func microsecondsPerMessage(_ run: [Double]) -> Int {
        Int((run.sorted()[run.count / 2] / Double(messages) * 1e6).rounded())
    }

    var summary: String {
        func percent(_ value: Double) -> String { (value >= 0 ? "+" : "") + String(Int(value.rounded())) + " %" }
        func line(_ name: String, _ run: [Double]) -> String {
            let (median, low, high) = overhead(run)
            return "  per message, \(name): \(microsecondsPerMessage(run)) µs CPU (\(percent(median)) against the school alone;"
                + " rounds \(percent(low)) to \(percent(high)))"
        }
        return "  per message, the school alone: \(microsecondsPerMessage(alone)) µs CPU (median of \(alone.count) rounds of \(messages) messages, this thread's CPU time)\n"
            + line("routed to the same school within the trust", routed) + "\n"
            + line("every school of the trust in turn", everySchool)
    }
}
