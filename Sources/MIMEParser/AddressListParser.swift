/// Parses RFC 5322 address lists leniently: display names (RFC 2047 decoded), angle
/// addresses with obsolete routes, groups, comments (a trailing comment serves as the
/// display name), quoted local parts. Domains are lower-cased; entries without an `@`
/// are skipped.
public enum AddressListParser {
    /// Every mailbox in an unfolded header value, in order.
    public static func parse(_ text: String) -> [MailAddress] {
        parse(tokens: AddressToken.tokenize(text))
    }

    /// Every mailbox in a tokenised address list, in order.
    static func parse(tokens: [AddressToken]) -> [MailAddress] {
        var addresses: [MailAddress] = []
        var group: String?
        var current: [AddressToken] = []
        var angle: [AddressToken]?
        var insideAngle = false

        func finish() {
            if let address = mailbox(phrase: current, angle: angle, group: group) { addresses.append(address) }
            current = []
            angle = nil
        }

        for token in tokens {
            if insideAngle {
                if token == .special(">") { insideAngle = false } else { angle?.append(token) }
                continue
            }
            switch token {
            case .special("<"):
                insideAngle = true
                angle = []
            case .special(","):
                finish()
            case .special(";"):
                finish()
                group = nil
            case .special(":") where group == nil && angle == nil && !current.contains(.special("@")):
                group = phraseText(current) ?? ""
                current = []
            default:
                current.append(token)
            }
        }
        finish()
        return addresses
    }

    /// The addr-specs only, domains lower-cased.
    public static func addrSpecs(_ text: String) -> [String] {
        parse(text).map(\.addrSpec)
    }

    private static func mailbox(phrase: [AddressToken], angle: [AddressToken]?, group: String?) -> MailAddress? {
        if var route = angle {
            if let colon = route.lastIndex(of: .special(":")) { route.removeSubrange(...colon) }
            guard let spec = addrSpec(route) else { return nil }
            return MailAddress(addrSpec: spec, displayName: phraseText(phrase) ?? commentText(route), group: group)
        }
        guard let spec = addrSpec(phrase) else { return nil }
        return MailAddress(addrSpec: spec, displayName: commentText(phrase), group: group)
    }

    private static func addrSpec(_ tokens: [AddressToken]) -> String? {
        let words = tokens.filter { if case .comment = $0 { false } else { true } }
        guard let at = words.lastIndex(of: .special("@")) else { return nil }
        let local = words[..<at].map(localText).joined()
        let domain = words[(at + 1)...].map(domainText).joined().lowercased()
        guard !local.isEmpty, !domain.isEmpty else { return nil }
        return local + "@" + domain
    }

    private static func localText(_ token: AddressToken) -> String {
        switch token {
        case .atom(let text): text
        case .quoted(let text): needsQuoting(text) ? "\"" + text.replacingBackslashAndQuote() + "\"" : text
        case .special(let character): String(character)
        case .domainLiteral(let text): text
        case .comment: ""
        }
    }

    private static func domainText(_ token: AddressToken) -> String {
        switch token {
        case .atom(let text), .quoted(let text), .domainLiteral(let text): text
        case .special, .comment: ""
        }
    }

    private static func needsQuoting(_ text: String) -> Bool {
        text.isEmpty || text.contains { $0.isWhitespace || "()<>[]:;@\\,\"".contains($0) }
            || text.hasPrefix(".") || text.hasSuffix(".") || text.contains("..")
    }

    static func phraseText(_ tokens: [AddressToken]) -> String? {
        let words = tokens.compactMap { token -> String? in
            switch token {
            case .atom(let text), .quoted(let text): text
            case .special(let character) where character == "@": "@"
            default: nil
            }
        }
        guard !words.isEmpty else { return nil }
        let text = EncodedWordDecoder.decode(words.joined(separator: " ")).trimmingHeaderBlanks()
        return text.isEmpty ? nil : text
    }

    private static func commentText(_ tokens: [AddressToken]) -> String? {
        for token in tokens.reversed() {
            if case .comment(let text) = token {
                let decoded = EncodedWordDecoder.decode(text).trimmingHeaderBlanks()
                if !decoded.isEmpty { return decoded }
            }
        }
        return nil
    }
}

extension String {
    fileprivate func replacingBackslashAndQuote() -> String {
        var escaped = ""
        for character in self {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
