import ChaperoneModel

/// Accounts listed one per line, as technicians write to a supplier's help desk:
///
///     These two accounts can't log in:
///     ava.mensah / Sunflower22
///     h.thackray - Tiger!Lily9
///
/// A line that is nothing but a user name, a `/`, `:`, `-` or tab, and a secret, below an
/// account word ("log in", "account", "username", "credentials", "sign in") in the lines
/// just above, is a credential. The user name must look like one (lower-case letters with
/// a `.`, `_`, `@` or digit, no spaces, as school systems issue them) and the secret must
/// look like a secret (letters mixed with digits or symbols, or an inner capital), so
/// "7A / 7B", "Room 12 - Block B" and an error code "AUTH-401 / TokenExpired" are not.
extension CredentialScanner {
    /// How far above a line (bytes) the account word may stand.
    static let accountContextReach = 400
    /// Shortest secret on an account line: shorter ones ("set2", "b12") are class codes.
    static let minimumAccountSecretLength = 6
    /// Account lines read below one account word, at most.
    static let maximumAccountLines = 500

    /// Words that say the lines below list accounts (read through `ContactWords`).
    static let accountWordList = [
        "account", "accounts", "username", "usernames", "user", "users", "credentials", "login", "logins",
        "logon", "log", "sign", "signin",
    ]

    func accountLines() -> [Hit] {
        guard ByteSearch.next(10, in: bytes, from: 0) < bytes.count else { return [] }
        var hits: [Hit] = []
        var lastAccountWord = -1
        var tokenIndex = 0
        var lineStart = 0
        while lineStart < bytes.count, hits.count < Self.maximumAccountLines {
            let lineEnd = ByteSearch.next(10, in: bytes, from: lineStart)
            if lastAccountWord >= 0, lineStart - lastAccountWord <= Self.accountContextReach,
               let hit = accountLine(lineStart..<lineEnd) {
                hits.append(hit)
            }
            while tokenIndex < tokens.count, tokens[tokenIndex].start < lineEnd {
                let token = tokens[tokenIndex]
                if token.isAllLetters, token.length <= 11, words.isAccountWord(tokenIndex) {
                    lastAccountWord = token.start
                }
                tokenIndex += 1
            }
            lineStart = lineEnd + 1
        }
        return hits
    }

    /// `user SEP secret` filling the whole line (after a bullet), or nil.
    private func accountLine(_ line: Range<Int>) -> Hit? {
        var lower = line.lowerBound, upper = line.upperBound
        // Indentation and a bullet: spaces, tabs, `*`, `-` or `•` (E2 80 A2).
        while lower < upper {
            if [9, 32, 42, 45].contains(bytes[lower]) {
                lower += 1
            } else if upper - lower > 3, bytes[lower] == 0xE2, bytes[lower + 1] == 0x80, bytes[lower + 2] == 0xA2 {
                lower += 3
            } else {
                break
            }
        }
        while upper > lower, [9, 13, 32].contains(bytes[upper - 1]) { upper -= 1 }
        guard upper - lower >= 7, upper - lower <= 130 else { return nil }
        var nameEnd = lower
        while nameEnd < upper, bytes[nameEnd] > 32, bytes[nameEnd] != 47 || nameEnd == lower { nameEnd += 1 }
        let name = lower..<nameEnd
        guard looksLikeUserName(name) else { return nil }
        var cursor = nameEnd
        while cursor < upper, bytes[cursor] == 32 || bytes[cursor] == 9 { cursor += 1 }
        guard cursor < upper else { return nil }
        let separatedByTab = bytes[nameEnd..<cursor].contains(9)
        if [47, 58, 45].contains(bytes[cursor]) {
            cursor += 1
            while cursor < upper, bytes[cursor] == 32 || bytes[cursor] == 9 { cursor += 1 }
        } else if !separatedByTab {
            return nil
        }
        let secret = cursor..<upper
        guard secret.count >= Self.minimumAccountSecretLength, !bytes[secret].contains(32), !bytes[secret].contains(9),
              looksSecret(secret, strict: true) else { return nil }
        return Hit(range: name.lowerBound..<secret.upperBound, keyword: "account")
    }

    /// Lower-case letters with a `.`, `_`, `@` or digit in them and nothing but name
    /// characters: `ava.mensah`, `hthackray27`, `j_smith@school.example`.
    private func looksLikeUserName(_ range: Range<Int>) -> Bool {
        guard (3...64).contains(range.count) else { return false }
        var letters = 0, marks = 0
        for byte in bytes[range] {
            switch byte {
            case 97...122: letters += 1
            case 48...57, 46, 95, 64: marks += 1
            case 45: continue
            default: return false
            }
        }
        let value = bytes[range]
        return letters >= 2 && marks >= 1 && value.first != 46 && value.last != 46
            && !value.starts(with: Array("http".utf8)) && !value.starts(with: Array("www.".utf8))
    }
}
