/// Case-insensitive whole-token lookup of short ASCII keywords without allocating:
/// keywords are bucketed by length and first byte (lower-cased), then compared byte by
/// byte. The shape scanners call it for every word of a message, so it must not build a
/// String per word, and most words must be turned away by one table read.
struct KeywordTable<Value: Sendable>: Sendable {
    /// `buckets[length * 256 + first]`: the keywords of that length starting with that byte.
    private var buckets: [[([UInt8], Value)]]
    private let longest: Int

    init(_ pairs: [(String, Value)]) {
        longest = pairs.map(\.0.utf8.count).max() ?? 0
        buckets = Array(repeating: [], count: (longest + 1) * 256)
        for (keyword, value) in pairs {
            let bytes = Array(keyword.lowercased().utf8)
            guard let first = bytes.first else { continue }
            buckets[bytes.count * 256 + Int(first)].append((bytes, value))
        }
    }

    /// The value for the token `bytes[range]`, compared ignoring ASCII case.
    func value(_ bytes: [UInt8], _ range: Range<Int>) -> Value? {
        guard !range.isEmpty, range.count <= longest else { return nil }
        let bucket = buckets[range.count * 256 + Int(Self.lowered(bytes[range.lowerBound]))]
        for (keyword, value) in bucket {
            var equal = true
            var position = range.lowerBound + 1
            for expected in keyword.dropFirst() {
                if Self.lowered(bytes[position]) != expected { equal = false; break }
                position += 1
            }
            if equal { return value }
        }
        return nil
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
