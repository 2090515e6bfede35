import ChaperoneModel
import Testing
@testable import TextExtraction

@Suite struct DeflatedArchiveTests {
    @Test func deflatedWorkbookIsRead() {
        let workbook = DeflatedArchives.bytes(DeflatedArchives.workbook)
        let content = Extraction.content(StoredZip.message(attaching: workbook, filename: "form 7.xlsx"))
        #expect(content.segments.filter { $0.role == .tableRow }.map(\.text) == ["Surname\tForm", "Example\t7"])
        #expect(content.attachments.first?.archiveMembers.count == 3)
        #expect(content.problems.isEmpty)
    }

    @Test func expansionLimitStopsInflatingABomb() {
        var limits = Limits()
        limits.maxArchiveExpansionBytes = 1024 * 1024
        let zeros = DeflatedArchives.bytes(DeflatedArchives.zeros)
        let content = Extraction.content(StoredZip.message(attaching: zeros, filename: "bomb.zip"), limits: limits)
        #expect(content.problems.compactMap(\.limit) == ["max_archive_expansion_bytes"])
        #expect(!content.segments.contains { $0.location.detail == "zeros.txt" })
    }

    @Test func encryptedMembersAreUnscannable() {
        let zip = StoredZip.flaggingEncrypted(StoredZip.archive([("secret.txt", Array("hidden".utf8))]))
        let content = Extraction.content(StoredZip.message(attaching: zip, filename: "locked.zip"))
        #expect(content.problems.map(\.kind) == [.unscannable])
        #expect(content.attachments.first?.archiveMembers == ["secret.txt"])
        #expect(!content.segments.contains { $0.text == "hidden" })
    }
}
