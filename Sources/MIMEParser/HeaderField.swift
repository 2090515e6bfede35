import ChaperoneModel

/// One header field as it appeared in the message: the raw bytes (folding and 8-bit
/// bytes kept), the unfolded value, and the value with RFC 2047 encoded words decoded.
public struct HeaderField: Hashable, Sendable {
    /// The field name as written (case kept).
    public var name: String
    /// The whole field without its final line break, exactly as received.
    public var rawBytes: [UInt8]
    /// The unfolded value, leading and trailing blanks trimmed; raw 8-bit bytes are read
    /// as UTF-8, else windows-1252.
    public var value: String
    /// `value` with RFC 2047 encoded words decoded (what a mail client displays).
    public var decodedValue: String

    /// The lower-cased field name, for case-insensitive lookup.
    public var lowercasedName: String { name.lowercased() }

    /// `lowercasedName == wanted`, compared byte by byte with ASCII case folding when
    /// both are ASCII (no String is made); by the String rule otherwise.
    public func hasLowercasedName(_ wanted: String) -> Bool {
        var name = name, wanted = wanted
        let answer: Bool? = name.withUTF8 { nameBytes in
            wanted.withUTF8 { wantedBytes in
                guard UTF8Text.isASCII(nameBytes), UTF8Text.isASCII(wantedBytes) else { return nil }
                guard nameBytes.count == wantedBytes.count else { return false }
                for index in 0..<nameBytes.count {
                    let byte = nameBytes[index]
                    if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != wantedBytes[index] { return false }
                }
                return true
            }
        }
        return answer ?? (lowercasedName == wanted)
    }

    public init(name: String, rawBytes: [UInt8], value: String, decodedValue: String) {
        self.name = name
        self.rawBytes = rawBytes
        self.value = value
        self.decodedValue = decodedValue
    }

    /// Parses one raw (possibly folded) field; `nil` when there is no colon or no name.
    public init?(rawBytes: some Collection<UInt8>) {
        let raw = Array(rawBytes)
        guard let colon = raw.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var nameEnd = colon
        while nameEnd > 0, raw[nameEnd - 1] == 0x20 || raw[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        guard nameEnd > 0 else { return nil }
        var unfolded = [UInt8]()
        unfolded.reserveCapacity(raw.count - colon)
        for byte in raw[(colon + 1)...] where byte != 0x0D && byte != 0x0A {
            unfolded.append(byte == 0 ? 0x20 : byte)
        }
        let value = CharsetDecoder.utf8OrWindows1252(unfolded).trimmingHeaderBlanks()
        self.name = CharsetDecoder.utf8OrWindows1252(raw[..<nameEnd])
        self.rawBytes = raw
        self.value = value
        self.decodedValue = EncodedWordDecoder.decode(value)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs. Trimmed by bytes when the
    /// bytes beside the blanks are ASCII (then every blank is a Character of its own);
    /// otherwise by Characters, so a blank that a combining mark or a prepended mark
    /// makes part of a larger Character stays.
    func trimmingHeaderBlanks() -> String {
        var text = self
        let bounds: Range<Int>? = text.withUTF8 { bytes in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if start < bytes.count, bytes[start] >= 0x80 { return nil }
            if end > 0, end <= bytes.count, start < end, bytes[end - 1] >= 0x80 { return nil }
            return start..<end
        }
        guard let bounds else { return trimmingHeaderBlanksByCharacter() }
        if bounds.count == text.utf8.count { return text }
        return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[bounds]), as: UTF8.self) }
    }

    /// The Character rule `trimmingHeaderBlanks` keeps for non-ASCII edges.
    func trimmingHeaderBlanksByCharacter() -> String {
        let blanks: Set<Character> = [" ", "\t"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
              let last = lastIndex(where: { !blanks.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
