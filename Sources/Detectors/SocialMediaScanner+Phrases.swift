/// Handles introduced by a phrase rather than by `@` or `:` after the platform name.
extension SocialMediaScanner {
    /// Words between a platform name and "is" ("my snap name is …").
    static let handleNouns: Set<String> = ["name", "username", "handle", "id", "user", "tag"]

    /// "my Snapchat is jo_smith", "add me on insta jo.smith", "I'm jo.smith on TikTok",
    /// "WhatsApp me on 07700 900461". Without "my" (or "me on") before the platform the
    /// value must look like a handle (a digit, `_`, `.`, `#` or a leading `@`), so "the
    /// snapchat is dangerous" and "I'm going on TikTok" are no handles.
    /// `platform` is what the word at `index` names (the caller looked it up).
    func introducedHandle(at index: Int, platform: String) -> Hit? {
        let token = tokens[index]
        let before = index >= 1 ? word(index - 1) : ""
        let twoBefore = index >= 2 ? word(index - 2) : ""
        var next = index + 1
        while next < tokens.count, Self.handleNouns.contains(word(next)), spaced(next - 1, next) { next += 1 }
        if next + 1 < tokens.count, word(next) == "is", spaced(next - 1, next), spaced(next, next + 1),
           let hit = handle(at: next + 1, platform: platform, from: token.start, loose: before == "my") {
            return hit
        }
        if platform == "whatsapp", let hit = whatsAppNumber(after: index) { return hit }
        if before == "on", twoBefore == "me", index + 1 < tokens.count, spaced(index, index + 1),
           let hit = handle(at: index + 1, platform: platform, from: token.start, loose: true) {
            return hit
        }
        if before == "on", twoBefore == "me", let hit = handleAfterItIs(index, platform: platform) { return hit }
        if before == "on" { return handleBeforeOn(index - 1, platform: platform, through: token.end) }
        return nil
    }

    /// Words of "it's" / "it is" / "I'm" between "add me on snap," and the handle.
    static let handleLeadIns: Set<String> = ["it", "s", "its", "it's", "it\u{2019}s", "is", "i", "m", "im", "i'm"]

    /// "add me on snap, it's jo_smith" / "add me on insta: jo.smith": a lead-in after the
    /// platform, on the same line; the value must look like a handle.
    private func handleAfterItIs(_ index: Int, platform: String) -> Hit? {
        var next = index + 1
        while next < tokens.count, next - index <= 3, Self.handleLeadIns.contains(word(next)) { next += 1 }
        guard next < tokens.count, next > index + 1 || bytes.gap(tokens[index], tokens[next]).contains(58) else { return nil }
        let gap = bytes[tokens[index].end..<tokens[next].start]
        guard gap.count <= 10, !gap.contains(10), !gap.contains(13) else { return nil }
        return handle(at: next, platform: platform, from: tokens[index].start, loose: false)
    }

    /// "WhatsApp me on 07700 900461", "whatsapp me at +44 7700 900461", "WhatsApp 07700 900461".
    private func whatsAppNumber(after index: Int) -> Hit? {
        var next = index + 1
        if next < tokens.count, word(next) == "me" { next += 1 }
        if next < tokens.count, word(next) == "on" || word(next) == "at" { next += 1 }
        guard next < tokens.count, tokens[next].isAllDigits, tokens[next].start - tokens[index].end <= 12 else { return nil }
        var end = tokens[next].end
        var digits = bytes.string(tokens[next].start..<tokens[next].end)
        var position = next + 1
        while position < tokens.count, tokens[position].isAllDigits, tokens[position].start - end <= 1, digits.count < 13 {
            digits += bytes.string(tokens[position].start..<tokens[position].end)
            end = tokens[position].end
            position += 1
        }
        guard (10...13).contains(digits.count), digits.hasPrefix("07") || digits.hasPrefix("447") else { return nil }
        return Hit(range: tokens[index].start..<end, platform: "whatsapp", handle: digits, isLink: false)
    }

    /// "I'm jo.smith on TikTok": the handle sits between "I'm"/"I am" and "on".
    private func handleBeforeOn(_ onIndex: Int, platform: String, through end: Int) -> Hit? {
        var handleEnd = tokens[onIndex].start
        while handleEnd > 0, bytes[handleEnd - 1] == 32 { handleEnd -= 1 }
        guard handleEnd < tokens[onIndex].start else { return nil }
        var handleStart = handleEnd
        while handleStart > 0, isHandleByte(bytes[handleStart - 1]), handleEnd - handleStart < 40 { handleStart -= 1 }
        guard handleEnd - handleStart >= 3 else { return nil }
        var introStart = handleStart
        while introStart > 0, bytes[introStart - 1] == 32 { introStart -= 1 }
        guard introStart < handleStart else { return nil }
        let lead = bytes.lowerCasedString(max(0, introStart - 6)..<introStart)
        guard ["i'm", "i am", "i\u{2019}m", " im"].contains(where: { lead.hasSuffix($0) }) else { return nil }
        let name = bytes.lowerCasedString(handleStart..<handleEnd)
        let body = name.hasPrefix("@") ? String(name.dropFirst()) : name
        // "I'm going on TikTok": only a handle-shaped word counts here.
        let shaped = name.hasPrefix("@") || body.contains { $0 == "_" || $0 == "." || $0 == "#" || $0.isNumber }
        guard body.count >= 3, shaped, !Self.notHandles.contains(body) else { return nil }
        return Hit(range: handleStart..<end, platform: platform, handle: bytes.string(handleStart..<handleEnd)
            .trimmingPrefix("@"), isLink: false)
    }

    private func handle(at position: Int, platform: String, from start: Int, loose: Bool) -> Hit? {
        let candidate = tokens[position]
        let range = widenHandle(from: candidate.start)
        guard range.count >= 3, !Self.notHandles.contains(bytes.lowerCasedString(range)) else { return nil }
        let shaped = candidate.start > 0 && bytes[candidate.start - 1] == 64
            || bytes[range].contains { $0 == 95 || $0 == 46 || $0 == 35 || ($0 >= 48 && $0 <= 57) }
        guard loose || shaped else { return nil }
        return Hit(range: start..<range.upperBound, platform: platform, handle: bytes.string(range), isLink: false)
    }

    private func isHandleByte(_ byte: UInt8) -> Bool {
        EmailScanner.isAlphanumeric(byte) || byte == 95 || byte == 46 || byte == 64 || byte == 35
    }

    private func word(_ index: Int) -> String {
        bytes.lowerCasedString(tokens[index].start..<tokens[index].end)
    }

    /// True when only spaces (or an `@`) stand between two tokens.
    private func spaced(_ left: Int, _ right: Int) -> Bool {
        let gap = bytes.gap(tokens[left], tokens[right])
        return !gap.isEmpty && gap.allSatisfy { $0 == 32 || $0 == 64 }
    }
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
