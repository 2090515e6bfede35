import ChaperoneModel

extension CharsetDecoder {
    /// The canonical lower-cased name for a charset label, or `nil` when the label is
    /// empty. Aliases mail software commonly writes are mapped to one name each.
    public static func canonicalName(_ label: String?) -> String? {
        guard var name = label?.trimmingASCIIWhitespaceAndQuotes().lowercased(), !name.isEmpty else {
            return nil
        }
        if let star = name.firstIndex(of: "*") { name = String(name[..<star]) }  // RFC 2231 language suffix
        if let alias = aliases[name] { return alias }
        if name.hasPrefix("iso8859-") { return "iso-8859-" + name.dropFirst(8) }
        if name.hasPrefix("iso_8859-") { return "iso-8859-" + name.dropFirst(9) }
        if name.hasPrefix("cp125"), name.count == 6 { return "windows-" + name.dropFirst(2) }
        return name
    }

    private static let aliases: [String: String] = [
        "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
        "ascii": "us-ascii", "ansi_x3.4-1968": "us-ascii", "us": "us-ascii", "646": "us-ascii",
        "latin1": "iso-8859-1", "l1": "iso-8859-1", "iso8859-1": "iso-8859-1", "iso_8859-1": "iso-8859-1",
        "latin-1": "iso-8859-1",
        "cp1252": "windows-1252", "x-cp1252": "windows-1252", "win-1252": "windows-1252",
        "gb2312": "gbk", "x-gbk": "gbk", "cp936": "gbk", "euc-cn": "gbk", "csgb2312": "gbk",
        "big5-hkscs": "big5-hkscs", "x-big5": "big5", "cn-big5": "big5",
        "sjis": "shift_jis", "x-sjis": "shift_jis", "shift-jis": "shift_jis", "ms_kanji": "shift_jis",
        "windows-31j": "cp932", "cp932": "cp932",
        "koi8r": "koi8-r", "csiso2022jp": "iso-2022-jp",
    ]
}

extension String {
    /// The string without surrounding ASCII whitespace and double quotes. Trimmed by
    /// bytes when the text is ASCII with no carriage return (CR LF is one Character, not
    /// in the set); otherwise by Characters.
    func trimmingASCIIWhitespaceAndQuotes() -> String {
        var text = self
        let trimmed: String? = text.withUTF8 { bytes in
            guard UTF8Text.isASCII(bytes), !bytes.contains(0x0D) else { return nil }
            func skipped(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x22 }
            var start = 0, end = bytes.count
            while start < end, skipped(bytes[start]) { start += 1 }
            while end > start, skipped(bytes[end - 1]) { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return trimmed ?? trimmingASCIIWhitespaceAndQuotesByCharacter()
    }

    /// The Character rule `trimmingASCIIWhitespaceAndQuotes` keeps for other text.
    func trimmingASCIIWhitespaceAndQuotesByCharacter() -> String {
        let skipped: Set<Character> = [" ", "\t", "\r", "\n", "\""]
        guard let first = firstIndex(where: { !skipped.contains($0) }),
              let last = lastIndex(where: { !skipped.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
