/// A lenient scanner over a parameterised header value. Quoted strings keep backslash
/// escapes' characters, comments are skipped, and unquoted values containing spaces (a
/// common client bug) are read up to the next `;`.
struct ParameterScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func readMainValue() -> String {
        var value = ""
        while index < characters.count, characters[index] != ";" {
            if characters[index] == "(" { skipComment(); continue }
            if characters[index] == "\"" { value += readQuoted(); continue }
            value.append(characters[index])
            index += 1
        }
        return value.trimmingASCIIWhitespaceAndQuotes()
    }

    /// The next `(lower-cased name, value)`, or `nil` at the end.
    mutating func readParameter() -> (String, String)? {
        while index < characters.count {
            while index < characters.count, characters[index] == ";" || characters[index].isWhitespace { index += 1 }
            var name = ""
            while index < characters.count, characters[index] != "=", characters[index] != ";" {
                if characters[index] == "(" { skipComment(); continue }
                if !characters[index].isWhitespace { name.append(characters[index]) }
                index += 1
            }
            guard index < characters.count, characters[index] == "=" else {
                if index >= characters.count { return nil }
                continue
            }
            index += 1
            while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
            let value = readValue()
            if !name.isEmpty { return (name.lowercased(), value) }
        }
        return nil
    }

    private mutating func readValue() -> String {
        if index < characters.count, characters[index] == "\"" {
            let quoted = readQuoted()
            while index < characters.count, characters[index] != ";" { index += 1 }
            return quoted
        }
        var value = ""
        while index < characters.count, characters[index] != ";" {
            if characters[index] == "(" { skipComment(); continue }
            value.append(characters[index])
            index += 1
        }
        return value.trimmingHeaderBlanks()
    }

    private mutating func readQuoted() -> String {
        index += 1
        var value = ""
        while index < characters.count, characters[index] != "\"" {
            if characters[index] == "\\", index + 1 < characters.count { index += 1 }
            value.append(characters[index])
            index += 1
        }
        index += 1
        return value
    }

    private mutating func skipComment() {
        var depth = 0
        while index < characters.count {
            switch characters[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "\\": index += 1
            default: break
            }
            index += 1
            if depth == 0 { return }
        }
    }
}
