/// Finds staff inviting a reader to connect through a personal channel without writing
/// the handle or number itself — what §4 forbids ("must not add students as friends")
/// and §3 calls unapproved contact: "add me on Snapchat", "follow me on Instagram",
/// "I've sent you a friend request", "DM me", "WhatsApp me", "text me", "call me on my
/// mobile". Handles and numbers written out are the other scanners' work.
///
/// "Follow us on Instagram" (the school's account), "message me on Teams" (a school
/// system) and "call me at school" are not invitations.
struct ContactInvitationScanner {
    let bytes: [UInt8]
    let tokens: [RawToken]
    /// What each token is to this scanner, among the other contact scanners' words.
    let words: ContactWords

    init(bytes: [UInt8], tokens: [RawToken], words: ContactWords? = nil) {
        self.bytes = bytes
        self.tokens = tokens
        self.words = words ?? ContactWords(bytes: bytes, tokens: tokens)
    }

    /// One invitation: its byte range and, for a social-media one, the platform
    /// (`nil` for texting or calling a personal phone).
    struct Hit: Equatable {
        var range: Range<Int>
        var platform: String?
    }

    enum Word: Sendable {
        case connect, talk, directVerb(String), phoneVerb, textVerb
        case me, you, my, a, on, at, to, asWord, friend, request, sent, accept
        case platform(String), phone
    }

    /// Each word and its class, each word once: read through `ContactWords`.
    static let wordList: [(String, Word)] = {
        var pairs: [(String, Word)] = [
            ("add", .connect), ("follow", .connect), ("find", .connect),
            ("message", .talk), ("msg", .talk), ("chat", .talk), ("talk", .talk), ("speak", .talk), ("contact", .talk),
            ("dm", .directVerb("direct message")), ("pm", .directVerb("direct message")),
            ("inbox", .directVerb("direct message")), ("facetime", .directVerb("facetime")),
            ("call", .phoneVerb), ("ring", .phoneVerb), ("phone", .phoneVerb),
            ("text", .textVerb), ("txt", .textVerb),
            ("me", .me), ("you", .you), ("my", .my), ("a", .a), ("on", .on), ("at", .at), ("to", .to), ("as", .asWord),
            ("friend", .friend), ("follow", .connect), ("request", .request), ("requests", .request),
            ("sent", .sent), ("send", .sent), ("sending", .sent), ("sends", .sent), ("accept", .accept),
            ("mobile", .phone), ("personal", .phone), ("number", .phone), ("cell", .phone),
        ]
        for (name, platform) in SocialMediaScanner.platformWords + [("fb", "facebook")] {
            pairs.append((name, .platform(platform)))
        }
        var seen: Set<String> = []
        return pairs.filter { seen.insert($0.0).inserted }
    }()

    func scan() -> [Hit] {
        guard tokens.count >= 2 else { return [] }
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            // Most words are turned away by one table read; only a listed word starts a look.
            if let first = word(at: index), let (end, platform) = invitation(at: index, first) {
                hits.append(Hit(range: tokens[index].start..<tokens[end].end, platform: platform))
                index = end + 1
            } else {
                index += 1
            }
        }
        return hits
    }

    /// The last token of an invitation starting at `index`, and its platform.
    private func invitation(at index: Int, _ first: Word) -> (Int, String?)? {
        func word(_ offset: Int) -> Word? {
            let position = index + offset
            guard position < tokens.count, offset == 0 || joined(position - 1, position) else { return nil }
            return self.word(at: position)
        }
        func platform(_ offset: Int) -> String? {
            if case .platform(let name)? = word(offset) { return name }
            return nil
        }
        switch first as Word? {
        case .connect?:
            // "add me on Snapchat", "follow me on insta", "find me on TikTok", "add me as a friend"
            guard case .me? = word(1) else { return nil }
            if case .on? = word(2), let name = platform(3) { return (index + 3, name) }
            if case .asWord? = word(2), case .a? = word(3), case .friend? = word(4) { return (index + 4, "social media") }
            return nil
        case .talk?:
            // "message me on WhatsApp", "chat to me on Snapchat"
            var next = 1
            if case .to? = word(next) { next += 1 }
            guard case .me? = word(next), case .on? = word(next + 1), let name = platform(next + 2) else { return nil }
            return (index + next + 2, name)
        case .directVerb(let channel)?:
            guard case .me? = word(1) else { return nil }
            return (index + 1, channel)
        case .platform(let name)?:
            // "snap me", "WhatsApp me", "insta me"
            guard case .me? = word(1), SocialMediaScanner.verbPlatforms.contains(name) else { return nil }
            return (index + 1, name)
        case .textVerb?:
            // "text me", but not "the text me and Sam wrote"
            guard case .me? = word(1), index == 0 || !Self.determiners.contains(previousWord(index)) else { return nil }
            return (index + 1, nil)
        case .phoneVerb?:
            // "call me on my mobile", "ring me on my personal number"
            guard case .me? = word(1), case .on? = word(2), case .my? = word(3), case .phone? = word(4) else { return nil }
            return (index + 4, nil)
        case .sent?:
            // "I've sent you a friend request"
            guard case .you? = word(1), case .a? = word(2), case .request? = word(4) else { return nil }
            switch word(3) {
            case .friend?, .connect?: return (index + 4, "friend request")
            default: return nil
            }
        case .accept?:
            // "accept my friend request"
            guard case .my? = word(1), case .request? = word(3) else { return nil }
            switch word(2) {
            case .friend?, .connect?: return (index + 3, "friend request")
            default: return nil
            }
        default:
            return nil
        }
    }

    private func word(at position: Int) -> Word? {
        words.invitation(position)
    }

    static let determiners: Set<String> = ["the", "a", "this", "that", "your", "my", "his", "her", "their", "our"]

    private func previousWord(_ index: Int) -> String {
        bytes.lowerCasedString(tokens[index - 1].start..<tokens[index - 1].end)
    }

    /// True when only spaces and at most one line break stand between two words.
    private func joined(_ left: Int, _ right: Int) -> Bool {
        let gap = bytes.gap(tokens[left], tokens[right])
        guard gap.count <= 4 else { return false }
        var breaks = 0
        for byte in gap {
            switch byte {
            case 32, 9, 13: continue
            case 10: breaks += 1
            default: return false
            }
        }
        return breaks <= 1
    }
}
