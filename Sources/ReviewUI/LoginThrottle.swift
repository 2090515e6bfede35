import Foundation

/// Failed sign-ins per client address within a window: past the limit that address
/// may not try again until the window has passed. (Per-account lockout is kept in the
/// store, so it holds across restarts and processes.)
public actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval
    /// Addresses remembered at most; the oldest are forgotten first.
    private let maxAddresses = 10_000

    public init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// True when `address` has used up its failures in the current window.
    public func isBlocked(_ address: String, now: Date) -> Bool {
        recent(address, now: now).count >= limit
    }

    /// Counts one failure from `address`.
    public func recordFailure(_ address: String, now: Date) {
        if failures.count >= maxAddresses {
            failures = failures.filter { !($0.value.last.map { now.timeIntervalSince($0) >= window } ?? true) }
            if failures.count >= maxAddresses { failures.removeAll() }
        }
        failures[address] = recent(address, now: now) + [now]
    }

    private func recent(_ address: String, now: Date) -> [Date] {
        (failures[address] ?? []).filter { now.timeIntervalSince($0) < window }
    }
}
