/// National Insurance number shape rules (HMRC NIM39110): two prefix letters, six
/// digits, suffix A–D. D F I Q U V are never used in the prefix, O never second, and
/// the pairs BG GB KN NK NT TN ZZ are not issued. There is no checksum.
public enum NationalInsuranceNumber {
    static let bannedPairs: Set<String> = ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]

    /// True when `value` (spaces allowed, any case) has a valid NINO shape.
    public static func isValid(_ value: String) -> Bool {
        let compact = value.uppercased().utf8.filter { $0 != 32 }
        return isValid(compact: compact[...])
    }

    /// `compact` is upper case with no separators.
    static func isValid(compact: ArraySlice<UInt8>) -> Bool {
        let chars = Array(compact)
        guard chars.count == 9 else { return false }
        let first = chars[0], second = chars[1]
        let neverUsed: Set<UInt8> = Set("DFIQUV".utf8)
        guard isLetter(first), isLetter(second), !neverUsed.contains(first), !neverUsed.contains(second),
              second != UInt8(ascii: "O") else { return false }
        guard !bannedPairs.contains(String(decoding: chars[0..<2], as: UTF8.self)) else { return false }
        guard chars[2..<8].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return (UInt8(ascii: "A")...UInt8(ascii: "D")).contains(chars[8])
    }

    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 65 && byte <= 90 }
}
