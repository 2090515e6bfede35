/// Generators for hostile inputs too large to commit as fixture files.
enum HostileMessages {
    /// `depth` multiparts nested inside each other, a text part at the bottom.
    static func nested(depth: Int) -> [UInt8] {
        var lines: [String] = []
        for level in 0..<depth {
            lines += ["Content-Type: multipart/mixed; boundary=\"level\(level)\"", "", "--level\(level)"]
        }
        lines += ["Content-Type: text/plain", "", "bottom"]
        for level in (0..<depth).reversed() { lines.append("--level\(level)--") }
        return MessageText.crlf(lines)
    }

    /// One multipart with `count` small text parts.
    static func manyParts(_ count: Int) -> [UInt8] {
        var lines = ["Subject: many parts", "Content-Type: multipart/mixed; boundary=p", ""]
        for index in 0..<count { lines += ["--p", "Content-Type: text/plain", "", "part \(index)"] }
        lines.append("--p--")
        return MessageText.crlf(lines)
    }

    /// A message whose Subject is one line of `length` bytes.
    static func longHeaderLine(_ length: Int) -> [UInt8] {
        MessageText.crlf(["Subject: " + String(repeating: "long ", count: length / 5), "", "short body"])
    }
}
