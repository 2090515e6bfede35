/// The last-resort reading of HTML when the parser gives up: tags, comments, scripts and
/// styles removed, common entities decoded, whitespace collapsed. Linear.
enum HTMLTagStripper {
    static func strip(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output = ProseBuffer()
        var text: [UInt8] = []
        var index = 0
        func flush() {
            if !text.isEmpty { output.append(decodeEntities(String(decoding: text, as: UTF8.self))) }
            text.removeAll(keepingCapacity: true)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                text.append(bytes[index])
                index += 1
                continue
            }
            flush()
            let rest = bytes[index...].prefix(10).map { $0 | 0x20 }
            let closer: [UInt8]
            if rest.starts(with: Array("<!--".utf8)) {
                closer = Array("-->".utf8)
            } else if rest.starts(with: Array("<script".utf8)) {
                closer = Array("</script>".utf8)
            } else if rest.starts(with: Array("<style".utf8)) {
                closer = Array("</style>".utf8)
            } else {
                closer = Array(">".utf8)
            }
            index = position(after: closer, in: bytes, from: index + 1)
            output.append(" ")
        }
        flush()
        var result = output
        return result.take()
    }

    /// The index just past the first case-insensitive match of `needle`, or the end.
    private static func position(after needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] | 0x20 == needle[0] | 0x20,
               needle.indices.allSatisfy({ bytes[index + $0] | 0x20 == needle[$0] | 0x20 }) {
                return index + needle.count
            }
            index += 1
        }
        return bytes.count
    }

    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let value = entities[name.lowercased()] ?? numeric(name) {
                    output += value
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            output += "&"
            rest = after
        }
        return output + rest
    }

    private static func numeric(_ name: String) -> String? {
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
