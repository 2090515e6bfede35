/// Running text built from HTML text nodes: whitespace runs collapse to one space (as a
/// browser renders them), line breaks are explicit, and blank lines do not pile up.
/// Built over UTF-8 bytes: ASCII is copied a run at a time, and only bytes of
/// non-ASCII scalars are looked at more closely (for Unicode's White_Space characters).
struct ProseBuffer {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    private static let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")

    mutating func append(_ fragment: String) {
        var fragment = fragment
        fragment.withUTF8 { append(utf8: $0) }
    }

    private mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            let width: Int
            let isWhitespace: Bool
            if byte < 0x80 {
                width = 1
                isWhitespace = byte == Self.space || (0x09...0x0D).contains(byte)
            } else {
                width = Self.scalarWidth(lead: byte, remaining: count - index)
                isWhitespace = Self.isWhitespace(utf8, at: index, width: width)
            }
            if isWhitespace {
                pendingSpace = !bytes.isEmpty && bytes.last != Self.newline
            } else {
                if pendingSpace { bytes.append(Self.space) }
                pendingSpace = false
                // Copy the run of ordinary bytes up to the next whitespace at once.
                var end = index + width
                while end < count, utf8[end] > Self.space, utf8[end] < 0x80 { end += 1 }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                index = end
                continue
            }
            index += width
        }
    }

    /// The length of the scalar a (valid UTF-8) lead byte starts.
    private static func scalarWidth(lead: UInt8, remaining: Int) -> Int {
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return min(width, remaining)
    }

    /// Unicode White_Space outside ASCII: U+0085, U+00A0, U+1680, U+2000–U+200A,
    /// U+2028, U+2029, U+202F, U+205F, U+3000.
    private static func isWhitespace(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Bool {
        switch width {
        case 2:
            return utf8[index] == 0xC2 && (utf8[index + 1] == 0x85 || utf8[index + 1] == 0xA0)
        case 3:
            let (a, b, c) = (utf8[index], utf8[index + 1], utf8[index + 2])
            if a == 0xE1 { return b == 0x9A && c == 0x80 }
            if a == 0xE2, b == 0x80 { return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF }
            if a == 0xE2, b == 0x81 { return c == 0x9F }
            if a == 0xE3 { return b == 0x80 && c == 0x80 }
            return false
        default:
            return false
        }
    }

    mutating func lineBreak() {
        pendingSpace = false
        if !bytes.isEmpty, bytes.last != Self.newline { bytes.append(Self.newline) }
    }

    /// The text so far (without a trailing line break), leaving the buffer empty.
    mutating func take() -> String {
        var end = bytes.count
        while end > 0, bytes[end - 1] == Self.newline { end -= 1 }
        let result = String(decoding: bytes[..<end], as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        return result
    }
}
