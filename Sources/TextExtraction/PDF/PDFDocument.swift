/// The objects of one PDF, found by scanning the bytes for `N G obj … endobj` (the
/// cross-reference table is not trusted, so damaged and rewritten files still open),
/// plus the objects packed in object streams, and the trailer dictionaries met.
struct PDFDocument {
    let bytes: [UInt8]
    var objects: [Int: PDFObject] = [:]
    /// Trailer dictionaries and cross-reference stream dictionaries, in file order.
    var trailers: [[String: PDFObject]] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// True when a trailer names an /Encrypt dictionary.
    var isEncrypted: Bool { trailers.contains { $0["Encrypt"] != nil } }

    /// Follows references (a bounded number of hops) to the object they name; a dangling
    /// reference is `null`, as the specification says.
    func resolve(_ object: PDFObject?) -> PDFObject {
        var current = object ?? .null
        var hops = 0
        while case .reference(let number) = current, hops < 16 {
            current = objects[number] ?? .null
            hops += 1
        }
        if case .reference = current { return .null }
        return current
    }

    /// The resolved value of `key` in `dictionary`.
    func value(_ key: String, in dictionary: [String: PDFObject]?) -> PDFObject {
        resolve(dictionary?[key])
    }

    /// The raw data of a stream object.
    func rawData(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return bytes[lower..<upper]
    }

    /// Where `needle` next occurs at or after `start`, or nil.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = max(0, start)
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
