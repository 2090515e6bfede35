/// One RFC 2231 parameter segment (`name*`, `name*0`, `name*1*`), joined with its
/// siblings in index order and decoded with the charset named in the first segment.
struct ExtendedSegment {
    var index: Int
    var isEncoded: Bool
    var value: String

    init(suffix: Substring, value: String) {
        isEncoded = suffix.hasSuffix("*") || suffix.isEmpty
        let digits = suffix.filter(\.isNumber)
        index = Int(digits.prefix(6)) ?? 0
        self.value = value
    }

    static func join(_ segments: [ExtendedSegment]) -> String {
        let ordered = segments.sorted { $0.index < $1.index }
        var charset: String?
        var bytes = [UInt8]()
        for (position, segment) in ordered.enumerated() {
            guard segment.isEncoded else {
                bytes.append(contentsOf: segment.value.utf8)
                continue
            }
            var encoded = Substring(segment.value)
            if position == 0 {
                let parts = encoded.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                if parts.count == 3 {
                    charset = parts[0].isEmpty ? nil : String(parts[0])
                    encoded = parts[2]
                }
            }
            bytes.append(contentsOf: percentDecode(encoded))
        }
        return CharsetDecoder.decode(bytes, charset: charset).text
    }

    private static func percentDecode(_ text: Substring) -> [UInt8] {
        let source = Array(text.utf8)
        var output = [UInt8]()
        output.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
               let high = source[index + 1].hexDigitValue,
               let low = source[index + 2].hexDigitValue {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(source[index])
                index += 1
            }
        }
        return output
    }
}
