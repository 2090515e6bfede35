import ChaperoneModel

/// Finds email addresses written in text: scans for `@` and widens to the local part
/// and the domain. Addresses come back lower-cased with their raw range.
struct EmailScanner {
    let bytes: [UInt8]

    struct Hit {
        var range: Range<Int>
        var address: String
        /// Where the `@` is in `address`.
        var atOffset: Int

        /// The part after the `@`, lower-cased (made only when asked: most addresses in
        /// an export are the roster's own, looked up by `address` alone).
        var domain: String { String(decoding: address.utf8.dropFirst(atOffset + 1), as: UTF8.self) }
    }

    static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "._%+-'".utf8.contains(byte)
    }

    static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 45 || byte == 46
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122)
    }

    func scan() -> [Hit] {
        var hits: [Hit] = []
        var position = 0
        while case let at = ByteSearch.next(64, in: bytes, from: position), at < bytes.count {
            position = at + 1
            var start = at
            while start > 0, Self.isLocalByte(bytes[start - 1]), at - start < 64 { start -= 1 }
            while start < at, !Self.isAlphanumeric(bytes[start]) { start += 1 }
            var end = at + 1
            while end < bytes.count, Self.isDomainByte(bytes[end]), end - at < 255 { end += 1 }
            while end > at + 1, !Self.isAlphanumeric(bytes[end - 1]) { end -= 1 }
            guard start < at, end > at + 1 else { continue }
            let domainBytes = bytes[(at + 1)..<end]
            // A dot, not leading, never doubled: checked on the bytes (no Foundation search).
            guard domainBytes.contains(46), domainBytes.first != 46,
                  !zip(domainBytes, domainBytes.dropFirst()).contains(where: { $0 == 46 && $1 == 46 }) else { continue }
            hits.append(Hit(range: start..<end, address: bytes.lowerCasedString(start..<end), atOffset: at - start))
            position = end
        }
        return hits
    }
}
