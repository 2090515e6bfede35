/// Small text clean-ups shared by the readers.
enum RosterText {
    /// Splits `a@x.org; b@y.com` or `a@x.org, b@y.com` into addresses.
    static func list(_ value: String) -> [String] {
        // One address (the usual case): no split, no Strings beyond the value itself.
        guard value.utf8.contains(where: { $0 == 59 || $0 == 44 || $0 == 32 }) else {
            let trimmed = value.trimmingCharacters
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return value.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " }).map { String($0).trimmingCharacters }
            .filter { !$0.isEmpty }
    }

    /// Splits a one-field address on line breaks and commas.
    static func addressLines(_ value: String) -> [String] {
        // One line with no comma (the usual case): no split.
        guard value.utf8.contains(where: { $0 == 10 || $0 == 13 || $0 == 44 }) else {
            let trimmed = value.trimmingCharacters
            return trimmed.isEmpty ? [] : [trimmed]
        }
        return value.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," }).map { String($0).trimmingCharacters }
            .filter { !$0.isEmpty }
    }
}

extension String {
    /// Without leading and trailing whitespace (including no-break spaces and a BOM).
    var trimmingCharacters: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
