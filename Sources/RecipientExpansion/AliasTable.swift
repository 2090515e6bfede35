/// A fixed table of lists, as read from `expansion.list_file`: list address → members.
/// Also the in-memory lookup tests use in place of Postfix.
public struct AliasTable: AliasLookup, Hashable {
    public let entries: [String: [String]]

    public init(_ entries: [String: [String]]) {
        var table: [String: [String]] = [:]
        for (key, members) in entries { table[key.lowercased()] = members.map { $0.lowercased() } }
        self.entries = table
    }

    public func targets(of addresses: [String]) throws(ExpansionError) -> [String: [String]] {
        var answers: [String: [String]] = [:]
        for address in addresses {
            if let members = entries[address] { answers[address] = members }
        }
        return answers
    }
}
