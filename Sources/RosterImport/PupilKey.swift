/// Makes the roster key of a pupil who has a UPN. The key travels in findings, the
/// decision log and JSON output, so it must not be the UPN itself: it is a stable
/// pseudonym (`P-` and 12 hex digits of a 64-bit FNV-1a hash of the UPN), the same on
/// every roster load, that the DPO can look up against the roster with
/// `chaperone roster check --json` but that does not disclose the identifier.
enum PupilKey {
    static func pseudonym(forUPN upn: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "chaperone-pupil:\(upn)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return "P-" + padded.prefix(12).uppercased()
    }
}
