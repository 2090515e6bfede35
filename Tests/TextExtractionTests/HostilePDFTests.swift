import ChaperoneModel
import SeededRandom
import Testing
@testable import TextExtraction

@Suite struct HostilePDFTests {
    private let content = "BT /F1 12 Tf 72 700 Td (Pupil: Jo Example) Tj 0 -14 Td (UPN B801200005001) Tj ET"
    private var fullText: String { "Pupil: Jo Example\nUPN B801200005001" }

    @Test func incompleteEncryptionDictionaryIsUnscannable() {
        let result = SamplePDF.extract(SamplePDF.onePage(content, extra: [(9, SamplePDF.text("<< /Filter /Standard /V 2 >>"))],
                                                         trailer: "<< /Root 1 0 R /Encrypt 9 0 R >>"))
        #expect(result.segments.isEmpty)
        #expect(result.problems == [ScanProblem(kind: .unscannable, location: "attachment:report.pdf",
                                                message: "The PDF is encrypted (revision 0 is not supported); its text could not be read.")])
    }

    @Test func crossReferenceStreamTrailers() {
        let xrefStream = { (entries: String) in SamplePDF.stream("/Type /XRef /Size 10 /W [1 2 1] \(entries)", [0, 0, 0, 0]) }
        let rooted = SamplePDF.onePage(content, extra: [(9, xrefStream("/Root 1 0 R"))], trailer: "<< >>")
        #expect(SamplePDF.pages(rooted) == [fullText])
        let rootless = SamplePDF.onePage(content, trailer: "<< /Size 6 >>")
        #expect(SamplePDF.pages(rootless) == [fullText])
        let locked = SamplePDF.extract(SamplePDF.onePage(content, extra: [(9, xrefStream("/Root 1 0 R /Encrypt << /V 4 >>"))],
                                                         trailer: "<< >>"))
        #expect(locked.segments.isEmpty)
        #expect(locked.problems.map(\.kind) == [.unscannable])
    }

    @Test func garbageIsUnscannable() {
        for bytes in [[], Array("not a pdf at all".utf8), Array("%PDF-1.4\n1 0 obj\n".utf8)] {
            let result = SamplePDF.extract(bytes)
            #expect(result.segments.isEmpty)
            #expect(result.problems.map(\.kind) == [.unscannable])
            #expect(result.problems.first?.message == "The PDF could not be read.")
        }
    }

    @Test func scannedImageHasNoTextLayer() {
        let result = SamplePDF.extract(SamplePDF.onePage("q 500 0 0 700 0 0 cm /Im1 Do Q BI /W 2 /H 1 /BPC 8 /CS /G ID \u{1}(\u{2} EI"))
        #expect(result.segments.isEmpty)
        #expect(result.problems.map(\.kind) == [.unscannable])
        #expect(result.problems.first?.leavesContentUnscanned == true)
        #expect(result.problems.first?.message.contains("no text layer") == true)
    }

    @Test func fontWithoutUnicodeMapIsUnscannable() {
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /Subset /Encoding /Identity-H /DescendantFonts [] >>"
        let result = SamplePDF.extract(SamplePDF.onePage("BT /F1 12 Tf <00240025> Tj ET", font: font))
        #expect(result.segments.isEmpty)
        #expect(result.problems.map(\.kind) == [.unscannable])
        #expect(result.problems.first?.message.contains("no Unicode mapping") == true)
    }

    @Test func wrongAndHugeLengthsFallBackToEndstream() {
        for length in ["99999999999999999999", "5", "-3", "1e400", "7 0 R", "8 0 R"] {
            let stream = Array("<< /Length \(length) >>\nstream\n\(content)\nendstream".utf8)
            let pdf = SamplePDF.onePage("", extra: [(4, stream), (7, SamplePDF.text("\(content.utf8.count)")),
                                                    (8, SamplePDF.text("123456789"))])
            #expect(SamplePDF.pages(pdf) == [fullText], "Length \(length)")
        }
    }

    @Test func unclosedObjectDoesNotSwallowTheNext() {
        let pdf = SamplePDF.file([
            (1, SamplePDF.text("<< /Type /Catalog /Pages 2 0 R >>")),
            (2, SamplePDF.text("<< /Type /Pages /Kids [3 0 R")),
            (3, SamplePDF.text("<< /Type /Page /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R")),
            (4, SamplePDF.stream("", Array(content.utf8))),
            (5, SamplePDF.text(SamplePDF.helvetica)),
        ], xref: false)
        #expect(SamplePDF.pages(pdf) == [fullText])
    }

    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let pdf = SamplePDF.onePage("\(deep) BT /F1 12 Tf (Visible) Tj ET", extra: [(9, SamplePDF.text(deep))])
        #expect(SamplePDF.pages(pdf) == ["Visible"])
    }

    @Test func nestedFormsAreCapped() {
        let invocations = (0..<10).map { "/Fm\($0) Do" }.joined(separator: " ")
        let form = SamplePDF.stream("/Type /XObject /Subtype /Form", Array("BT /F1 9 Tf (x) Tj ET \(invocations)".utf8))
        let names = (0..<10).map { "/Fm\($0) 6 0 R" }.joined(separator: " ")
        let pdf = SamplePDF.file([
            (1, SamplePDF.text("<< /Type /Catalog /Pages 2 0 R >>")),
            (2, SamplePDF.text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
            (3, SamplePDF.text("<< /Type /Page /Resources << /Font << /F1 5 0 R >> /XObject << \(names) >> >> /Contents 4 0 R >>")),
            (4, SamplePDF.stream("", Array(invocations.utf8))),
            (5, SamplePDF.text(SamplePDF.helvetica)),
            (6, form),
        ])
        let lines = SamplePDF.pages(pdf).first?.split(separator: "\n") ?? []
        #expect(lines.count == PDFPageReader.maxFormsPerPage)
        #expect(lines.allSatisfy { $0 == "x" })
    }

    @Test func inflateBombHitsTheExpansionLimit() {
        var limits = Limits()
        limits.maxArchiveExpansionBytes = 1_000_000
        let bomb = SamplePDF.flate([UInt8](repeating: 0x20, count: 4_000_000))
        let pdf = SamplePDF.onePage("", extra: [(4, SamplePDF.stream("/Filter /FlateDecode", bomb))])
        let result = SamplePDF.extract(pdf, limits: limits)
        #expect(result.problems.map(\.limit) == ["max_archive_expansion_bytes"])
        #expect(result.problems.map(\.kind) == [.limitHit])
    }

    @Test func pageCountIsCapped() {
        var limits = Limits()
        limits.maxArchiveEntries = 2
        let pdf = SamplePDF.file([
            (1, SamplePDF.text("<< /Type /Catalog /Pages 2 0 R >>")),
            (2, SamplePDF.text("<< /Type /Pages /Kids [3 0 R 3 0 R 6 0 R 7 0 R] /Resources << /Font << /F1 5 0 R >> >> >>")),
            (3, SamplePDF.text("<< /Type /Page /Contents 4 0 R >>")),
            (4, SamplePDF.stream("", Array("BT (One) Tj ET".utf8))),
            (5, SamplePDF.text(SamplePDF.helvetica)),
            (6, SamplePDF.text("<< /Type /Page /Contents 4 0 R >>")),
            (7, SamplePDF.text("<< /Type /Page /Contents 4 0 R >>")),
        ])
        let result = SamplePDF.extract(pdf, limits: limits)
        #expect(result.segments.map(\.location.detail) == ["page 1", "page 2"])
        #expect(result.problems.map(\.limit) == ["max_archive_entries"])
    }

    @Test func everyPrefixIsSurvived() {
        let pdf = SamplePDF.onePage(content, compressed: true)
        for length in 0...pdf.count {
            let result = SamplePDF.extract(Array(pdf.prefix(length)))
            #expect(!result.segments.isEmpty || !result.problems.isEmpty, "prefix \(length)")
            #expect(result.segments.allSatisfy { fullText.hasPrefix($0.text) }, "prefix \(length)")
        }
    }

    @Test func legacyFiltersOnRandomBytesStayInBudget() {
        var random = SplitMix64(state: 85)
        for _ in 0..<300 {
            let input = (0..<Int.random(in: 0...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let lzw = PDFLegacyFilters.lzwDecoded(input, budget: 2_000)
            let runs = PDFLegacyFilters.runLengthDecoded(input, budget: 2_000)
            #expect(lzw.bytes.count <= 2_000 && runs.bytes.count <= 2_000)
            #expect(PDFStreamDecoder.ascii85Decoded(input).count <= input.count * 4)
        }
    }

    @Test func randomMutationsAreSurvived() {
        var random = SplitMix64(state: 20_261_124)
        let originals = [SamplePDF.onePage(content, compressed: true), SamplePDF.onePage(content)]
        for round in 0..<200 {
            var bytes = originals[round % 2]
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                bytes[index] = UInt8.random(in: 0...255, using: &random)
            }
            let result = SamplePDF.extract(bytes)
            #expect(!result.segments.isEmpty || !result.problems.isEmpty, "round \(round)")
            #expect(result.segments.allSatisfy { $0.location.detail?.hasPrefix("page ") == true }, "round \(round)")
        }
    }
}
