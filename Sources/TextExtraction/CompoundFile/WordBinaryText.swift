import ChaperoneModel
import MIMEParser

/// The text of a Word 97–2003 `.doc` (MS-DOC): the FIB in the `WordDocument` stream
/// names the table stream (`0Table`/`1Table`) and the `Clx` in it, whose piece table
/// maps character positions to runs of 8-bit (windows-1252) or UTF-16 text. The text is
/// split into its stories by the FIB's counts: body, footnotes, headers and footers,
/// comments, endnotes and text boxes, each its own segment. Field codes are dropped and
/// field results kept; table cells become tabs.
enum WordBinaryText {
    /// Story names in the order Word stores them after the main text.
    static let stories = ["body", "footnotes", "headers", "comments", "endnotes", "text boxes", "header text boxes"]

    static func read(_ file: CompoundFile, budget: inout Int) throws(CompoundFileError) -> [(story: String, text: String)] {
        guard let word = try file.stream(named: "WordDocument", budget: &budget) else { throw .damaged("no WordDocument stream") }
        guard word.u16(at: 0) == 0xA5EC, let nFib = word.u16(at: 2), let flags = word.u16(at: 0x0A) else {
            throw .damaged("the Word header (FIB) is missing")
        }
        if flags & 0x0100 != 0 { throw .encrypted("the Word document is password-protected") }
        guard nFib >= 0x00C1 else { throw .unsupported("Word 6/95 document") }
        let tableName = flags & 0x0200 != 0 ? "1Table" : "0Table"
        guard let table = try file.stream(named: tableName, budget: &budget) else { throw .damaged("no \(tableName) stream") }
        guard let fcClx = word.u32(at: 0x01A2), let lcbClx = word.u32(at: 0x01A6),
              let clx = table.bytes(at: Int(fcClx), length: Int(lcbClx)) else { throw .damaged("the piece table is outside the table stream") }
        let text = try pieceText(Array(clx), word: word)
        let counts = (0..<7).map { Int(word.u32(at: 0x4C + 4 * [0, 1, 2, 4, 5, 6, 7][$0]) ?? 0) }
        var result: [(story: String, text: String)] = []
        var start = text.startIndex
        for (story, count) in zip(stories, counts) where count > 0 {
            let end = min(text.count, start + count)
            let cleaned = WordCharacterFilter.clean(text[start..<end])
            if cleaned.contains(where: { !$0.isWhitespace }) { result.append((story, cleaned)) }
            start = end
        }
        let whole = WordCharacterFilter.clean(text[...])
        if result.isEmpty, whole.contains(where: { $0.isLetter || $0.isNumber }) {
            result.append(("body", whole))
        }
        return result
    }

    /// The concatenated text of every piece, as UTF-16 code units.
    private static func pieceText(_ clx: [UInt8], word: [UInt8]) throws(CompoundFileError) -> [UInt16] {
        var offset = 0
        while clx.u8(at: offset) == 0x01 {
            guard let size = clx.u16(at: offset + 1) else { throw .damaged("piece table") }
            offset += 3 + Int(size)
        }
        guard clx.u8(at: offset) == 0x02, let length = clx.u32(at: offset + 1),
              let plc = clx.bytes(at: offset + 5, length: Int(length)).map(Array.init), plc.count >= 4 else {
            throw .damaged("the piece table has no piece descriptors")
        }
        let pieces = (plc.count - 4) / 12
        var units: [UInt16] = []
        for piece in 0..<pieces {
            guard let start = plc.u32(at: 4 * piece), let end = plc.u32(at: 4 * piece + 4), end >= start,
                  let fcValue = plc.u32(at: 4 * (pieces + 1) + 8 * piece + 2) else { throw .damaged("piece \(piece)") }
            let count = Int(end - start)
            let compressed = fcValue & 0x4000_0000 != 0
            let fc = Int(fcValue & 0x3FFF_FFFF)
            guard count <= word.count else { throw .damaged("piece \(piece) is longer than the document") }
            if compressed {
                guard let run = word.bytes(at: fc / 2, length: count) else { throw .damaged("piece \(piece) is outside the document") }
                units += CharsetDecoder.decode(run, charset: "windows-1252").text.utf16
            } else {
                guard let run = word.bytes(at: fc, length: 2 * count) else { throw .damaged("piece \(piece) is outside the document") }
                units += stride(from: run.startIndex, to: run.endIndex - 1, by: 2).map { UInt16(run[$0]) | UInt16(run[$0 + 1]) << 8 }
            }
        }
        return units
    }
}

/// Word's control characters made plain: paragraph marks and breaks become line breaks,
/// cell marks tabs (a row's end mark a line break), field codes (between 0x13 and 0x14) dropped, anchors removed.
enum WordCharacterFilter {
    static func clean(_ units: ArraySlice<UInt16>) -> String {
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        var fieldCode: [Bool] = []
        var previous: UInt16 = 0
        for unit in units {
            defer { previous = unit }
            switch unit {
            case 0x13: fieldCode.append(true)
            case 0x14: if !fieldCode.isEmpty { fieldCode[fieldCode.count - 1] = false }
            case 0x15: _ = fieldCode.popLast()
            default:
                guard fieldCode.last != true else { continue }
                switch unit {
                case 0x0D, 0x0B, 0x0C, 0x0E: output.append(0x0A)
                case 0x07: output.append(previous == 0x07 ? 0x0A : 0x09)
                case 0x1E: output.append(0x2D)
                case 0xA0: output.append(0x20)
                case 0x00..<0x09, 0x0F..<0x20: continue
                default: output.append(unit)
                }
            }
            if fieldCode.count > 64 { fieldCode.removeFirst() }
        }
        return String(decoding: output, as: UTF16.self)
    }
}
