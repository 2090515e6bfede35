import ChaperoneModel
import Foundation
import Testing
@testable import TextExtraction

/// Issue 13 item 3: a ZIP member whose deflate stream runs past the end of its declared
/// data made the old ZIPFoundation inflate loop spin forever. The fixture
/// (`Fixtures/deflate-overrun.zip`, written by a few lines of Python: a 200 KB text
/// deflated, its compressed size set to a quarter of the stream in both headers) must
/// finish and be reported as damaged.
@Suite struct ArchiveHangTests {
    @Test func deflateStreamPastItsDataFinishesAsDamaged() throws {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let zip = [UInt8](try Data(contentsOf: directory.appendingPathComponent("deflate-overrun.zip")))
        let content = Extraction.content(StoredZip.message(attaching: zip, filename: "medical.zip", type: "application/zip"))
        #expect(content.attachments.first?.handling == .unscannable)
        #expect(content.problems.contains {
            $0.kind == .unscannable && $0.location == "attachment:medical.zip#medical.txt" && $0.message.contains("damaged")
        })
    }
}
