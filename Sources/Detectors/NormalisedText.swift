/// Text in the compact form the roster automaton reads: ASCII letters lower-cased,
/// Latin diacritics folded (`é` → `e`, `ß` → `ss`), other letters kept as UTF-8, and
/// every run of whitespace, punctuation, hyphens and apostrophes collapsed to one
/// space (so `O’Neill` → `o neill`, `Smith-\nJones` → `smith jones`). Each byte
/// remembers the UTF-8 offset of the character it came from, so matches map back to
/// the original text.
struct NormalisedText {
    static let separator: UInt8 = 32

    private(set) var bytes: [UInt8] = []
    /// `rawOffsets[i]` is the UTF-8 offset in the source of `bytes[i]`'s character.
    private(set) var rawOffsets: [Int32] = []
    /// UTF-8 length of the source.
    let rawLength: Int
    /// Where trailing punctuation or space began in the source (so a match at the very
    /// end maps back without it).
    private var rawEnd: Int
    /// False for a pattern made once from roster text: `rawOffsets` stays empty.
    private var keepsOffsets = true

    init(_ text: String) {
        var source = text
        let length = source.utf8.count
        rawLength = length
        rawEnd = length
        bytes.reserveCapacity(length)
        rawOffsets.reserveCapacity(length)
        source.withUTF8 { buffer in append(buffer) }
        dropTrailingSeparator()
    }

    /// The normal form of `buffer`, and its raw tokens in `tokens` (what
    /// `RawToken.tokens(in:)` gives): for ASCII text (most mail) both come from one pass,
    /// since a token is then exactly a run of the letters and digits this form keeps.
    init(utf8 buffer: [UInt8], tokens: inout [RawToken]) {
        rawLength = buffer.count
        rawEnd = buffer.count
        if !buffer.contains(where: { $0 >= 0x80 }) {
            buffer.withUnsafeBufferPointer { appendASCII($0, tokens: &tokens) }
        } else {
            bytes.reserveCapacity(buffer.count)
            rawOffsets.reserveCapacity(buffer.count)
            buffer.withUnsafeBufferPointer { append($0) }
            tokens = RawToken.tokens(in: buffer)
        }
        dropTrailingSeparator()
    }

    /// `append` for ASCII text (most mail): a byte in gives at most one byte out, so
    /// both arrays are written in place at their final size, without a check per byte.
    /// The runs of letters and digits go into `tokens` as they end.
    private mutating func appendASCII(_ buffer: UnsafeBufferPointer<UInt8>, tokens: inout [RawToken]) {
        var written = 0
        var offsets: [Int32] = []
        var found: [RawToken] = []
        found.reserveCapacity(buffer.count / 5)
        var tokenStart = -1, digits = 0
        bytes = [UInt8](unsafeUninitializedCapacity: buffer.count) { output, outputCount in
            offsets = [Int32](unsafeUninitializedCapacity: buffer.count) { offsetOutput, offsetCount in
                for index in 0..<buffer.count {
                    let byte = buffer[index]
                    let normalised: UInt8
                    switch byte {
                    case 65...90, 97...122:
                        if tokenStart < 0 { tokenStart = index; digits = 0 }
                        normalised = byte | 0x20
                    case 48...57:
                        if tokenStart < 0 { tokenStart = index; digits = 0 }
                        digits += 1
                        normalised = byte
                    default:
                        if tokenStart >= 0 {
                            found.append(RawToken(start: tokenStart, end: index, digitCount: digits))
                            tokenStart = -1
                        }
                        // A separator only after a byte that is not one (never first).
                        guard written > 0, output[written - 1] != Self.separator else { continue }
                        normalised = Self.separator
                    }
                    output[written] = normalised
                    offsetOutput[written] = Int32(truncatingIfNeeded: index)
                    written += 1
                }
                offsetCount = written
            }
            outputCount = written
        }
        if tokenStart >= 0 { found.append(RawToken(start: tokenStart, end: buffer.count, digitCount: digits)) }
        rawOffsets = offsets
        tokens = found
    }

    /// The normalised form of UTF-8 bytes read in place (a roster field in its table),
    /// without the offsets back to them: an automaton pattern needs only the bytes.
    init(patternOf buffer: UnsafeBufferPointer<UInt8>) {
        rawLength = buffer.count
        rawEnd = buffer.count
        keepsOffsets = false
        bytes.reserveCapacity(buffer.count)
        append(buffer)
        if bytes.last == Self.separator { bytes.removeLast() }
    }

    /// The normalised bytes of `text`, as `NormalisedText(text).bytes`, for a pattern.
    static func pattern(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { NormalisedText(patternOf: $0).bytes }
    }

    private mutating func dropTrailingSeparator() {
        guard bytes.last == Self.separator, let offset = rawOffsets.last else { return }
        bytes.removeLast()
        rawOffsets.removeLast()
        rawEnd = Int(offset)
    }

    /// The raw UTF-8 range of normalised bytes `start..<end`.
    func rawRange(_ start: Int, _ end: Int) -> Range<Int> {
        let lower = start < rawOffsets.count ? Int(rawOffsets[start]) : rawEnd
        let upper = end < rawOffsets.count ? Int(rawOffsets[end]) : rawEnd
        return lower..<max(lower, upper)
    }

    private mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            let offset = Int32(truncatingIfNeeded: index)
            if byte < 0x80 {
                switch byte {
                case 65...90: push(byte | 0x20, offset)
                case 97...122, 48...57: push(byte, offset)
                default: pushSeparator(offset)
                }
                index += 1
                continue
            }
            let (scalar, width) = Self.decode(buffer, at: index)
            appendScalar(scalar, bytes: buffer, at: index, width: width, offset: offset)
            index += width
        }
    }

    private mutating func appendScalar(
        _ scalar: UInt32, bytes buffer: UnsafeBufferPointer<UInt8>, at index: Int, width: Int, offset: Int32
    ) {
        if (0x300...0x36F).contains(scalar) { return }  // combining marks: drop, keep the base
        if let folded = LatinFolding.fold(scalar) {
            if folded.isEmpty { pushSeparator(offset) } else { folded.forEach { push($0, offset) } }
            return
        }
        if let unicode = Unicode.Scalar(scalar), unicode.properties.isAlphabetic {
            if unicode.properties.changesWhenLowercased {
                unicode.properties.lowercaseMapping.utf8.forEach { push($0, offset) }  // Greek, Cyrillic, …
            } else {
                for step in 0..<width { push(buffer[index + step], offset) }
            }
        } else {
            pushSeparator(offset)
        }
    }

    private mutating func push(_ byte: UInt8, _ offset: Int32) {
        bytes.append(byte)
        if keepsOffsets { rawOffsets.append(offset) }
    }

    private mutating func pushSeparator(_ offset: Int32) {
        guard let last = bytes.last, last != Self.separator else { return }
        push(Self.separator, offset)
    }

    /// Decodes one scalar; invalid sequences decode as U+FFFD of width 1.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = buffer[index]
        let width: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: width = 2; scalar = UInt32(lead & 0x1F)
        case 0xE0...0xEF: width = 3; scalar = UInt32(lead & 0x0F)
        case 0xF0...0xF4: width = 4; scalar = UInt32(lead & 0x07)
        default: return (0xFFFD, 1)
        }
        guard index + width <= buffer.count else { return (0xFFFD, 1) }
        for step in 1..<width {
            let next = buffer[index + step]
            guard next & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            scalar = scalar << 6 | UInt32(next & 0x3F)
        }
        return (scalar, width)
    }
}
