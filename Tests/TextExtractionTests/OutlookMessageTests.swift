import ChaperoneModel
import Testing
@testable import TextExtraction

/// Outlook `.msg` items (built with msgforge, see `Fixtures/LEGACY-FIXTURES.md`): fields,
/// body and attachments, the attachments read through the same extraction.
@Suite struct OutlookMessageTests {
    @Test func subjectBodyAndAttachedWorkbook() throws {
        let content = LegacyFixture.attached(try LegacyFixture.bytes("outlook-review.msg"), filename: "review.msg",
                                             type: "application/vnd.ms-outlook")
        #expect(content.problems.isEmpty)
        let subject = try #require(content.segments.first { $0.location.detail == "subject" })
        #expect(subject.text == "Year 10 review - Ali Rahman")
        #expect(content.segments.contains {
            $0.location.description == "attachment:review.msg#body" && $0.text.contains("date of birth 07/01/2011")
        })
        #expect(content.segments.contains { $0.location.detail == "recipients" && $0.text.contains("parent.helper@example.org") })
        let row = try #require(content.segments.first { $0.role == .tableRow && $0.text.hasPrefix("Ali Rahman") })
        #expect(row.location.description == "attachment:review.msg#pupils.xls pupils row 2")
        #expect(content.segments.contains { $0.role == .filename && $0.text == "pupils.xls" })
    }

    @Test func compressedRTFRoundTrip() {
        // MS-OXRTFCP section 4.1: the spec's own example, "{\rtf1\ansi\ansicpg1252\pard hello world}\r\n".
        let compressed: [UInt8] = [
            0x2D, 0x00, 0x00, 0x00, 0x2B, 0x00, 0x00, 0x00, 0x4C, 0x5A, 0x46, 0x75, 0xF1, 0xC5, 0xC7, 0xA7,
            0x03, 0x00, 0x0A, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0A, 0xF3, 0x20,
            0x68, 0x65, 0x6C, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xB0, 0x6C, 0x64, 0x7D, 0x0A, 0x80, 0x0F, 0xA0,
        ]
        let rtf = CompressedRTF.decompress(compressed, budget: 1000)
        #expect(rtf.map { String(decoding: $0, as: UTF8.self) } == "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n")
        #expect(CompressedRTF.decompress(compressed, budget: 5)?.count == 5)
        #expect(CompressedRTF.decompress([1, 2, 3], budget: 100) == nil)
    }
}
