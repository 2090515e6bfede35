/// Finds credentials being shared: `password: …`, `pwd=…`, `your password is Summer24!`,
/// `your login details are …`. A reset instruction with no secret after the keyword
/// ("click here to reset your password", "Password: must be 8 characters") is not a
/// credential: the value must look like a secret, not like an English word of an
/// instruction.
struct CredentialScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]

    struct Hit {
        var range: Range<Int>
        var keyword: String
    }

    static let keywords = KeywordTable<String>(
        ["password", "passwd", "passcode", "passphrase", "pwd", "pw", "pin", "pword", "login", "logon"].map { ($0, $0) })
    static let notSecrets: Set<String> = [
        "reset", "change", "changed", "expired", "expires", "required", "must", "should", "will", "to",
        "is", "was", "has", "needs", "the", "your", "a", "an", "please", "click", "enter", "forgotten",
        "forgot", "same", "case", "sent", "not", "and", "or", "of", "for", "at", "minimum", "min",
    ]

    func scan() -> [Hit] {
        var hits: [Hit] = []
        for (index, token) in tokens.enumerated() where token.isAllLetters && token.length <= 10 {
            guard let word = Self.keywords.value(bytes, token.start..<token.end) else { continue }
            if word != "login" && word != "logon", let hit = afterKeyword(index, word) {
                hits.append(hit)
            } else if word == "login" || word == "logon", let hit = loginDetails(index) {
                hits.append(hit)
            }
        }
        return hits
    }

    private func afterKeyword(_ index: Int, _ keyword: String) -> Hit? {
        let token = tokens[index]
        var cursor = token.end
        while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
        guard cursor < bytes.count else { return nil }
        if bytes[cursor] == 58 || bytes[cursor] == 61 {
            cursor += 1
            while cursor < bytes.count, bytes[cursor] == 32 { cursor += 1 }
            let secret = secretRange(from: cursor)
            guard secret.count >= 3, looksSecret(secret, strict: false) else { return nil }
            return Hit(range: token.start..<secret.upperBound, keyword: keyword)
        }
        guard keyword != "pin", index + 2 < tokens.count,
              bytes.lowerCasedString(tokens[index + 1].start..<tokens[index + 1].end) == "is" else { return nil }
        let secret = secretRange(from: tokens[index + 2].start)
        guard looksSecret(secret, strict: true) else { return nil }
        return Hit(range: token.start..<secret.upperBound, keyword: keyword)
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

    /// Strict: must mix letters with digits or symbols (`Bluebird42`, `x7#kq`).
    private func looksSecret(_ range: Range<Int>, strict: Bool) -> Bool {
        guard range.count >= 3 else { return false }
        let value = bytes[range]
        if value.allSatisfy({ $0 == 42 || $0 == 120 || $0 == 88 || $0 == 46 }) { return false }
        let word = bytes.lowerCasedString(range)
        if Self.notSecrets.contains(word) { return false }
        if value.starts(with: Array("http".utf8)) { return false }
        let hasDigit = value.contains { $0 >= 48 && $0 <= 57 }
        let hasLetter = value.contains { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 }
        let hasSymbol = value.contains { !EmailScanner.isAlphanumeric($0) && $0 < 0x80 }
        if strict { return (hasDigit && hasLetter) || (hasSymbol && (hasDigit || hasLetter)) }
        return true
    }
}
