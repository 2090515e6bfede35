/// Decodes RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`) in header text.
/// Whitespace between adjacent encoded words is dropped, and the bytes of adjacent
/// words in the same charset are joined before charset decoding, so a multi-byte
/// character split across two words comes out whole. Malformed words are kept literally.
public enum EncodedWordDecoder {
    /// The header text with every encoded word decoded.
    public static func decode(_ text: String) -> String {
        var text = text
        // Most header text has no encoded word: it is returned without a copy.
        guard text.utf8.count > 5, text.withUTF8({ containsMarker($0) }) else { return text }
        let bytes = Array(text.utf8)
        var output = ""
        var pending = [UInt8]()
        var pendingCharset: String?
        var literalStart = 0
        var lastWasEncoded = false
        var index = 0
        let stops = EncodedWord.stops(bytes)

        func flushPending() {
            guard let charset = pendingCharset else { return }
            output += CharsetDecoder.decode(pending, charset: charset).text
            pending.removeAll(keepingCapacity: true)
            pendingCharset = nil
        }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "="), let word = EncodedWord.parse(bytes, at: index, stops: stops) else {
                index += 1
                continue
            }
            let between = bytes[literalStart..<index]
            let onlySpace = between.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
            if !(lastWasEncoded && onlySpace) {
                flushPending()
                output += String(decoding: between, as: UTF8.self)
            }
            if pendingCharset != word.charset { flushPending() }
            pendingCharset = word.charset
            pending.append(contentsOf: word.decodedBytes)
            lastWasEncoded = true
            index = word.end
            literalStart = index
        }
        flushPending()
        output += String(decoding: bytes[literalStart...], as: UTF8.self)
        return output
    }

    private static func containsMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }
}
