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
        guard isASCII(bytes) else {
            output.append(contentsOf: String(decoding: bytes, as: UTF8.self).lowercased().utf8)
            return
        }
        let start = output.count
        output.append(contentsOf: bytes)
        output.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count where buffer[index] >= 65 && buffer[index] <= 90 { buffer[index] += 32 }
        }
    }

    /// Appends `String(decoding: bytes).uppercased()` to `output`.
    public static func appendUppercased(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard isASCII(bytes) else {
            output.append(contentsOf: String(decoding: bytes, as: UTF8.self).uppercased().utf8)
            return
        }
        let start = output.count
        output.append(contentsOf: bytes)
        output.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count where buffer[index] >= 97 && buffer[index] <= 122 { buffer[index] -= 32 }
        }
    }
}
