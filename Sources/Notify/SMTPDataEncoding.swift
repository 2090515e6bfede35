/// The DATA section of an SMTP transaction (RFC 5321 §4.5.2): every line ends in CRLF
/// (bare LF becomes CRLF, everything else is kept byte for byte), a line starting with
/// `.` gets a second `.`, and `.CRLF` ends it.
///
///     "a\n.b\r\nc"  →  "a\r\n..b\r\nc\r\n.\r\n"
enum SMTPDataEncoding {
    static func encode(_ message: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), dot = UInt8(ascii: ".")
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 40 + 5)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message {
            if atLineStart && byte == dot { output.append(dot) }
            if byte == lf && previous != cr { output.append(cr) }
            output.append(byte)
            atLineStart = byte == lf
            previous = byte
        }
        if !atLineStart {
            if previous != cr { output.append(cr) }
            output.append(lf)
        }
        output += [dot, cr, lf]
        return output
    }
}
