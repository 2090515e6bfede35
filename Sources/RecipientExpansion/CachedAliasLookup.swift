import Foundation

/// Remembers each address's answer (its targets, or that it is delivered as it stands)
/// for `seconds`, so a busy hour of mail to the same lists runs Postfix's lookup
/// programs about once a minute. At most `maxEntries` answers are kept; when full,
/// expired answers are dropped, then all. Shared across the scan threads.
public final class CachedAliasLookup: AliasLookup, @unchecked Sendable {
    private let inner: any AliasLookup
    private let seconds: Double
    private let maxEntries: Int
    private let lock = NSLock()
    private var entries: [String: (targets: [String]?, expires: Date)] = [:]
    private var counters = (hits: 0, misses: 0)

    public init(_ inner: any AliasLookup, seconds: Double, maxEntries: Int) {
        self.inner = inner
        self.seconds = seconds
        self.maxEntries = maxEntries
    }

    public func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]] {
        let now = Date()
        var answers: [String: [String]] = [:]
        var missing: [String] = []
        lock.withLock {
            for address in addresses {
                if let entry = entries[address], entry.expires > now {
                    if let targets = entry.targets { answers[address] = targets }
                    counters.hits += 1
                } else {
                    missing.append(address)
                    counters.misses += 1
                }
            }
        }
        guard !missing.isEmpty else { return answers }
        let found = try inner.targets(of: missing)
        answers.merge(found) { first, _ in first }
        guard seconds > 0, maxEntries > 0 else { return answers }
        let expires = now.addingTimeInterval(seconds)
        lock.withLock {
            if entries.count + missing.count > maxEntries { entries = entries.filter { $0.value.expires > now } }
            if entries.count + missing.count > maxEntries { entries.removeAll(keepingCapacity: true) }
            for address in missing.prefix(maxEntries) { entries[address] = (found[address], expires) }
        }
        return answers
    }

    /// Answers served from the cache and asked of the tables, since start.
    public var statistics: (hits: Int, misses: Int) { lock.withLock { counters } }

    /// Forgets every answer (tests and measurements of a cold cache).
    public func removeAll() {
        lock.withLock { entries.removeAll() }
    }
}
