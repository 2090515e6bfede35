/// Quoted-printable encoding (RFC 2045 §6.7) of UTF-8 text with CRLF line ends: lines
/// stay readable, no encoded line is longer than 76 characters, and a leading `.` or
/// `From ` is encoded so that no transport alters it.
enum QuotedPrintable {
    static func encode(_ text: String) -> String {
        var output = ""
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            output += encodeLine(Array(line.utf8))
            if index < lines.count - 1 { output += "\r\n" }
        }
        return output
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var output = ""
        var lineLength = 0
        let startsWithFrom = bytes.starts(with: Array("From ".utf8))
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || (byte == UInt8(ascii: " ") && !isLast)
            let leadingHazard = lineLength == 0 && (byte == UInt8(ascii: ".") || (byte == UInt8(ascii: "F") && startsWithFrom))
            let piece = literal && !leadingHazard ? String(UnicodeScalar(byte)) : hex(byte)
            if lineLength + piece.count > 75 {
                output += "=\r\n"
                lineLength = 0
            }
            output += piece
            lineLength += piece.count
        }
        return output
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
