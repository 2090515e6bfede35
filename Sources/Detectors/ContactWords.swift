/// The keywords of every contact scanner (secrecy phrases, invitations, credentials,
/// account lines, social-media platforms) in one table, looked up once per token of a
/// segment. Each scanner then reads what a token is to it from that one answer, where it
/// used to look the token up in a table of its own: one lookup per word, not five.
///
/// What a token means to a scanner is exactly what that scanner's own list says: a
/// keyword listed twice by one scanner means what it was listed as first, as in a
/// `KeywordTable`.
struct ContactWords: Sendable {
    /// What one keyword is to each scanner; nil (false) where it is not one of its words.
    struct Meaning: Sendable {
        var secrecy: PrivateContactScanner.Word?
        var invitation: ContactInvitationScanner.Word?
        var credential: String?
        var platform: String?
        var isAccountWord = false
    }

    /// Every keyword's meanings, by the number `table` gives the keyword.
    static let meanings: [Meaning] = built.meanings
    static let table: KeywordTable<Int32> = built.table
    /// No keyword has a digit in it, so a token with one is turned away unread.
    static let keywordsHaveNoDigits: Bool = built.noDigits

    private static let built: (meanings: [Meaning], table: KeywordTable<Int32>, noDigits: Bool) = {
        var numbers: [String: Int] = [:]
        var meanings: [Meaning] = []
        var order: [String] = []
        func meaning(of keyword: String) -> Int? {
            let key = keyword.lowercased()
            guard !key.isEmpty else { return nil }
            if let known = numbers[key] { return known }
            numbers[key] = meanings.count
            order.append(key)
            meanings.append(Meaning())
            return meanings.count - 1
        }
        for (keyword, word) in PrivateContactScanner.wordList {
            if let number = meaning(of: keyword), meanings[number].secrecy == nil { meanings[number].secrecy = word }
        }
        for (keyword, word) in ContactInvitationScanner.wordList {
            if let number = meaning(of: keyword), meanings[number].invitation == nil { meanings[number].invitation = word }
        }
        for keyword in CredentialScanner.keywordList {
            if let number = meaning(of: keyword), meanings[number].credential == nil { meanings[number].credential = keyword }
        }
        for (keyword, platform) in SocialMediaScanner.platformWords {
            if let number = meaning(of: keyword), meanings[number].platform == nil { meanings[number].platform = platform }
        }
        for keyword in CredentialScanner.accountWordList {
            if let number = meaning(of: keyword) { meanings[number].isAccountWord = true }
        }
        let table = KeywordTable(order.enumerated().map { ($0.element, Int32($0.offset)) })
        let noDigits = order.allSatisfy { $0.utf8.allSatisfy { $0 < 48 || $0 > 57 } }
        return (meanings, table, noDigits)
    }()

    /// Every keyword's meanings, held by this value so a scanner's read is not a
    /// static's once-check per token.
    private let meanings: [Meaning]
    /// Per token, its keyword's number in `meanings`, or -1 for a token that is none.
    private let numbers: [Int32]

    /// Looks up each of `tokens` (of `bytes`) once.
    init(bytes: [UInt8], tokens: [RawToken]) {
        meanings = Self.meanings
        let table = Self.table, skipDigits = Self.keywordsHaveNoDigits
        numbers = tokens.map { token in
            skipDigits && !token.isAllLetters ? -1 : table.value(bytes, token.start..<token.end) ?? -1
        }
    }

    /// The number of tokens looked up.
    var count: Int { numbers.count }

    /// What token `index` is to the secrecy scanner (`PrivateContactScanner`).
    @inline(__always)
    func secrecy(_ index: Int) -> PrivateContactScanner.Word? {
        let number = numbers[index]
        return number < 0 ? nil : meanings[Int(number)].secrecy
    }

    /// What token `index` is to `ContactInvitationScanner`.
    @inline(__always)
    func invitation(_ index: Int) -> ContactInvitationScanner.Word? {
        let number = numbers[index]
        return number < 0 ? nil : meanings[Int(number)].invitation
    }

    /// The credential keyword token `index` is (`CredentialScanner.keywordList`), if any.
    @inline(__always)
    func credential(_ index: Int) -> String? {
        let number = numbers[index]
        return number < 0 ? nil : meanings[Int(number)].credential
    }

    /// The platform token `index` names (`SocialMediaScanner.platformWords`), if any.
    @inline(__always)
    func platform(_ index: Int) -> String? {
        let number = numbers[index]
        return number < 0 ? nil : meanings[Int(number)].platform
    }

    /// Whether token `index` is an account word (`CredentialScanner.accountWordList`).
    @inline(__always)
    func isAccountWord(_ index: Int) -> Bool {
        let number = numbers[index]
        return number >= 0 && meanings[Int(number)].isAccountWord
    }
}
