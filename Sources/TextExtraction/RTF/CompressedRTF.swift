/// Outlook's compressed RTF (MS-OXRTFCP), the RTF body of `.msg` items and TNEF:
/// a 16-byte header, then LZ77 over a 4 KiB ring primed with a fixed RTF prefix.
///
/// ```
/// header   compSize:32  rawSize:32  compType:32 ("LZFu" compressed, "MELA" stored)  crc:32
/// body     control byte (8 flags, LSB first) then per flag a literal byte (0)
///          or a reference (1): offset:12 length-2:4, big-endian; offset == write position ends
/// ```
/// The output is capped at the declared size and at `budget` bytes.
enum CompressedRTF {
    static let prefix = Array(("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss "
        + "\\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0"
        + "\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").utf8)

    /// The RTF bytes, or `nil` when the header is not a compressed-RTF header.
    static func decompress(_ data: [UInt8], budget: Int) -> [UInt8]? {
        guard let rawSize = data.u32(at: 4), let type = data.u32(at: 8) else { return nil }
        let limit = min(Int(rawSize), max(0, budget))
        if type == 0x414C_454D { return Array(data.dropFirst(16).prefix(limit)) }
        guard type == 0x7546_5A4C else { return nil }
        var ring = [UInt8](repeating: 0, count: 4096)
        ring.replaceSubrange(0..<prefix.count, with: prefix)
        var write = prefix.count
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, 1 << 20))
        var index = 16
        while index < data.count, output.count < limit {
            let control = data[index]
            index += 1
            for bit in 0..<8 where output.count < limit {
                if control >> bit & 1 == 0 {
                    guard index < data.count else { return output }
                    let byte = data[index]
                    index += 1
                    ring[write] = byte
                    write = (write + 1) & 0xFFF
                    output.append(byte)
                } else {
                    guard let high = data.u8(at: index), let low = data.u8(at: index + 1) else { return output }
                    index += 2
                    let reference = Int(high) << 4 | Int(low) >> 4
                    guard reference != write else { return output }
                    for step in 0..<(Int(low & 0x0F) + 2) where output.count < limit {
                        let byte = ring[(reference + step) & 0xFFF]
                        ring[write] = byte
                        write = (write + 1) & 0xFFF
                        output.append(byte)
                    }
                }
            }
        }
        return output
    }
}
