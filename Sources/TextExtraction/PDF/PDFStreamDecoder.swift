/// Decodes stream data through its /Filter chain (FlateDecode, LZWDecode,
/// RunLengthDecode, ASCIIHexDecode, ASCII85Decode), counting every decoded byte of one PDF against
/// `max_archive_expansion_bytes`. Image filters and unknown filters yield nil: such
/// streams hold no text.
struct PDFStreamDecoder {
    let budget: Int
    private(set) var decodedBytes = 0
    private(set) var limitHit = false

    init(budget: Int) {
        self.budget = budget
    }

    /// The decoded data of a stream object, or nil when it cannot be decoded.
    mutating func decode(_ object: PDFObject, in document: PDFDocument) -> [UInt8]? {
        guard case .stream(let dictionary, let range) = object, !limitHit else { return nil }
        var data = Array(document.rawData(range))
        let filters: [PDFObject] = switch document.resolve(dictionary["Filter"]) {
        case .array(let items): items
        case .null: []
        case let single: [single]
        }
        guard filters.count <= 8 else { return nil }
        let parameters = document.resolve(dictionary["DecodeParms"] ?? dictionary["DP"])
        for (position, filter) in filters.enumerated() {
            let name = document.resolve(filter).name ?? ""
            switch name {
            case "FlateDecode", "Fl":
                let room = budget - decodedBytes
                let result = PDFInflater.inflate(data[...], budget: room)
                if result.exceeded {
                    limitHit = true
                    return nil
                }
                data = result.bytes
            case "LZWDecode", "LZW", "RunLengthDecode", "RL":
                let room = budget - decodedBytes
                let result = name.hasPrefix("R") ? PDFLegacyFilters.runLengthDecoded(data, budget: room)
                    : PDFLegacyFilters.lzwDecoded(data, earlyChange: earlyChange(parameters, at: position), budget: room)
                if result.exceeded {
                    limitHit = true
                    return nil
                }
                data = result.bytes
            case "ASCIIHexDecode", "AHx":
                var lexer = PDFLexer(data)
                data = lexer.readHexString()
            case "ASCII85Decode", "A85":
                data = Self.ascii85Decoded(data)
            default:
                return nil
            }
        }
        decodedBytes += data.count
        if decodedBytes > budget {
            limitHit = true
            return nil
        }
        return data
    }

    /// The LZW /EarlyChange parameter of the filter at `position` (default on).
    private func earlyChange(_ parameters: PDFObject, at position: Int) -> Bool {
        let entry = parameters.array.map { $0.indices.contains(position) ? $0[position] : .null } ?? parameters
        return entry.dictionary?["EarlyChange"]?.integer != 0
    }

    /// ASCII base-85 (`<~ … ~>` framing optional, `z` for four zeros).
    static func ascii85Decoded(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var group: UInt64 = 0
        var count = 0
        var index = 0
        if input.count >= 2, input[0] == UInt8(ascii: "<"), input[1] == UInt8(ascii: "~") { index = 2 }
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == UInt8(ascii: "~") { break }
            if byte == UInt8(ascii: "z"), count == 0 {
                output.append(contentsOf: [0, 0, 0, 0])
                continue
            }
            guard (UInt8(ascii: "!")...UInt8(ascii: "u")).contains(byte) else { continue }
            group = group &* 85 &+ UInt64(byte - UInt8(ascii: "!"))
            count += 1
            if count == 5 {
                appendGroup(group, bytes: 4, to: &output)
                group = 0
                count = 0
            }
        }
        if count > 1 {
            for _ in count..<5 { group = group &* 85 &+ 84 }
            appendGroup(group, bytes: count - 1, to: &output)
        }
        return output
    }

    private static func appendGroup(_ group: UInt64, bytes: Int, to output: inout [UInt8]) {
        for shift in stride(from: 24, to: 24 - bytes * 8, by: -8) {
            output.append(UInt8(truncatingIfNeeded: group >> UInt64(shift)))
        }
    }
}
