/// What the running Postfix says about address mapping, read with
/// `postconf -c DIR -x -h`: the maps named by `virtual_alias_maps` and `alias_maps`, the
/// local domains (`mydestination`), `myorigin` and `recipient_delimiter`.
public struct PostfixAliasSettings: Hashable, Sendable {
    public var virtualAliasMaps: [String]
    public var aliasMaps: [String]
    /// Lower-cased domains that are local (where `alias_maps` and bare-localpart
    /// virtual lookups apply).
    public var localDomains: Set<String>
    public var myorigin: String
    /// Characters that start an address extension (`user+ext`); empty for none.
    public var recipientDelimiters: String

    public init(virtualAliasMaps: [String], aliasMaps: [String], localDomains: Set<String>, myorigin: String, recipientDelimiters: String) {
        self.virtualAliasMaps = virtualAliasMaps
        self.aliasMaps = aliasMaps
        self.localDomains = localDomains
        self.myorigin = myorigin
        self.recipientDelimiters = recipientDelimiters
    }

    /// The parameters asked of `postconf`, in the order its output lines come back.
    static let parameters = ["virtual_alias_maps", "alias_maps", "mydestination", "myorigin", "recipient_delimiter"]

    /// Parses the output of `postconf -x -h` for `parameters` (one value per line).
    static func parse(postconfOutput text: String) -> PostfixAliasSettings? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= parameters.count else { return nil }
        let domains = mapList(lines[2]).filter { !$0.contains(":") && !$0.hasPrefix("/") && !$0.hasPrefix("[") }
        return PostfixAliasSettings(
            virtualAliasMaps: mapList(lines[0]), aliasMaps: mapList(lines[1]),
            localDomains: Set(domains.map { $0.lowercased() }), myorigin: lines[3].trimmingWhitespace.lowercased(),
            recipientDelimiters: lines[4].trimmingWhitespace)
    }

    /// Splits a Postfix list on commas and white space, keeping `{…}` groups
    /// (`inline:{a=b, c=d}`) whole.
    static func mapList(_ value: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in value {
            if character == "{" { depth += 1 }
            if character == "}" { depth = max(0, depth - 1) }
            if depth == 0, character == "," || character == " " || character == "\t" {
                if !current.isEmpty { items.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { items.append(current) }
        return items
    }
}
