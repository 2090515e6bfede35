import ChaperoneModel
import Foundation
import MIMEParser
import Testing
@testable import TextExtraction

/// Extraction streamed to a consumer (what the scan pipeline does, so a 20 MB CSV is
/// never held as text) must hand over exactly the segments, in exactly the order, that
/// `extract(_:)` keeps, and leave the rest of the content the same; and a CSV read from
/// its raw bytes (line breaks as received, no String made) must give exactly the rows
/// the old path gave from the decoded, line-break-normalised text.
@Suite struct StreamedExtractionTests {
    static var sampleMessages: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/messages")
    }

    static func streamed(_ parsed: ParsedMessage, extractor: TextExtractor) -> MessageContent {
        var segments: [TextSegment] = []
        var content = extractor.extract(parsed, header: extractor.headerContent(of: parsed)) { segments.append($0) }
        #expect(content.segments.isEmpty, "a streamed extraction keeps no segments")
        content.segments = segments
        return content
    }

    @Test func everySampleStreamsTheSegmentsExtractionKeeps() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sampleMessages.path).filter { $0.hasSuffix(".eml") }.sorted()
        #expect(files.count >= 40)
        let extractor = TextExtractor()
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: Self.sampleMessages.appendingPathComponent(file)))
            let parsed = ParsedMessage.parse(bytes, limits: Limits())
            let kept = extractor.extract(parsed)
            #expect(Self.streamed(parsed, extractor: extractor) == kept, "\(file)")
        }
    }

    @Test func aTextLimitCutsTheStreamWhereItCutsTheList() {
        var limits = Limits()
        limits.maxTextBytes = 300
        let rows = (0..<200).map { "Pupil \($0),7B,note \($0)" }
        let bytes = Array((["Content-Type: text/csv; name=\"list.csv\"", ""] + rows).joined(separator: "\r\n").utf8)
        let parsed = ParsedMessage.parse(bytes, limits: limits)
        let extractor = TextExtractor(limits: limits)
        let kept = extractor.extract(parsed)
        #expect(kept.problems.contains { $0.limit == "max_text_bytes" })
        #expect(Self.streamed(parsed, extractor: extractor) == kept)
    }

    /// The rows the old path made: the text decoded, line breaks normalised, then read.
    static func rowsFromText(_ raw: [UInt8]) -> [TextSegment] {
        var collector = SegmentCollector(limits: Limits())
        CSVTextExtractor.extract(CharsetDecoder.utf8OrWindows1252(PartText.normalisedLineBreaks(raw)),
                                 location: .attachment("list.csv", partPath: "2"), collector: &collector)
        return collector.segments
    }

    static func rowsFromBytes(_ raw: [UInt8]) -> [TextSegment] {
        var collector = SegmentCollector(limits: Limits())
        CSVTextExtractor.extract(utf8: raw, lineBreaksNormalised: false, location: .attachment("list.csv", partPath: "2"),
                                 collector: &collector)
        return collector.segments
    }

    static let hostileCSVs: [String] = [
        "UPN,Surname,Forename\r\nA123,Okafor,Amara\r\nB456,Smith,Jo\r\n",
        "a,b\rc,d\re,f",                                   // lone CRs end rows
        "a,\"two\r\nlines\",c\r\nd,\"lone\rcr\",f\r\n",     // line breaks inside quotes
        "a;b;c\r\n1;2;3\r\n\r\n\r\n4;5;6",                  // blank rows
        "\u{FEFF}Name\tForm\r\nZoë Brontë\t7B\r\n",         // a BOM, tabs, accents
        "\"unterminated,quote\r\nstill,quoted\r\n",
        "x,y\r",                                            // a CR at the very end
        "\r\n\r\n",
        "",
        "e\u{301},\u{301},\"\u{301}\",q\r\nr,s,t",          // combining marks beside delimiters and quotes
        "  padded , cells  ,\t\r\n",
    ]

    @Test(arguments: hostileCSVs)
    func rawBytesGiveTheRowsTheNormalisedTextGave(_ csv: String) {
        let raw = Array(csv.utf8)
        #expect(Self.rowsFromBytes(raw) == Self.rowsFromText(raw))
    }

    @Test func aLongFirstLineGuessesTheDelimiterFromTheSameCharacters() {
        // A first line past the byte prefix the guess reads from, with semicolons only after
        // the first 4,096 characters, and one made of multi-byte characters.
        let long = String(repeating: "ab", count: 40_000) + ";x;y;z\r\n1,2\r\n"
        let wide = String(repeating: "é\u{301}", count: 30_000) + ",;;\r\nrow\r\n"
        let quoted = "\"" + String(repeating: "a\r\n", count: 3_000) + "\";b;c\r\n"
        for csv in [long, wide, quoted] {
            let raw = Array(csv.utf8)
            let text = String(decoding: PartText.normalisedLineBreaks(raw), as: UTF8.self)
            #expect(CSVTextExtractor.guessDelimiter(utf8: raw, lineBreaksNormalised: false) == CSVTextExtractor.guessDelimiter(text))
            #expect(Self.rowsFromBytes(raw) == Self.rowsFromText(raw))
        }
    }

    /// Through whole messages: labels that take the raw-byte path and labels and bytes
    /// that must not (windows-1252 bytes under a UTF-8 label, Latin-1, an unknown label).
    @Test(arguments: ["utf-8", "us-ascii", "UTF8", "iso-8859-1", "windows-1252", "x-unknown", ""])
    func everyCharsetLabelReadsAsBefore(_ label: String) {
        let latin1: [UInt8] = Array("Name,Note\r\nZo".utf8) + [0xEB] + Array(",caf".utf8) + [0xE9, 0x0D, 0x0A]
            + Array("Sam,\"two\r\nlines\"\r\n".utf8)
        let utf8 = Array("Name,Note\r\nZoë,café\rSam,\"two\r\nlines\"\r\n".utf8)
        for body in [latin1, utf8] { expectReadsAsBefore(label: label, body: body) }
    }

    func expectReadsAsBefore(label: String, body: [UInt8]) {
        let header = label.isEmpty ? "Content-Type: text/csv; name=\"l.csv\"" : "Content-Type: text/csv; charset=\(label); name=\"l.csv\""
        let message = Array("\(header)\r\nContent-Transfer-Encoding: 8bit\r\n\r\n".utf8) + body
        let parsed = ParsedMessage.parse(message, limits: Limits())
        let content = TextExtractor().extract(parsed)
        let part = parsed.root
        var problems: [ScanProblem] = []
        let location = TextLocation.attachment("l.csv", partPath: part.path)
        let decoded = PartText.decode(part, sniffHTML: false, location: location, problems: &problems)
        var collector = SegmentCollector(limits: Limits())
        CSVTextExtractor.extract(decoded, location: location, collector: &collector)
        #expect(collector.segments.count == 3)
        #expect(content.segments.filter { $0.role == .tableRow } == collector.segments)
        let charsetProblems = content.problems.filter { $0.kind == .unknownEncoding || $0.kind == .repaired }
        #expect(charsetProblems.map(\.message) == problems.map(\.message))
    }
}
