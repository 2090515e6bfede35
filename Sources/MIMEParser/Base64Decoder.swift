/// Decodes base64 as RFC 2045 section 6.8 says and mail clients do: characters outside
/// the alphabet (whitespace, junk) are ignored, missing padding is accepted, and `=` ends a quantum so concatenated encoded
/// blocks decode correctly. Linear, one output allocation.
public enum Base64Decoder {
    /// The decoded bytes and how many input characters were neither base64 nor
    /// whitespace (junk), plus whether a dangling single character was dropped.
    public struct Result: Hashable, Sendable {
        public var bytes: [UInt8]
        public var junkCount: Int
        public var danglingBits: Bool
        /// Spaces and tabs inside lines, which real base64 never has.
        public var blankCount: Int
    }

    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        table[Int(UInt8(ascii: "-"))] = 62  // base64url, seen in the wild
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    public static func decode(_ input: some Collection<UInt8>) -> Result {
        var output = [UInt8]()
        output.reserveCapacity(input.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var count = 0
        var junk = 0
        var dangling = false
        var blanks = 0
        let table = self.table
        for byte in input {
            let value = table[Int(byte)]
            if value != 0xFF {
                accumulator = accumulator << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    output.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    count = 0
                }
            } else if byte == UInt8(ascii: "=") {
                dangling = flush(&accumulator, &count, into: &output) || dangling
            } else if byte == 0x20 || byte == 0x09 {
                blanks += 1
            } else if byte != 0x0D && byte != 0x0A {
                junk += 1
            }
        }
        dangling = flush(&accumulator, &count, into: &output) || dangling
        return Result(bytes: output, junkCount: junk, danglingBits: dangling, blankCount: blanks)
    }

    /// Emits the bytes of a partial quantum; returns true when one lone character had
    /// to be dropped.
    private static func flush(_ accumulator: inout UInt32, _ count: inout Int, into output: inout [UInt8]) -> Bool {
        defer { accumulator = 0; count = 0 }
        switch count {
        case 2:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        case 1:
            return true
        default:
            break
        }
        return false
    }
}

extension Base64Decoder.Result {
    /// True when so much of the input was not base64 that it may be prose mislabelled
    /// as base64: the decoded bytes are still scanned, and the raw text as well.
    public var looksLikeNotBase64: Bool {
        let stray = junkCount + blankCount
        return stray > 8 && stray * 20 > bytes.count
    }
}
