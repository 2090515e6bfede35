/// Finds social-media contact details: profile links (`instagram.com/name`,
/// `wa.me/447…`, `discord.gg/…`) and handles as people write them: `snap: jo_smith12`,
/// `insta @jo.smith`, `my Snapchat is jo_smith`, `add me on insta jo.smith`,
/// `I'm jo.smith on TikTok`, `discord: jo#1234`, `WhatsApp me on 07700 900461`.
struct SocialMediaScanner {
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
        var platform: String
        var handle: String
        var isLink: Bool
    }

    /// Link hosts (lower-case, as tokens joined by dots) → platform.
    static let linkHosts: [String: String] = [
        "instagram.com": "instagram", "instagr.am": "instagram", "snapchat.com": "snapchat",
        "tiktok.com": "tiktok", "facebook.com": "facebook", "fb.com": "facebook", "fb.me": "facebook",
        "twitter.com": "x", "x.com": "x", "wa.me": "whatsapp", "whatsapp.com": "whatsapp",
        "discord.gg": "discord", "discord.com": "discord", "t.me": "telegram", "threads.net": "threads",
        "bsky.app": "bluesky", "kik.me": "kik", "youtube.com": "youtube", "youtu.be": "youtube",
        "linkedin.com": "linkedin", "twitch.tv": "twitch", "reddit.com": "reddit", "pinterest.com": "pinterest",
        "threads.com": "threads", "tumblr.com": "tumblr", "bereal.com": "bereal",
    ]
    /// `linkHosts` looked up by bytes, ignoring ASCII case (no String per dotted word).
    static let linkHostTable = KeywordTable<String>(linkHosts.map { ($0.key, $0.value) })
    /// Path segments of a profile link that come before the handle (`snapchat.com/add/jo`).
    static let linkPrefixes: Set<String> = ["add", "u", "in", "user", "users", "channel", "c", "people", "invite"]
    /// Words that follow "add me on snap" or "my insta is" without being a handle.
    static let notHandles: Set<String> = [
        "the", "a", "an", "and", "or", "but", "if", "so", "to", "for", "when", "now", "then", "too", "please",
        "later", "tonight", "instead", "at", "as", "it", "is", "was", "ok", "okay", "private", "public", "down",
        "not", "no", "yes", "same", "there", "here", "this", "that", "and", "also", "again", "sometime", "soon",
        "dangerous", "blocked", "banned", "deleted", "new", "old", "on", "off", "me", "you", "him", "her", "them",
        "broken", "working", "full", "gone", "hacked", "dead", "rubbish", "account", "page", "group", "chat",
        "story", "stories", "app", "link", "below", "above", "great", "fun", "safe", "unsafe", "fine",
    ]

    /// Platform names as people write them → platform; they introduce a handle (read
    /// through `ContactWords`).
    static let platformWords: [(String, String)] = [
        ("instagram", "instagram"), ("insta", "instagram"), ("ig", "instagram"), ("snapchat", "snapchat"),
        ("snap", "snapchat"), ("sc", "snapchat"), ("tiktok", "tiktok"), ("facebook", "facebook"),
        ("twitter", "x"), ("whatsapp", "whatsapp"), ("discord", "discord"), ("telegram", "telegram"),
        ("threads", "threads"), ("kik", "kik"), ("bereal", "bereal"),
    ]

    /// Platforms whose name is also a verb: "snap me", "WhatsApp me".
    static let verbPlatforms: Set<String> = ["snapchat", "whatsapp"]

    func scan() -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            // Each reader's first condition, asked here so that most words call neither: a
            // link host is followed by a dot, a platform word is a short run of letters.
            let token = tokens[index]
            let mayBeLink = token.end < bytes.count && bytes[token.end] == 46
            let mayBePlatform = token.isAllLetters && token.length <= 9
            if mayBeLink || mayBePlatform,
               let hit = (mayBeLink ? link(at: index) : nil) ?? (mayBePlatform ? platformHandle(at: index) : nil) {
                hits.append(hit)
                while index < tokens.count, tokens[index].start < hit.range.upperBound { index += 1 }
            } else {
                index += 1
            }
        }
        return hits
    }

    private func link(at index: Int) -> Hit? {
        guard index + 2 < tokens.count, tokens[index].end < bytes.count, bytes[tokens[index].end] == 46,
              tokens[index + 1].start == tokens[index].end + 1, tokens[index].length <= 9 else { return nil }
        guard let platform = Self.linkHostTable.value(bytes, tokens[index].start..<tokens[index + 1].end) else { return nil }
        var path = tokens[index + 2]
        let gap = bytes.gap(tokens[index + 1], path)
        guard gap.first == 47, gap.count <= 2 else { return nil }
        if Self.linkPrefixes.contains(bytes.lowerCasedString(path.start..<path.end)), index + 3 < tokens.count,
           bytes.gap(path, tokens[index + 3]).elementsEqual([47]) {
            path = tokens[index + 3]
        }
        let handleRange = widenHandle(from: path.start)
        return Hit(range: tokens[index].start..<handleRange.upperBound, platform: platform,
                   handle: bytes.string(handleRange), isLink: true)
    }

    /// A handle after the platform word at `index` (`keywordHandle`, else
    /// `introducedHandle`): the word is looked up once for both.
    private func platformHandle(at index: Int) -> Hit? {
        let token = tokens[index]
        guard token.isAllLetters, token.length <= 9,
              let platform = words.platform(index) else { return nil }
        return keywordHandle(at: index, platform: platform) ?? introducedHandle(at: index, platform: platform)
    }

    private func keywordHandle(at index: Int, platform: String) -> Hit? {
        let token = tokens[index]
        guard index + 1 < tokens.count else { return nil }
        for offset in 1...3 where index + offset < tokens.count {
            let candidate = tokens[index + offset]
            guard candidate.start - token.end <= 24 else { return nil }
            let previous = bytes[candidate.start - 1]
            let gap = bytes.gap(tokens[index + offset - 1], candidate)
            if previous == 64 || (offset == 1 && gap.contains(58)) {
                let handleRange = widenHandle(from: candidate.start)
                guard handleRange.count >= 3 else { return nil }
                return Hit(range: token.start..<handleRange.upperBound, platform: platform,
                           handle: bytes.string(handleRange), isLink: false)
            }
        }
        return nil
    }

    func widenHandle(from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count,
              EmailScanner.isAlphanumeric(bytes[end]) || bytes[end] == 95 || bytes[end] == 46 || bytes[end] == 35,
              end - start < 40 { end += 1 }
        while end > start, bytes[end - 1] == 46 { end -= 1 }
        return start..<end
    }
}
