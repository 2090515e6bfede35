/// Header values as they go on the wire: ASCII text folded at spaces to stay under 78
/// characters a line, and anything else as RFC 2047 encoded words (`=?utf-8?B?…?=`).
/// CR and LF never survive, so no value can add a header.
enum MailHeaderValue {
    static func encode(name: String, value: String) -> String {
        let clean = value.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        let words: [String] = clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 })
            ? clean.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            : encodedWords(clean)
        var line = name + ":"
        var output = ""
        for word in words {
            if line.count + 1 + word.count > 76 && line.count > name.count + 1 {
                output += line + "\r\n"
                line = ""
            }
            line += " " + word
        }
        return output + line + "\r\n"
    }

    /// Base64 encoded words of at most 45 bytes of UTF-8 each, never splitting a character.
    private static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 && !chunk.isEmpty {
                words.append("=?utf-8?B?" + Base64.encode(chunk) + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?utf-8?B?" + Base64.encode(chunk) + "?=") }
        return words
    }
}
