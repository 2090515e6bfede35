import ChaperoneModel
import Testing
@testable import TextExtraction

@Suite struct PDFExtractionTests {
    private let twoLines = "BT /F1 12 Tf 72 700 Td (Pupil: Jo Example) Tj 0 -14 Td (UPN B801200005001) Tj ET"

    @Test func uncompressedPageIsOneProseSegment() {
        let result = SamplePDF.extract(SamplePDF.onePage(twoLines))
        #expect(result.segments.map(\.text) == ["Pupil: Jo Example\nUPN B801200005001"])
        #expect(result.segments.first?.location == .attachment("report.pdf", partPath: "2", detail: "page 1"))
        #expect(result.segments.first?.role == .prose)
        #expect(result.problems.isEmpty)
    }

    @Test func flateCompressedContent() {
        #expect(SamplePDF.pages(SamplePDF.onePage(twoLines, compressed: true)) == ["Pupil: Jo Example\nUPN B801200005001"])
    }

    @Test func asciiFilters() {
        let hex = SamplePDF.stream("/Filter /ASCIIHexDecode", Array("42 54 20 28 4A 6F 29 20 54 6A 20 45 54>".utf8))
        let pdf = SamplePDF.onePage("", extra: [(4, hex)])
        #expect(SamplePDF.pages(pdf) == ["Jo"])
        #expect(PDFStreamDecoder.ascii85Decoded(Array("<~9jqo^BlbD-~>".utf8)) == Array("Man is d".utf8))
    }

    @Test func legacyFilters() {
        let specExample: [UInt8] = [0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01]
        #expect(PDFLegacyFilters.lzwDecoded(specExample, budget: 100).bytes == Array("-----A---B".utf8))
        #expect(PDFLegacyFilters.lzwDecoded(specExample, budget: 5).exceeded)
        let runs: [UInt8] = [1, 0x4A, 0x6F, 253, 0x21, 128, 0x58]
        #expect(PDFLegacyFilters.runLengthDecoded(runs, budget: 100).bytes == Array("Jo!!!!".utf8))
        let content = Array("BT (Jo) Tj ET".utf8)
        let encoded = [UInt8(content.count - 1)] + content + [128]
        #expect(SamplePDF.pages(SamplePDF.onePage("", extra: [(4, SamplePDF.stream("/Filter /RunLengthDecode", encoded))])) == ["Jo"])
    }

    @Test func kerningGapsBecomeSpacesAndStringsDecode() {
        let content = "BT /F1 12 Tf 72 700 Td [(Jo)-50(e)-300(Ex)12(ample)] TJ 0 -14 Td "
            + "(Say \\(hi\\) (ok) \\101B\\\nC) Tj 0 -14 Td <4A6F 2> Tj ET"
        #expect(SamplePDF.pages(SamplePDF.onePage(content)) == ["Joe Example\nSay (hi) (ok) ABC\nJo"])
    }

    @Test func positioningBreaksLinesAndWords() {
        let content = "BT /F1 12 Tf 1 0 0 1 72 700 Tm (Name:) Tj ET BT /F1 12 Tf 1 0 0 1 120 700 Tm (Jo) Tj 30 0 Td (Example) Tj"
            + " 14 TL T* (Form 7B) Tj (line) ' ET"
        #expect(SamplePDF.pages(SamplePDF.onePage(content)) == ["Name: Jo Example\nForm 7B\nline"])
    }

    @Test func movesScaleWithTheTextMatrix() {
        let content = "BT /F1 1 Tf 12 0 0 12 72 700 Tm (Scaled) Tj 0 -1 Td (lines) Tj 3 0 Td (words) Tj 0 TL T* (same spot) Tj ET"
        #expect(SamplePDF.pages(SamplePDF.onePage(content)) == ["Scaled\nlines words\nsame spot"])
    }

    @Test func glyphWidthsTellInWordMovesFromGaps() {
        let font = "<< /Type /Font /Subtype /TrueType /BaseFont /Arial /Encoding /WinAnsiEncoding /FirstChar 32 "
            + "/Widths [250 \(String(repeating: "500 ", count: 94))] >>"
        let content = "BT /F1 10 Tf 1 0 0 1 72 700 Tm [(Ex)-20(am)] TJ 20.2 0 Td (ple) Tj 20 0 Td (Jo) Tj ET "
            + "BT /F1 10 Tf 1 0 0 1 122.2 700 Tm (nes) Tj ET"
        #expect(SamplePDF.pages(SamplePDF.onePage(content, font: font)) == ["Example Jones"])
    }

    @Test func compositeWidths() {
        let cmap = "1 beginbfrange <0041> <005A> <0041> endbfrange 1 beginbfchar <0003> <0020> endbfchar"
        let font = "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 6 0 R >>"
        let content = "BT /F1 10 Tf 1 0 0 1 0 0 Tm <004A004B> Tj 12 0 Td <004C> Tj 20 0 Td <004D> Tj ET"
        let pdf = SamplePDF.onePage(content, font: font, extra: [
            (6, SamplePDF.stream("", Array(cmap.utf8))),
            (7, SamplePDF.text("<< /Type /Font /Subtype /CIDFontType2 /DW 1000 /W [74 [600] 75 76 600] >>")),
        ])
        #expect(SamplePDF.pages(pdf) == ["JKL M"])
    }

    @Test func linesPlacedByTheTransformMatrix() {
        let content = "q 1 0 0 1 72 700 cm BT /F1 12 Tf (Line) Tj ET Q q 1 0 0 1 110 700 cm BT /F1 12 Tf (one) Tj ET Q "
            + "q 1 0 0 -1 0 842 cm 1 0 0 1 72 156 cm BT /F1 12 Tf 1 0 0 -1 0 0 Tm (Line two) Tj ET Q"
        #expect(SamplePDF.pages(SamplePDF.onePage(content)) == ["Line one\nLine two"])
    }

    @Test func winAnsiWithDifferences() {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Subset /Encoding << /Type /Encoding "
            + "/BaseEncoding /WinAnsiEncoding /Differences [65 /J /o 200 /eacute /one /uni0041 /quoteright.alt] >> >>"
        let content = "BT /F1 12 Tf (AB\\310\\311\\312\\313 \\222 caf\\351) Tj ET"
        #expect(SamplePDF.pages(SamplePDF.onePage(content, font: font)) == ["Jo\u{E9}1A\u{2019} \u{2019} caf\u{E9}"])
    }

    @Test func macRomanEncoding() {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /MacRomanEncoding >>"
        #expect(SamplePDF.pages(SamplePDF.onePage("BT /F1 9 Tf (caf\\216 \\322ok\\323) Tj ET", font: font)) == ["caf\u{E9} \u{201C}ok\u{201D}"])
    }

    @Test func type0FontThroughToUnicode() {
        let cmap = """
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0040> <D835DC00> endbfchar
            3 beginbfrange <0010> <0019> <0030> <0024> <0025> [<004A> <006F>] <0026> <0026> <0066006C> endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end
            """
        let font = "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Calibri /Encoding /Identity-H "
            + "/DescendantFonts [7 0 R] /ToUnicode 6 0 R >>"
        let pdf = SamplePDF.onePage("BT /F1 11 Tf 1 0 0 1 72 700 Tm [<00240025>-20<0003>] TJ <00100011 0019 0026 0040 0099> Tj ET",
                                    font: font, extra: [
                                        (6, SamplePDF.stream("/Filter /FlateDecode", SamplePDF.flate(Array(cmap.utf8)))),
                                        (7, SamplePDF.text("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Calibri >>")),
                                    ])
        #expect(SamplePDF.pages(pdf) == ["Jo 019fl\u{1D400}"])
    }

    @Test func objectStreamHoldsPagesAndFonts() {
        let packed = [
            (3, "<< /Type /Pages /Kids [6 0 R] /Count 1 >>"),
            (6, "<< /Type /Page /Parent 3 0 R /Resources << /Font << /F1 7 0 R >> >> /Contents 4 0 R >>"),
            (7, SamplePDF.helvetica),
        ]
        var offsets: [String] = []
        var body = ""
        for (number, object) in packed {
            offsets.append("\(number) \(body.utf8.count)")
            body += object + "\n"
        }
        let header = offsets.joined(separator: " ") + "\n"
        let data = Array((header + body).utf8)
        let pdf = SamplePDF.file([
            (1, SamplePDF.text("<< /Type /Catalog /Pages 3 0 R >>")),
            (2, SamplePDF.stream("/Type /ObjStm /N 3 /First \(header.utf8.count) /Filter /FlateDecode", SamplePDF.flate(data))),
            (4, SamplePDF.stream("/Filter /FlateDecode", SamplePDF.flate(Array("BT /F1 12 Tf (Packed page) Tj ET".utf8)))),
        ], xref: false)
        #expect(SamplePDF.pages(pdf) == ["Packed page"])
    }

    @Test func pagesFollowTheTreeNotTheFileOrder() {
        let pdf = SamplePDF.file([
            (6, SamplePDF.stream("", Array("BT /F1 12 Tf (Second page) Tj ET".utf8))),
            (7, SamplePDF.text("<< /Type /Page /Parent 8 0 R /Contents 6 0 R >>")),
            (1, SamplePDF.text("<< /Type /Catalog /Pages 2 0 R >>")),
            (2, SamplePDF.text("<< /Type /Pages /Kids [8 0 R] /Count 2 /Resources << /Font << /F1 5 0 R >> >> >>")),
            (8, SamplePDF.text("<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 7 0 R 2 0 R] /Count 2 >>")),
            (3, SamplePDF.text("<< /Type /Page /Parent 8 0 R /Contents [4 0 R 9 0 R] >>")),
            (4, SamplePDF.stream("", Array("BT /F1 12 Tf (First page)".utf8))),
            (9, SamplePDF.stream("", Array("Tj ET".utf8))),
            (5, SamplePDF.text(SamplePDF.helvetica)),
        ])
        let result = SamplePDF.extract(pdf)
        #expect(result.segments.map(\.text) == ["First page", "Second page"])
        #expect(result.segments.map(\.location.detail) == ["page 1", "page 2"])
    }

    @Test func formFieldValuesAndComments() {
        let pdf = SamplePDF.file([
            (1, SamplePDF.text("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>")),
            (2, SamplePDF.text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
            (3, SamplePDF.text("<< /Type /Page /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [7 0 R 8 0 R 9 0 R] >>")),
            (4, SamplePDF.stream("", Array("BT /F1 12 Tf (Pupil name:) Tj ET".utf8))),
            (5, SamplePDF.text(SamplePDF.helvetica)),
            (6, SamplePDF.text("<< /FT /Tx /T (name) /V <FEFF004A006F0020004500780061006D0070006C0065> >>")),
            (7, SamplePDF.text("<< /Type /Annot /Subtype /Widget /Parent 6 0 R /Rect [0 0 10 10] >>")),
            (8, SamplePDF.text("<< /Type /Annot /Subtype /Text /Contents (See UPN B801200005001) >>")),
            (9, SamplePDF.text("<< /Type /Annot /Subtype /Widget /FT /Tx /V (Form 7\\B) >>")),
        ])
        #expect(SamplePDF.pages(pdf) == ["Pupil name:\nJo Example\nSee UPN B801200005001\nForm 7B"])
    }

    @Test func formXObjectText() {
        let form = SamplePDF.stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100]",
                                    Array("BT /F1 9 Tf (In a form) Tj ET".utf8))
        let pdf = SamplePDF.file([
            (1, SamplePDF.text("<< /Type /Catalog /Pages 2 0 R >>")),
            (2, SamplePDF.text("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")),
            (3, SamplePDF.text("<< /Type /Page /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 4 0 R >>")),
            (4, SamplePDF.stream("", Array("q /Fm1 Do Q".utf8))),
            (5, SamplePDF.text(SamplePDF.helvetica)),
            (6, form),
        ])
        #expect(SamplePDF.pages(pdf) == ["In a form"])
    }
}
