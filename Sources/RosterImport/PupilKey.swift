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
        var hash = Self.prefixHash
        for byte in upn.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        // "P-" and the hash's top 48 bits as 12 upper-case hex digits (the first 12 of its 16).
        var text: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            buffer[0] = 80
            buffer[1] = 45
            for (index, shift) in stride(from: 60, through: 16, by: -4).enumerated() {
                let digit = UInt8((hash >> UInt64(shift)) & 0xF)
                buffer[2 + index] = digit < 10 ? 48 + digit : 55 + digit
            }
            key.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<14]))
        }
    }

    /// FNV-1a of the prefix `chaperone-pupil:`, from its offset basis.
    private static let prefixHash: UInt64 = {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "chaperone-pupil:".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }()
}
