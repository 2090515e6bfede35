import ChaperoneModel
import Testing
@testable import TextExtraction

/// TNEF (`winmail.dat`, written by `Fixtures/tnef-build.py` and checked with tnefparse):
/// subject, the compressed RTF body, and the files inside read as attachments.
@Suite struct TNEFExtractionTests {
    @Test func kindFromTypeAndName() {
        #expect(AttachmentKind(contentType: "application/ms-tnef", filename: "") == .tnef)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "WINMAIL.DAT") == .tnef)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "data.dat") == .unsupported)
    }

    @Test func subjectRTFBodyAndFiles() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("tnef-winmail.dat"), filename: "winmail.dat",
                                             type: "application/ms-tnef")
        #expect(content.problems.isEmpty)
        #expect(content.segments.contains { $0.location.description == "attachment:winmail.dat#subject" && $0.text == "SEN plan - Year 10" })
        let body = try #require(content.segments.first { $0.location.detail == "body" })
        #expect(body.text == "Dear colleague,\nAli Rahman (date of birth 07/01/2011) needs the reading support plan caf\u{E9}.")
        let row = try #require(content.segments.first { $0.role == .tableRow && $0.text.hasPrefix("Ali Rahman") })
        #expect(row.location.description == "attachment:winmail.dat#pupils.xls pupils row 2")
        #expect(content.segments.contains { $0.location.detail == "note.txt" && $0.text == "Plain note" })
        #expect(content.segments.filter { $0.role == .filename }.map(\.text) == ["winmail.dat", "pupils.xls", "note.txt"])
    }

    @Test func damagedStreamIsUnscannable() throws {
        let bytes = try LegacyFixture.bytes("tnef-winmail.dat")
        let content = LegacyFixture.attached(Array(bytes.prefix(300)), filename: "winmail.dat", type: "application/ms-tnef")
        #expect(content.problems.map(\.kind) == [.unscannable])
        #expect(content.problems.first?.message.contains("damaged") == true)
    }

    @Test func hostileVariantsFinish() throws {
        let bytes = try LegacyFixture.bytes("tnef-winmail.dat")
        let runs = LegacyFixture.hostileVariants(bytes, step: 3, seed: 9) { variant in
            var collector = SegmentCollector(limits: Limits())
            TNEFExtractor.extract(variant, location: .attachment("winmail.dat", partPath: "2"), collector: &collector,
                                  textless: TextlessTypes())
            if variant.count < 6 { #expect(collector.problems.first?.kind == .unscannable) }
        }
        #expect(runs > 2000)
    }
}
