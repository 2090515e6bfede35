/// Whether bytes are well-formed UTF-8 (Unicode 15, table 3-7: no overlong forms, no
/// surrogates, nothing past U+10FFFF, no truncated sequence), answered without making a
/// String: the same answer as `String(validating:as: UTF8.self) != nil`, for readers that
/// keep text as bytes (a 20 MB CSV attachment is then never copied to be checked).
public enum UTF8Validity {
    public static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    public static func isValid(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = buffer.count
        var index = 0
        while index < count {
            let lead = buffer[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            // The allowed range of the second byte, and how many bytes the sequence has.
            let width: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return false
            }
            guard index + width <= count else { return false }
            let second = buffer[index + 1]
            guard second >= low, second <= high else { return false }
            for step in 2..<max(2, width) where buffer[index + step] & 0xC0 != 0x80 { return false }
            index += width
        }
        return true
    }
}
