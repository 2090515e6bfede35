import MIMEParser

/// Checks, before ZIPFoundation sees an archive held in memory, that every offset it
/// will seek to lies inside the bytes: its in-memory file traps when asked to read past
/// a seek beyond the end, which a damaged or hostile archive can ask for. Walks the end
/// record, the central directory and each local header the way ZIPFoundation will.
/// ZIP64 archives are refused (attachments under 4 GiB do not need them).
enum ZIPLayoutCheck {
    /// Whether ZIPFoundation may open the archive.
    enum Verdict: Equatable {
        case safe
        case damaged
        case zip64
    }

    /// One central-directory entry: its name and whether it is encrypted.
    struct Member: Equatable {
        var name: String
        var isEncrypted: Bool
    }

    static func verdict(_ bytes: [UInt8]) -> Verdict {
        inspect(bytes).verdict
    }

    /// The verdict and the members listed in the central directory (up to `limit`).
    static func inspect(_ bytes: [UInt8], limit: Int = .max) -> (verdict: Verdict, members: [Member]) {
        var members: [Member] = []
        let verdict = walk(bytes) { member in
            if members.count < limit { members.append(member) }
        }
        return (verdict, members)
    }

    private static func walk(_ bytes: [UInt8], member: (Member) -> Void) -> Verdict {
        let length = bytes.count
        guard let end = endRecordOffset(bytes), end + 22 <= length else { return .damaged }
        if end >= 20, uint32(bytes, end - 20) == 0x0706_4B50 { return .zip64 }
        let entryCount = Int(uint16(bytes, end + 10))
        var directory = Int(uint32(bytes, end + 16))
        for _ in 0..<entryCount {
            guard directory <= length else { return .damaged }
            guard directory + 46 <= length, uint32(bytes, directory) == 0x0201_4B50 else { return .safe }
            let flags = uint16(bytes, directory + 8)
            let nameLength = Int(uint16(bytes, directory + 28))
            let name = bytes[min(length, directory + 46)..<min(length, directory + 46 + nameLength)]
            member(Member(name: CharsetDecoder.utf8OrWindows1252(name), isEncrypted: flags & 0x01 != 0))
            let method = uint16(bytes, directory + 10)
            let compressed = uint32(bytes, directory + 20)
            let uncompressed = uint32(bytes, directory + 24)
            let localHeader = uint32(bytes, directory + 42)
            if [compressed, uncompressed, localHeader].contains(0xFFFF_FFFF) { return .zip64 }
            let header = Int(localHeader)
            guard header <= length else { return .damaged }
            guard header + 30 <= length, uint32(bytes, header) == 0x0403_4B50 else { return .safe }
            let dataOffset = header + 30 + Int(uint16(bytes, header + 26)) + Int(uint16(bytes, header + 28))
            guard dataOffset <= length else { return .damaged }
            if flags & 0x08 != 0 {
                let dataSize = Int(method != 0 ? compressed : uncompressed)
                guard dataOffset + dataSize <= length else { return .damaged }
            }
            directory += 46 + Int(uint16(bytes, directory + 28)) + Int(uint16(bytes, directory + 30))
                + Int(uint16(bytes, directory + 32))
        }
        return .safe
    }

    /// The end-of-central-directory record closest to the end, as ZIPFoundation finds it.
    private static func endRecordOffset(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var position = bytes.count - 22
        while position >= 0 {
            if uint32(bytes, position) == 0x0605_4B50 { return position }
            position -= 1
        }
        return nil
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}
