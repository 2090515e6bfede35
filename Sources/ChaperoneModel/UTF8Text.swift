/// Small operations on UTF-8 bytes with an ASCII fast path, for the roster's import and
/// lookups: each gives exactly what the `String` operation it names gives, and goes
/// through `String` only for text with non-ASCII bytes.
public enum UTF8Text {
    /// True when every byte is ASCII.
    @inline(__always)
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where byte >= 0x80 { return false }
        return true
    }

    /// Byte-for-byte equality.
    @inline(__always)
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where a[index] != b[index] { return false }
        return true
    }

    /// Appends `String(decoding: bytes).lowercased()` to `output`.
    public static func appendLowercased(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        appendMapped(bytes, to: &output, asciiRange: 65...90, shift: 32) { $0.lowercased() }
    }

    /// Appends `String(decoding: bytes).uppercased()` to `output`.
    public static func appendUppercased(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        appendMapped(bytes, to: &output, asciiRange: 97...122, shift: -32) { $0.uppercased() }
    }

    /// Appends `bytes` with the ASCII letters in `asciiRange` moved by `shift`, or, for text
    /// with non-ASCII bytes, `map` of the decoded String.
    private static func appendMapped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], asciiRange: ClosedRange<UInt8>,
                                     shift: Int8, map: (String) -> String) {
        guard isASCII(bytes) else {
            output.append(contentsOf: map(String(decoding: bytes, as: UTF8.self)).utf8)
            return
        }
        let start = output.count
        output.append(contentsOf: bytes)
        output.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count where asciiRange.contains(buffer[index]) {
                buffer[index] = UInt8(Int16(buffer[index]) + Int16(shift))
            }
        }
    }
}
