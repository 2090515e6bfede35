/// Case-insensitive whole-token lookup of short ASCII keywords without allocating:
/// keywords are bucketed by length and first byte (lower-cased), then compared byte by
/// byte. The shape scanners call it for every word of a message, so it must not build a
/// String per word, and most words must be turned away by one table read.
///
/// The table is flat: one array of bucket bounds, one of keyword bytes and one of
/// values, so a lookup reads integers and bytes and retains nothing (a table of arrays
/// of arrays retained a bucket and sliced a keyword for every word).
struct KeywordTable<Value: Sendable>: Sendable {
    /// Bucket `length * 256 + first` holds the entries `bucketStarts[b] ..< bucketStarts[b + 1]`.
    private let bucketStarts: [Int32]
    /// Entry `e`'s keyword, lower-cased, is `keywordBytes[keywordStarts[e]...]`, as long as
    /// its bucket says. A bucket's entries are in the order they were given.
    private let keywordBytes: [UInt8]
    private let keywordStarts: [Int32]
    private let values: [Value]
    private let longest: Int

    /// The pairs' keywords, lower-cased; of two equal keywords, the first one's value is found.
    init(_ pairs: [(String, Value)]) {
        let keyed = pairs.compactMap { keyword, value -> (bucket: Int, bytes: [UInt8], value: Value)? in
            let bytes = Array(keyword.lowercased().utf8)
            guard let first = bytes.first else { return nil }
            return (bytes.count * 256 + Int(first), bytes, value)
        }
        longest = keyed.map(\.bytes.count).max() ?? 0
        // Stable: a bucket's entries keep the order they were given in.
        let ordered = keyed.enumerated().sorted { ($0.element.bucket, $0.offset) < ($1.element.bucket, $1.offset) }.map(\.element)
        var starts = [Int32](repeating: 0, count: (longest + 1) * 256 + 1)
        for entry in ordered { starts[entry.bucket + 1] += 1 }
        for bucket in starts.indices.dropFirst() { starts[bucket] += starts[bucket - 1] }
        bucketStarts = starts
        var bytes: [UInt8] = [], offsets: [Int32] = []
        for entry in ordered {
            offsets.append(Int32(bytes.count))
            bytes.append(contentsOf: entry.bytes)
        }
        keywordBytes = bytes
        keywordStarts = offsets
        values = ordered.map(\.value)
    }

    /// The value for the token `bytes[range]`, compared ignoring ASCII case.
    func value(_ bytes: [UInt8], _ range: Range<Int>) -> Value? {
        let length = range.count
        guard length > 0, length <= longest, range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
        let bucket = length * 256 + Int(Self.lowered(bytes[range.lowerBound]))
        let first = Int(bucketStarts[bucket]), end = Int(bucketStarts[bucket + 1])
        guard first < end else { return nil }
        let found = bytes.withUnsafeBufferPointer { text in
            keywordBytes.withUnsafeBufferPointer { keywords in
                keywordStarts.withUnsafeBufferPointer { starts -> Int? in
                    for entry in first..<end {
                        let start = Int(starts[entry])
                        var offset = 1
                        while offset < length, Self.lowered(text[range.lowerBound + offset]) == keywords[start + offset] {
                            offset += 1
                        }
                        if offset == length { return entry }
                    }
                    return nil
                }
            }
        }
        return found.map { values[$0] }
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
