/// A compound file (MS-CFB, "OLE2"), the container of legacy Word, Excel and PowerPoint
/// files and Outlook `.msg` items, read from memory.
///
/// ```
/// header (512 bytes)   signature D0 CF 11 E0 A1 B1 1A E1, sector shift, FAT/DIFAT/
///                      directory/mini-FAT start sectors, first 109 DIFAT entries
/// sector n             at byte (n + 1) << sectorShift
/// FAT                  next-sector table for every sector (chains end in 0xFFFFFFFE)
/// directory            128-byte entries: UTF-16 name, type, red-black tree links, start, size
/// mini stream          streams under 4,096 bytes live in 64-byte sectors inside it
/// ```
///
/// Memory-safe and bounded: every offset is checked, a chain may not be longer than the
/// table it walks (so cycles end as "damaged"), and every stream read is charged to the
/// caller's byte budget (`max_archive_expansion_bytes`).
struct CompoundFile {
    /// One directory entry: a storage (folder) or a stream (file).
    struct Entry {
        let name: String
        let type: UInt8
        let left: UInt32
        let right: UInt32
        let child: UInt32
        let start: UInt32
        let size: Int

        var isStorage: Bool { type == 1 || type == 5 }
        var isStream: Bool { type == 2 }
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let noStream: UInt32 = 0xFFFF_FFFF

    let bytes: [UInt8]
    let sectorSize: Int
    let miniSectorSize = 64
    let miniCutoff: Int
    private(set) var fat: [UInt32] = []
    private(set) var miniFAT: [UInt32] = []
    private(set) var entries: [Entry] = []
    private var miniStream: [UInt8] = []

    static func isCompoundFile(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 512 && Array(bytes.prefix(8)) == signature
    }

    /// Opens `bytes`; the directory, tables and mini stream are charged to `budget`.
    init(_ bytes: [UInt8], budget: inout Int) throws(CompoundFileError) {
        guard Self.isCompoundFile(bytes) else { throw .notCompoundFile }
        self.bytes = bytes
        let shift = Int(bytes.u16(at: 0x1E) ?? 0)
        guard shift == 9 || shift == 12 else { throw .damaged("sector size 2^\(shift)") }
        sectorSize = 1 << shift
        miniCutoff = Int(bytes.u32(at: 0x38) ?? 4096)
        fat = try readFAT()
        let directory = try chainBytes(start: bytes.u32(at: 0x30) ?? Self.endOfChain, size: nil, budget: &budget)
        entries = stride(from: 0, to: directory.count - 127, by: 128).map { Self.entry(directory, at: $0) }
        guard let root = entries.first, root.type == 5 else { throw .damaged("no root directory entry") }
        let miniFATBytes = try chainBytes(start: bytes.u32(at: 0x3C) ?? Self.endOfChain, size: nil, budget: &budget)
        miniFAT = Self.words(miniFATBytes)
        if root.start != Self.endOfChain, root.size > 0 {
            miniStream = try chainBytes(start: root.start, size: root.size, budget: &budget)
        }
    }

    /// The FAT, gathered from the header's 109 DIFAT entries and the DIFAT chain.
    private func readFAT() throws(CompoundFileError) -> [UInt32] {
        let sectorCount = max(0, bytes.count / sectorSize - 1)
        var fatSectors: [UInt32] = (0..<109).compactMap { bytes.u32(at: 0x4C + 4 * $0) }.filter { $0 < 0xFFFF_FFFA }
        var difat = bytes.u32(at: 0x44) ?? Self.endOfChain
        var steps = 0
        while difat < 0xFFFF_FFFA {
            steps += 1
            guard steps <= sectorCount, let sector = sectorBytes(difat) else { throw .damaged("DIFAT chain") }
            let words = Self.words(Array(sector))
            fatSectors += words.dropLast().filter { $0 < 0xFFFF_FFFA }
            difat = words.last ?? Self.endOfChain
        }
        guard fatSectors.count <= sectorCount else { throw .damaged("more FAT sectors than the file holds") }
        var table: [UInt32] = []
        table.reserveCapacity(fatSectors.count * sectorSize / 4)
        for index in fatSectors {
            guard let sector = sectorBytes(index) else { throw .damaged("FAT sector \(index) outside the file") }
            table += Self.words(Array(sector))
        }
        return table
    }

    private func sectorBytes(_ index: UInt32) -> ArraySlice<UInt8>? {
        let offset = (Int(index) + 1) * sectorSize
        guard offset < bytes.count else { return nil }
        return bytes[offset..<min(bytes.count, offset + sectorSize)]
    }

    /// Bytes of the chain starting at `start` in the FAT, cut to `size` when given.
    private func chainBytes(start: UInt32, size: Int?, budget: inout Int) throws(CompoundFileError) -> [UInt8] {
        var output: [UInt8] = []
        var sector = start
        var steps = 0
        let wanted = size.map { ($0 + sectorSize - 1) / sectorSize } ?? fat.count
        guard wanted <= fat.count else { throw .damaged("stream longer than the file") }
        var visited = Set<UInt32>(minimumCapacity: min(wanted, 1 << 16))
        while sector != Self.endOfChain, steps < wanted {
            guard Int(sector) < fat.count, let data = sectorBytes(sector) else { throw .damaged("sector chain leaves the file") }
            guard visited.insert(sector).inserted else { throw .damaged("sector chain has a cycle") }
            guard budget >= data.count else { throw .overBudget }
            budget -= data.count
            output += data
            sector = fat[Int(sector)]
            steps += 1
        }
        if sector != Self.endOfChain, size == nil { throw .damaged("sector chain has a cycle") }
        if let size {
            guard output.count >= size else { throw .damaged("stream shorter than its declared size") }
            output.removeSubrange(size...)
        }
        return output
    }

    /// The content of stream entry `index`, charged to `budget`.
    func read(_ index: Int, budget: inout Int) throws(CompoundFileError) -> [UInt8] {
        guard entries.indices.contains(index), entries[index].isStream else { throw .damaged("not a stream") }
        let entry = entries[index]
        guard entry.size > 0 else { return [] }
        guard entry.size < miniCutoff else { return try chainBytes(start: entry.start, size: entry.size, budget: &budget) }
        guard budget >= entry.size else { throw .overBudget }
        var output: [UInt8] = []
        var sector = entry.start
        var visited = Set<UInt32>()
        while output.count < entry.size {
            let offset = Int(sector) * miniSectorSize
            guard Int(sector) < miniFAT.count, offset < miniStream.count else {
                throw .damaged("mini stream chain leaves the file")
            }
            guard visited.insert(sector).inserted else { throw .damaged("mini stream chain has a cycle") }
            output += miniStream[offset..<min(miniStream.count, offset + miniSectorSize)]
            sector = miniFAT[Int(sector)]
        }
        budget -= entry.size
        return Array(output.prefix(entry.size))
    }

    private static func words(_ data: [UInt8]) -> [UInt32] {
        stride(from: 0, to: data.count - 3, by: 4).map { data.u32(at: $0) ?? 0 }
    }

    private static func entry(_ data: [UInt8], at offset: Int) -> Entry {
        let nameLength = min(64, Int(data.u16(at: offset + 64) ?? 0))
        let nameBytes = data.bytes(at: offset, length: max(0, nameLength - 2)) ?? []
        let size = Int(truncatingIfNeeded: min(data.u64(at: offset + 120) ?? 0, UInt64(Int32.max)))
        return Entry(name: utf16LittleEndian(nameBytes), type: data.u8(at: offset + 66) ?? 0,
                     left: data.u32(at: offset + 68) ?? noStream, right: data.u32(at: offset + 72) ?? noStream,
                     child: data.u32(at: offset + 76) ?? noStream, start: data.u32(at: offset + 116) ?? endOfChain,
                     size: size)
    }
}
