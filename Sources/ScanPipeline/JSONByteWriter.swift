/// Writes JSON straight into a byte buffer, the way `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` prints it (the caller writes keys in
/// sorted order): strings escaped as Foundation escapes them, doubles as their shortest
/// description without a trailing `.0`. No intermediate strings, containers or
/// dictionaries, so printing a report costs about as much as copying its bytes.
struct JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value in the innermost container needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 1_024) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    /// Writes `"key":`; the value written next belongs to it.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                appendEscape(byte)
                runStart = index + 1
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// As Foundation prints a finite double: its shortest round-trip description, with
    /// `.0` dropped from whole numbers (`1`, `0.85`, `1e-05`).
    mutating func double(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    /// `double(value)` of a confidence rounded to hundredths, `(value * 100).rounded() / 100`,
    /// as `FindingJSON` holds it; the texts of 0, 0.01 … 1 are made once.
    mutating func hundredths(_ value: Double) {
        let scaled = (value * 100).rounded()
        // -0 (a tiny negative rounded) prints as "-0", which the table does not hold.
        guard scaled.sign == .plus, scaled <= 100 else { return double(scaled / 100) }
        separate()
        bytes.append(contentsOf: Self.hundredthTexts[Int(scaled)])
        needsComma = true
    }

    /// The text `double` writes for k / 100, k = 0 … 100.
    private static let hundredthTexts: [[UInt8]] = (0...100).map { k in
        var writer = JSONByteWriter(capacity: 8)
        writer.double(Double(k) / 100)
        return writer.bytes
    }

    /// Bytes already written as one complete JSON value (an escaped string).
    mutating func raw(_ value: [UInt8]) {
        separate()
        bytes.append(contentsOf: value)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
        needsComma = true
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
        }
    }
}
