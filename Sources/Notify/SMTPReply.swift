/// One SMTP reply: a three-digit code and its text lines (`250-first`, `250 last`).
struct SMTPReply: Hashable, Sendable {
    var code: Int
    var lines: [String]

    var text: String { lines.joined(separator: " / ") }
    var isPositiveCompletion: Bool { (200..<300).contains(code) }

    /// Parses one reply line into its code, whether more lines follow, and its text.
    static func parseLine(_ line: String) -> (code: Int, isLast: Bool, text: String)? {
        let characters = Array(line.utf8)
        guard characters.count >= 3, characters[0..<3].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let code = Int(String(decoding: characters[0..<3], as: UTF8.self))
        else { return nil }
        guard characters.count > 3 else { return (code, true, "") }
        let separator = characters[3]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else { return nil }
        return (code, separator == UInt8(ascii: " "), String(decoding: characters[4...], as: UTF8.self))
    }
}
