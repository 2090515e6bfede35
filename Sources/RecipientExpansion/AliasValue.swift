/// The right-hand side of an alias or virtual-alias entry: addresses separated by
/// commas or white space, a quoted local part kept whole, `<…>` brackets removed,
/// lower-cased (program, file and `:include:` entries are kept as written).
enum AliasValue {
    static func split(_ text: String) -> [String] {
        var members: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "," || character == " " || character == "\t" {
                if !current.isEmpty { members.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { members.append(current) }
        return members.map { member in
            var address = member
            if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
            let local = address.hasPrefix("|") || address.hasPrefix("/") || address.lowercased().hasPrefix(":include:")
            return local ? address : address.lowercased()
        }.filter { !$0.isEmpty }
    }
}
