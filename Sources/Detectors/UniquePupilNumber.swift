/// Unique Pupil Number (England) checks: 13 characters, a check letter then twelve
/// characters: LA code (2–4), DfE establishment number (5–8), year of allocation
/// (9–10), serial (11–13). The check letter is
/// Σ value(charᵢ) × i for i = 2…13, mod 23, over the 23-letter alphabet without I, O and S.
/// A temporary UPN ends in a letter instead of the last serial digit.
public enum UniquePupilNumber {
    /// Which kind of UPN a valid value is.
    public enum Form: String, Sendable, Hashable {
        case permanent
        case temporary
    }

    /// The result of validating a UPN whose check letter is right.
    public struct Validation: Sendable, Hashable {
        public var form: Form
        /// True when characters 2–4 are a local-authority code DfE has issued
        /// (an unknown code lowers confidence; new codes appear over time).
        public var hasKnownLocalAuthority: Bool
        /// True when characters 9–10, the year the UPN was allocated, are 99 or 00–49:
        /// UPNs began in 1999, so 50–98 cannot have been issued (until 2050).
        public var hasPlausibleAllocationYear: Bool
    }

    /// The check alphabet: A=0 … H=7, J=8 … N=12, P=13, Q=14, R=15, T=16 … Z=22.
    static let alphabet: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    static func letterValue(_ byte: UInt8) -> Int? {
        alphabet.firstIndex(of: byte)
    }

    /// Validates an upper-case UPN; nil when shape or check letter is wrong, or the
    /// LA code is one that can never be issued (below 200).
    public static func validate(_ value: String) -> Validation? {
        var value = value
        return value.withUTF8 { validate(buffer: $0) }
    }

    static func validate(bytes: ArraySlice<UInt8>) -> Validation? {
        bytes.withUnsafeBufferPointer { validate(buffer: $0) }
    }

    /// The check over the bytes in place (no copy: the roster import asks once per pupil).
    private static func validate(buffer chars: UnsafeBufferPointer<UInt8>) -> Validation? {
        guard chars.count == 13 else { return nil }
        guard let checkValue = letterValue(chars[0]) else { return nil }
        var sum = 0
        var form = Form.permanent
        for position in 1..<13 {
            let byte = chars[position]
            let value: Int
            if byte >= 48 && byte <= 57 {
                value = Int(byte - 48)
            } else if position == 12, let letter = letterValue(byte) {
                value = letter
                form = .temporary
            } else {
                return nil
            }
            sum += value * (position + 1)
        }
        guard sum % 23 == checkValue else { return nil }
        let laCode = Int(chars[1] - 48) * 100 + Int(chars[2] - 48) * 10 + Int(chars[3] - 48)
        guard laCode >= 200 else { return nil }
        let year = Int(chars[8] - 48) * 10 + Int(chars[9] - 48)
        return Validation(form: form, hasKnownLocalAuthority: LocalAuthorityCodes.known.contains(laCode),
                          hasPlausibleAllocationYear: year == 99 || year < 50)
    }

    /// The check letter for twelve body characters, for generating test data.
    public static func checkLetter(forBody body: String) -> Character? {
        let chars = Array(body.utf8)
        guard chars.count == 12 else { return nil }
        var sum = 0
        for (index, byte) in chars.enumerated() {
            let value: Int
            if byte >= 48 && byte <= 57 {
                value = Int(byte - 48)
            } else if index == 11, let letter = letterValue(byte) {
                value = letter
            } else {
                return nil
            }
            sum += value * (index + 2)
        }
        return Character(Unicode.Scalar(alphabet[sum % 23]))
    }
}
