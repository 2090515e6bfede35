/// A lenient scanner over a parameterised header value. Quoted strings keep backslash
/// escapes' characters, comments are skipped, and unquoted values containing spaces (a
/// common client bug) are read up to the next `;`. ASCII text is scanned as bytes
/// (`UInt8`), other text as Characters; the rule is the same code for both, and on ASCII
/// a Character is one byte (CR LF, the one exception, is whitespace and text either way).
struct ParameterScanner<Unit: ParameterScanUnit> {
    private let characters: [Unit]
    private var index = 0

    init(_ units: [Unit]) {
        characters = units
    }

    mutating func readMainValue() -> String {
        var value: [Unit] = []
        while index < characters.count, characters[index] != Unit.semicolon {
            if characters[index] == Unit.openParenthesis { skipComment(); continue }
            if characters[index] == Unit.quote { value += readQuoted(); continue }
            value.append(characters[index])
            index += 1
        }
        return Unit.text(value).trimmingASCIIWhitespaceAndQuotes()
    }

    /// The next `(lower-cased name, value)`, or `nil` at the end.
    mutating func readParameter() -> (String, String)? {
        while index < characters.count {
            while index < characters.count, characters[index] == Unit.semicolon || characters[index].isWhitespace { index += 1 }
            var name: [Unit] = []
            while index < characters.count, characters[index] != Unit.equals, characters[index] != Unit.semicolon {
                if characters[index] == Unit.openParenthesis { skipComment(); continue }
                if !characters[index].isWhitespace { name.append(characters[index]) }
                index += 1
            }
            guard index < characters.count, characters[index] == Unit.equals else {
                if index >= characters.count { return nil }
                continue
            }
            index += 1
            while index < characters.count, characters[index] == Unit.space || characters[index] == Unit.tab { index += 1 }
            let value = readValue()
            if !name.isEmpty { return (Unit.lowercasedText(name), value) }
        }
        return nil
    }

    private mutating func readValue() -> String {
        if index < characters.count, characters[index] == Unit.quote {
            let quoted = readQuoted()
            while index < characters.count, characters[index] != Unit.semicolon { index += 1 }
            return Unit.text(quoted)
        }
        var value: [Unit] = []
        while index < characters.count, characters[index] != Unit.semicolon {
            if characters[index] == Unit.openParenthesis { skipComment(); continue }
            value.append(characters[index])
            index += 1
        }
        return Unit.text(value).trimmingHeaderBlanks()
    }

    private mutating func readQuoted() -> [Unit] {
        index += 1
        var value: [Unit] = []
        while index < characters.count, characters[index] != Unit.quote {
            if characters[index] == Unit.backslash, index + 1 < characters.count { index += 1 }
            value.append(characters[index])
            index += 1
        }
        index += 1
        return value
    }

    private mutating func skipComment() {
        var depth = 0
        while index < characters.count {
            let unit = characters[index]
            if unit == Unit.openParenthesis {
                depth += 1
            } else if unit == Unit.closeParenthesis {
                depth -= 1
            } else if unit == Unit.backslash {
                index += 1
            }
            index += 1
            if depth == 0 { return }
        }
    }
}
