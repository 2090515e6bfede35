/// Writes JSON straight into a byte buffer, the way `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` prints it (the caller writes keys in
/// sorted order): strings escaped as Foundation escapes them, doubles as their shortest
/// description without a trailing `.0`. No intermediate strings, containers or
/// dictionaries, so printing a report costs about as much as copying its bytes.
struct JSONByteWriter: ~Copyable {
    /// The bytes written so far are `storage[0 ..< count]`; the buffer is the writer's
    /// own (it is not copyable) and grows by doubling. Writing into it directly, not
    /// through `Array.append(contentsOf:)`, makes a key or a short string a bounds check
    /// and a copy: a list of pupils prints thousands of findings of nine keys each.
    private var storage: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the next value in the innermost container needs a comma before it.
    private var needsComma = false

    init(capacity: Int = 1_024) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// A copy of what has been written.
    var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: storage, count: count)) }

    mutating func beginObject() { separate(); push(UInt8(ascii: "{")); needsComma = false }
    mutating func endObject() { push(UInt8(ascii: "}")); needsComma = true }
    mutating func beginArray() { separate(); push(UInt8(ascii: "[")); needsComma = false }
    mutating func endArray() { push(UInt8(ascii: "]")); needsComma = true }

    /// Writes `"key":`; the value written next belongs to it.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        separate()
        push(UInt8(ascii: "\""))
        push(name)
        push(UInt8(ascii: "\""))
        push(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String) {
        beginString()
        stringContents(value)
        endString()
    }

    /// A string value written in pieces: `beginString()`, any number of
    /// `stringContents(_:)`, then `endString()` — the same bytes as `string` of the
    /// pieces joined, without joining them.
    mutating func beginString() {
        separate()
        push(UInt8(ascii: "\""))
    }

    /// One piece of the string begun by `beginString()`, escaped.
    mutating func stringContents(_ piece: String) {
        if piece.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var copy = piece
            copy.withUTF8 { escaped($0) }
        }
    }

    /// A piece that needs no escaping (a fixed prefix).
    mutating func stringContents(_ piece: StaticString) {
        push(piece)
    }

    mutating func endString() {
        push(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes `utf8` escaped as a JSON string's contents: runs without a character to
    /// escape are copied whole.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            if runStart < index { push(base + runStart, index - runStart) }
            appendEscape(byte)
            runStart = index + 1
        }
        if runStart < utf8.count { push(base + runStart, utf8.count - runStart) }
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
        var text = String(value)
        text.withUTF8 { push($0.baseAddress!, $0.count) }
        needsComma = true
    }

    /// As Foundation prints a finite double: its shortest round-trip description, with
    /// `.0` dropped from whole numbers (`1`, `0.85`, `1e-05`).
    mutating func double(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        text.withUTF8 { push($0.baseAddress!, $0.count) }
        needsComma = true
    }

    /// `double(value)` of a confidence rounded to hundredths, `(value * 100).rounded() / 100`,
    /// as `FindingJSON` holds it; the texts of 0, 0.01 … 1 are made once.
    mutating func hundredths(_ value: Double) {
        let scaled = (value * 100).rounded()
        // -0 (a tiny negative rounded) prints as "-0", which the table does not hold.
        guard scaled.sign == .plus, scaled <= 100 else { return double(scaled / 100) }
        separate()
        push(Self.hundredthTexts[Int(scaled)])
        needsComma = true
    }

    /// The text `double` writes for k / 100, k = 0 … 100.
    private static let hundredthTexts: [[UInt8]] = (0...100).map { k in
        var writer = JSONByteWriter(capacity: 8)
        writer.double(Double(k) / 100)
        return writer.bytes
    }

    mutating func bool(_ value: Bool) {
        separate()
        if value { push("true") } else { push("false") }
        needsComma = true
    }

    mutating func null() {
        separate()
        push("null")
        needsComma = true
    }

    @inline(__always)
    private mutating func separate() {
        if needsComma { push(UInt8(ascii: ",")) }
    }

    private mutating func appendEscape(_ byte: UInt8) {
        push(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): push(byte)
        case 0x08: push(UInt8(ascii: "b"))
        case 0x0C: push(UInt8(ascii: "f"))
        case 0x0A: push(UInt8(ascii: "n"))
        case 0x0D: push(UInt8(ascii: "r"))
        case 0x09: push(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            push("u00")
            hex.withUTF8Buffer { digits in
                push(digits[Int(byte >> 4)])
                push(digits[Int(byte & 0x0F)])
            }
        }
    }

    @inline(__always)
    private mutating func push(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func push(_ source: UnsafePointer<UInt8>, _ length: Int) {
        if length > capacity - count { grow(toHold: length) }
        (storage + count).initialize(from: source, count: length)
        count += length
    }

    @inline(__always)
    private mutating func push(_ text: StaticString) {
        // A one-character literal may be held as a scalar, without a pointer to its bytes.
        if text.hasPointerRepresentation {
            push(text.utf8Start, text.utf8CodeUnitCount)
        } else {
            text.withUTF8Buffer { push($0.baseAddress!, $0.count) }
        }
    }

    private mutating func push(_ value: [UInt8]) {
        value.withUnsafeBufferPointer { if let base = $0.baseAddress { push(base, $0.count) } }
    }

    /// Makes room for `length` more bytes: at least double the capacity.
    private mutating func grow(toHold length: Int) {
        let newCapacity = max(capacity * 2, count + length)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = newCapacity
    }
}
