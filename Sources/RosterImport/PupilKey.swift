/// Makes the roster key of a pupil who has a UPN. The key travels in findings, the
/// decision log and JSON output, so it must not be the UPN itself: it is a stable
/// pseudonym (`P-` and 12 hex digits of a 64-bit FNV-1a hash of the UPN), the same on
/// every roster load, that the DPO can look up against the roster with
/// `chaperone roster check --json` but that does not disclose the identifier.
enum PupilKey {
    static func pseudonym(forUPN upn: String) -> String {
        var key: [UInt8] = []
        appendPseudonym(forUPN: upn, to: &key)
        return String(decoding: key, as: UTF8.self)
    }

    /// Appends the pseudonym's bytes to `key`.
    static func appendPseudonym(forUPN upn: String, to key: inout [UInt8]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "chaperone-pupil:".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for byte in upn.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // The hash's top 48 bits as 12 upper-case hex digits (the first 12 of its 16).
        key.append(80)
        key.append(45)
        for shift in stride(from: 60, through: 16, by: -4) { key.append(Self.digits[Int((hash >> UInt64(shift)) & 0xF)]) }
    }

    private static let digits = Array("0123456789ABCDEF".utf8)
}
