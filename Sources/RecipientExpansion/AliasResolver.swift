import ChaperoneModel

/// Expands envelope recipients recursively through an `AliasLookup`, level by level so
/// that each level is one batch of lookups, then walks the graph from each envelope
/// recipient: an address that maps to nothing, or to itself among others (Postfix's
/// self-reference), is a final address; an address met again on its own path is a loop,
/// which is stopped and reported. Bounded by `maxDepth` and `maxAddresses`.
public struct AliasResolver: Sendable {
    public let lookup: any AliasLookup
    public let maxDepth: Int
    public let maxAddresses: Int

    public init(lookup: any AliasLookup, maxDepth: Int, maxAddresses: Int) {
        self.lookup = lookup
        self.maxDepth = maxDepth
        self.maxAddresses = maxAddresses
    }

    /// Expands the recipients for which `expandable` is true; others are final as written.
    public func expand(_ recipients: [String], expandable: (String) -> Bool) throws(ExpansionError) -> RecipientExpansion {
        let roots = recipients.map { ($0, Self.normalise($0)) }
        var edges: [String: [String]] = [:]
        var seen = Set<String>()
        var frontier = roots.map(\.1).filter(expandable).filter { seen.insert($0).inserted }
        var depth = 0
        while !frontier.isEmpty {
            let answers = try lookup.targets(of: frontier)
            var next: [String] = []
            for address in frontier {
                guard let targets = answers[address] else { continue }
                edges[address] = targets
                for target in targets where target != address && seen.insert(target).inserted {
                    next.append(target)
                }
            }
            guard seen.count <= maxAddresses else { throw .tooManyAddresses(limit: maxAddresses) }
            depth += 1
            if !next.isEmpty, depth > maxDepth { throw .tooDeep(address: next[0], limit: maxDepth) }
            frontier = next
        }
        var walk = GraphWalk(edges: edges)
        var expanded: [ExpandedRecipient] = []
        var problems: [ScanProblem] = []
        var delivered = Set<String>()
        for (written, root) in roots {
            guard edges[root] != nil else {
                if delivered.insert(written.lowercased() + "|").inserted { expanded.append(ExpandedRecipient(address: written)) }
                continue
            }
            let result = walk.finals(from: root)
            for loop in result.loops {
                problems.append(ScanProblem(
                    kind: .aliasLoop, location: "recipient \(written)",
                    message: "alias loop \(loop.joined(separator: " → ")) stopped; Postfix cannot deliver through it: fix the alias tables"))
            }
            let finals = result.finals.isEmpty ? [root] : result.finals
            for address in finals {
                let list: String? = address == root ? nil : written
                if delivered.insert(address + "|" + (list ?? "")).inserted {
                    expanded.append(ExpandedRecipient(address: address, list: list))
                }
            }
        }
        return RecipientExpansion(recipients: expanded, problems: problems)
    }

    static func normalise(_ address: String) -> String {
        var text = address.trimmingWhitespace
        if text.hasPrefix("<"), text.hasSuffix(">") { text = String(text.dropFirst().dropLast()) }
        return text.lowercased()
    }
}

/// Depth-first walk over the expansion graph from one root: final addresses in order,
/// and each loop as the path that closes it.
struct GraphWalk {
    let edges: [String: [String]]

    mutating func finals(from root: String) -> (finals: [String], loops: [[String]]) {
        var finals: [String] = []
        var loops: [[String]] = []
        var done = Set<String>()
        var path: [String] = []
        var onPath = Set<String>()
        func visit(_ address: String) {
            if onPath.contains(address) {
                let start = path.firstIndex(of: address) ?? 0
                loops.append(Array(path[start...]) + [address])
                return
            }
            guard done.insert(address).inserted else { return }
            guard let targets = edges[address] else {
                finals.append(address)
                return
            }
            path.append(address)
            onPath.insert(address)
            for target in targets {
                if target == address { finals.append(address) } else { visit(target) }
            }
            path.removeLast()
            onPath.remove(address)
        }
        visit(root)
        return (finals, loops)
    }
}
