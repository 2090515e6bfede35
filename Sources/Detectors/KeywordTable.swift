/// Case-insensitive whole-token lookup of short ASCII keywords without allocating:
/// keywords are bucketed by length and compared byte by byte. The shape scanners call
/// it for every word of a message, so it must not build a String per word.
struct KeywordTable<Value: Sendable>: Sendable {
    private var buckets: [[([UInt8], Value)]]

    init(_ pairs: [(String, Value)]) {
        let longest = pairs.map(\.0.utf8.count).max() ?? 0
        buckets = Array(repeating: [], count: longest + 1)
        for (keyword, value) in pairs {
            let bytes = Array(keyword.lowercased().utf8)
            buckets[bytes.count].append((bytes, value))
        }
    }

    /// The value for the token `bytes[range]`, compared ignoring ASCII case.
    func value(_ bytes: [UInt8], _ range: Range<Int>) -> Value? {
        guard range.count < buckets.count else { return nil }
        for (keyword, value) in buckets[range.count] {
            var equal = true
            var position = range.lowerBound
            for expected in keyword {
                let byte = bytes[position]
                let lowered = byte >= 65 && byte <= 90 ? byte + 32 : byte
                if lowered != expected { equal = false; break }
                position += 1
            }
            if equal { return value }
        }
        return nil
    }
}
