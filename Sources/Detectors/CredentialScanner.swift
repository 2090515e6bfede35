/// Finds credentials being shared as staff write them: `password: …`, `pwd=…`,
/// `Password - X`, `password BlueKestrel-33#`, `your password is Summer24!`, `PIN 4821`,
/// `your login details are …`, and (with `TableColumns`) a value in a Password column.
/// A reset instruction with no secret after the keyword ("click here to reset your
/// password", "Password: must be 8 characters") is not a credential. After `:`, `=` or
/// a table cell any value that is not an instruction word counts; after `-`, `is` or
/// nothing the value must look like a secret (letters mixed with digits, symbols or an
/// inner capital), because "password reset" and "pass the salt" are ordinary English.
struct CredentialScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]
    /// What each token is to this scanner, among the other contact scanners' words.
    let words: ContactWords

    init(bytes: [UInt8], tokens: [RawToken], words: ContactWords? = nil) {
        self.bytes = bytes
        self.tokens = tokens
        self.words = words ?? ContactWords(bytes: bytes, tokens: tokens)
    }

    struct Hit {
        var range: Range<Int>
        var keyword: String
    }

    /// Keywords that introduce a secret.
    static let keywordList = ["password", "passwd", "passcode", "passphrase", "pass", "pwd", "pw", "pin", "pword", "login", "logon"]
    /// `keywordList` for a table cell's text (a token's is read through `ContactWords`).
    static let keywords = KeywordTable<String>(keywordList.map { ($0, $0) })
    /// Words that may stand between a keyword and its separator ("PIN code: 4821").
    static let fillers: Set<String> = ["code", "number", "no", "word"]
    /// Words that follow a keyword in an instruction, never as the secret.
    static let notSecrets: Set<String> = [
        "reset", "change", "changed", "expired", "expires", "required", "must", "should", "will", "to",
        "is", "was", "has", "needs", "the", "your", "a", "an", "please", "click", "enter", "forgotten",
        "forgot", "same", "case", "sent", "not", "and", "or", "of", "for", "at", "minimum", "min",
        "see", "below", "above", "as", "ask", "contact", "you", "use", "used", "set", "provided", "emailed",
        "unchanged", "none", "n/a", "tbc", "tba", "here", "link", "protected", "manager", "policy",
        "length", "characters", "strength", "hint", "blank", "empty", "following", "attached", "separately",
        "yes", "no", "done", "ok", "issued", "given", "unknown", "pending", "pass", "fail", "failed", "passed",
        "merit", "distinction", "true", "false",
    ]

    func scan() -> [Hit] {
        var hits: [Hit] = []
        for (index, token) in tokens.enumerated() where token.isAllLetters && token.length <= 10 {
            guard let word = words.credential(index) else { continue }
            if word == "login" || word == "logon" {
                if let hit = loginDetails(index) { hits.append(hit) }
            } else if let hit = afterKeyword(index, word) {
                hits.append(hit)
            }
        }
        return hits + pipeTableSecrets() + accountLines()
    }

    /// The separator after a keyword, and where the value begins.
    enum Separator {
        /// `:`, `=` or a table cell: any non-instruction value.
        case explicit
        /// `-`, `–`, `is`, or nothing: the value must look like a secret.
        case loose
    }

    private func afterKeyword(_ index: Int, _ keyword: String) -> Hit? {
        let token = tokens[index]
        var next = index + 1
        if next < tokens.count, tokens[next].start - tokens[next - 1].end <= 1,
           Self.fillers.contains(bytes.lowerCasedString(tokens[next].start..<tokens[next].end)) { next += 1 }
        var cursor = tokens[next - 1].end
        while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
        guard cursor < bytes.count else { return nil }
        var separator = Separator.loose
        switch bytes[cursor] {
        case 58, 61:
            separator = .explicit
            cursor += 1
            while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 9 || bytes[cursor] == 10 || bytes[cursor] == 13,
                  cursor - token.end < 16 { cursor += 1 }
        case 45, 9:
            // A tab is a table cell: "Password | Kestrel33!" as a key/value row, but
            // a header row "Password | Year" must not make "Year" a secret.
            cursor += 1
        case 0xE2 where cursor + 2 < bytes.count && bytes[cursor + 1] == 0x80 && (bytes[cursor + 2] == 0x93 || bytes[cursor + 2] == 0x94):
            cursor += 3
        default:
            if next < tokens.count, tokens[next].start == cursor,
               ["is", "was"].contains(bytes.lowerCasedString(tokens[next].start..<tokens[next].end)) {
                cursor = tokens[next].end
            }
        }
        while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
        guard cursor < bytes.count, cursor > token.end else { return nil }
        let secret = secretRange(from: cursor)
        guard isSecret(secret, keyword: keyword, separator: separator) else { return nil }
        return Hit(range: token.start..<secret.upperBound, keyword: keyword)
    }

    func isSecret(_ secret: Range<Int>, keyword: String, separator: Separator) -> Bool {
        let value = bytes[secret]
        let hasLetter = value.contains { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }
        let allDigits = !value.isEmpty && value.allSatisfy { $0 >= 48 && $0 <= 57 }
        switch keyword {
        case "pin", "passcode":
            // A PIN is digits: "PIN 4821", "passcode: 0739".
            if allDigits { return (4...8).contains(value.count) }
            return separator == .explicit ? looksSecret(secret, strict: false) && !hasLetter || looksSecret(secret, strict: true)
                : false
        case "pass":
            // "Pass: 100%" is an exam result and "pass 10C's books" an errand; a pass
            // secret has letters, looks like one and is as long as a password.
            return hasLetter && value.count >= 6 && looksSecret(secret, strict: true)
        default:
            return separator == .explicit ? looksSecret(secret, strict: false)
                : value.count >= 5 && looksSecret(secret, strict: true)
        }
    }

    /// "your login details are: jsmith / Bluebird42".
    private func loginDetails(_ index: Int) -> Hit? {
        guard index + 2 < tokens.count,
              bytes.lowerCasedString(tokens[index + 1].start..<tokens[index + 1].end) == "details" else { return nil }
        let limit = min(bytes.count, tokens[index + 1].end + 80)
        var next = index + 2
        while next < tokens.count, tokens[next].end <= limit {
            let range = secretRange(from: tokens[next].start)
            if looksSecret(range, strict: true) {
                return Hit(range: tokens[index].start..<range.upperBound, keyword: "login details")
            }
            next += 1
        }
        return nil
    }

    private func secretRange(from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count, bytes[end] > 32, bytes[end] != 44 || end == start, end - start < 64 { end += 1 }
        while end > start, [46, 44, 59, 41].contains(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// Strict: must mix letters with digits or symbols (`Bluebird42`, `x7#kq`), or carry a
    /// capital inside a word (`BlueKestrel`).
    func looksSecret(_ range: Range<Int>, strict: Bool) -> Bool {
        guard range.count >= 3 else { return false }
        let value = bytes[range]
        if value.allSatisfy({ $0 == 42 || $0 == 120 || $0 == 88 || $0 == 46 }) { return false }
        // Sentence punctuation after a word ("now!", "reset?") is not part of a secret's shape.
        var end = range.upperBound
        while end > range.lowerBound, [33, 63, 58, 34].contains(bytes[end - 1]) { end -= 1 }
        let word = bytes.lowerCasedString(range.lowerBound..<end)
        if Self.notSecrets.contains(word) { return false }
        if value.starts(with: Array("http".utf8)) || value.first == 40 || value.first == 91 { return false }
        let body = bytes[range.lowerBound..<end]
        let hasDigit = body.contains { $0 >= 48 && $0 <= 57 }
        let hasLetter = body.contains { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }
        // A hyphen or apostrophe inside a word ("case-sensitive") is English, not a symbol.
        let hasSymbol = body.contains { !EmailScanner.isAlphanumeric($0) && $0 < 0x80 && $0 != 45 && $0 != 39 }
        if strict {
            let innerCapital = zip(body, body.dropFirst()).contains { $0 >= 97 && $0 <= 122 && $1 >= 65 && $1 <= 90 }
            return (hasDigit && hasLetter) || (hasSymbol && (hasDigit || hasLetter)) || innerCapital
        }
        return !body.isEmpty
    }

    /// A cell in a column headed Password, PIN or Passcode: one word that is not an
    /// instruction ("changeme", "Kestrel33!", but not "see letter" or "reset").
    func cellIsSecret(_ range: Range<Int>, strict: Bool) -> Bool {
        guard !bytes[range].contains(32) else { return false }
        return looksSecret(range, strict: strict)
    }
}
