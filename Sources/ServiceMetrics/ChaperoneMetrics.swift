import CoreMetrics
import Foundation

/// Every metric Chaperone records, by name, in one place: the milter and store call
/// these few functions, and whatever swift-metrics backend `serve` bootstrapped (the
/// Prometheus endpoint, or none: then they cost next to nothing) receives them. Labels
/// carry actions, sections, reasons and outcomes only, never addresses or content.
///
/// | metric | kind | labels |
/// |---|---|---|
/// | `chaperone_decisions_total` | counter | `action`, `section` (`none` when no rule fired; one count per section) |
/// | `chaperone_scan_seconds` | histogram | |
/// | `chaperone_fail_actions_total` | counter | `reason` |
/// | `chaperone_messages_in_flight` | gauge | |
/// | `chaperone_spool_bytes` | gauge | bytes of the messages being decided |
/// | `chaperone_store_commit_seconds` | histogram | `kind` (`decision`, `quarantine`) |
/// | `chaperone_notices_total` | counter | `outcome` (`sent`, `skipped`, `failed`) |
/// | `chaperone_roster_pupils` | gauge | |
/// | `chaperone_roster_loaded_timestamp_seconds` | gauge | Unix time of the last load |
/// | `chaperone_roster_age_seconds` | gauge | updated at every scrape |
public enum ChaperoneMetrics {
    /// One decision: counted once per section that fired, or once with `section="none"`.
    public static func decided(action: String, sections: [String]) {
        for section in sections.isEmpty ? ["none"] : sections {
            Counter(label: "chaperone_decisions_total", dimensions: [("action", action), ("section", section)]).increment()
        }
    }

    public static func scanned(seconds: Double) {
        CoreMetrics.Timer(label: "chaperone_scan_seconds").recordNanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// A fail action applied instead of a decision; `reason` is a short code such as `deadline_exceeded`.
    public static func failAction(reason: String) {
        Counter(label: "chaperone_fail_actions_total", dimensions: [("reason", reason)]).increment()
    }

    /// A message of `bytes` bytes starts or stops being decided.
    public static func inFlight(bytes: Int, starting: Bool) {
        let messages = Meter(label: "chaperone_messages_in_flight")
        let spool = Meter(label: "chaperone_spool_bytes")
        if starting {
            messages.increment()
            spool.increment(by: Double(bytes))
        } else {
            messages.decrement()
            spool.decrement(by: Double(bytes))
        }
    }

    /// How long the store took to commit a decision (`kind` is `decision` or `quarantine`).
    public static func storeCommitted(kind: String, seconds: Double) {
        CoreMetrics.Timer(label: "chaperone_store_commit_seconds", dimensions: [("kind", kind)]).recordNanoseconds(Int64((seconds * 1e9).rounded()))
    }

    /// A staff notice sent, skipped (nothing to explain, a bounce, …) or failed.
    public static func notice(outcome: String) {
        Counter(label: "chaperone_notices_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// A roster loaded (at start or on SIGHUP). Kept until the next scrape, which
    /// records the roster gauges (so a load before the backend was bootstrapped counts).
    public static func rosterLoaded(pupils: Int, at date: Date = Date()) {
        RosterClock.shared.loaded(pupils: pupils, at: date)
    }

    /// Records the roster gauges from the last load; the endpoint calls it before each scrape.
    public static func updateRosterGauges(now: Date = Date()) {
        guard let (pupils, loaded) = RosterClock.shared.lastLoad else { return }
        Gauge(label: "chaperone_roster_pupils").record(pupils)
        Gauge(label: "chaperone_roster_loaded_timestamp_seconds").record(loaded.timeIntervalSince1970)
        Gauge(label: "chaperone_roster_age_seconds").record(max(0, now.timeIntervalSince(loaded)))
    }
}
