/// A lexical token of an RFC 5322 address list.
enum AddressToken: Equatable {
    /// An atom or dot-atom (dots kept inside).
    case atom(String)
    /// The content of a quoted string, escapes removed.
    case quoted(String)
    /// A domain literal including its brackets, `[192.0.2.1]`.
    case domainLiteral(String)
    /// The content of a comment, nested comments flattened.
    case comment(String)
    /// One of `< > @ , ; :`.
    case special(Character)

    static let specials: Set<Character> = ["<", ">", "@", ",", ";", ":"]

    /// Splits an unfolded header value into tokens; never fails. ASCII text is read as
    /// bytes (`AddressToken+Bytes.swift`); other text by Characters, so a combining mark
    /// or a Unicode space keeps its String meaning.
    static func tokenize(_ text: String) -> [AddressToken] {
        var text = text
        if let tokens = text.withUTF8({ tokenizeASCII($0) }) { return tokens }
        return tokenizeCharacters(text)
    }

    /// The Character rule: the reference for `tokenizeASCII`, and the rule for non-ASCII text.
    static func tokenizeCharacters(_ text: String) -> [AddressToken] {
        let characters = Array(text)
        var tokens: [AddressToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if specials.contains(character) {
                tokens.append(.special(character))
                index += 1
            } else if character == "\"" {
                tokens.append(.quoted(readDelimited(characters, &index, close: "\"")))
            } else if character == "(" {
                tokens.append(.comment(readComment(characters, &index)))
            } else if character == "[" {
                tokens.append(.domainLiteral("[" + readDelimited(characters, &index, close: "]") + "]"))
            } else {
                var atom = ""
                while index < characters.count, !characters[index].isWhitespace,
                      !specials.contains(characters[index]), !"\"([".contains(characters[index]) {
                    atom.append(characters[index])
                    index += 1
                }
                if atom.isEmpty { index += 1 } else { tokens.append(.atom(atom)) }
            }
        }
        return tokens
    }

    private static func readDelimited(_ characters: [Character], _ index: inout Int, close: Character) -> String {
        index += 1
        var text = ""
        while index < characters.count, characters[index] != close {
            if characters[index] == "\\", index + 1 < characters.count { index += 1 }
            text.append(characters[index])
            index += 1
        }
        index += 1
        return text
    }

    private static func readComment(_ characters: [Character], _ index: inout Int) -> String {
        var depth = 0
        var text = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                text.append(characters[index + 1])
                index += 2
                continue
            }
            index += 1
            if character == "(" {
                depth += 1
                if depth == 1 { continue }
            } else if character == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            text.append(character)
        }
        return text
    }
}
