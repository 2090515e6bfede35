/// One step of expansion for a batch of addresses: what each address maps to in the
/// tables consulted. An address missing from the answer is delivered as it stands.
/// Addresses are lower-case `local@domain`; targets are the same form, except that a
/// program or file delivery (`|command`, `/path`) is dropped as local to the mail host.
public protocol AliasLookup: Sendable {
    func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]]
}

/// Consults each lookup in turn; an address answered by one is not asked of the next
/// (the configured list file first, then Postfix).
public struct ChainedAliasLookup: AliasLookup {
    public let lookups: [any AliasLookup]

    public init(_ lookups: [any AliasLookup]) {
        self.lookups = lookups
    }

    public func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]] {
        var answers: [String: [String]] = [:]
        var remaining = addresses
        for lookup in lookups where !remaining.isEmpty {
            let found = try lookup.targets(of: remaining)
            answers.merge(found) { first, _ in first }
            remaining.removeAll { found[$0] != nil }
        }
        return answers
    }
}
