import ChaperoneModel
import MIMEParser
import Testing
@testable import TextExtraction

/// The legacy readers (OLE2, RTF, TNEF) under the same rules as every other reader: a
/// document attached to the message is at archive depth 1, so `max_archive_depth` N
/// opens the files inside it down to level N and no further; the files an Outlook item
/// or a TNEF stream carries obey the configured `attachments.textless_types`; what they
/// cannot read is reported with the shared unread reasons.
@Suite struct LegacyReaderLimitTests {
    static func content(_ fixture: String, filename: String, type: String, depth: Int = 3,
                        textless: [String] = TextlessTypes.defaults) throws -> MessageContent {
        var limits = Limits()
        limits.maxArchiveDepth = depth
        let message = StoredZip.message(attaching: try LegacyFixture.bytes(fixture), filename: filename, type: type)
        return TextExtractor(limits: limits, textless: TextlessTypes(textless))
            .extract(ParsedMessage.parse(message, limits: limits))
    }

    /// Both fixtures carry `pupils.xls` (a level-2 file: inside a level-1 attachment).
    @Test(arguments: [("outlook-review.msg", "review.msg", "application/vnd.ms-outlook"),
                      ("tnef-winmail.dat", "winmail.dat", "application/ms-tnef")])
    func filesInsideAnAttachedItemAreAtDepthTwo(fixture: String, filename: String, type: String) throws {
        let opened = try Self.content(fixture, filename: filename, type: type, depth: 2)
        #expect(opened.problems.isEmpty, "\(opened.problems)")
        #expect(opened.segments.contains { $0.role == .tableRow && $0.text.hasPrefix("Ali Rahman") })

        let refused = try Self.content(fixture, filename: filename, type: type, depth: 1)
        #expect(!refused.segments.contains { $0.role == .tableRow }, "a level-2 file was read with max_archive_depth 1")
        let problem = try #require(refused.problems.first { $0.limit == "max_archive_depth" })
        #expect(problem.kind == .limitHit)
        #expect(problem.location == "attachment:\(filename)#pupils.xls")
        // The item itself (level 1) is still read.
        #expect(refused.segments.contains { $0.location.description == "attachment:\(filename)#subject" })
    }

    @Test func filesInsideATNEFStreamObeyTheConfiguredTextlessTypes() throws {
        let defaults = try Self.content("tnef-winmail.dat", filename: "winmail.dat", type: "application/ms-tnef")
        #expect(defaults.segments.contains { $0.location.detail == "note.txt" && $0.text == "Plain note" })
        let configured = try Self.content("tnef-winmail.dat", filename: "winmail.dat", type: "application/ms-tnef",
                                          textless: TextlessTypes.defaults + [".txt"])
        #expect(!configured.segments.contains { $0.location.detail == "note.txt" && $0.role != .filename })
        #expect(configured.problems.isEmpty, "a configured textless file is neither read nor reported")
        #expect(configured.segments.contains { $0.role == .tableRow && $0.text.hasPrefix("Ali Rahman") })
    }

    @Test func unreadLegacyContentUsesTheSharedReasons() throws {
        for (name, type) in [("legacy-word.doc", "application/msword"), ("outlook-review.msg", "application/vnd.ms-outlook"),
                             ("tnef-winmail.dat", "application/ms-tnef")] {
            let bytes = try LegacyFixture.bytes(name)
            let content = LegacyFixture.attached(Array(bytes.prefix(bytes.count / 2)), filename: name, type: type)
            let problem = try #require(content.problems.first { $0.kind == .unscannable }, "\(name)")
            #expect(problem.unreadReason == "damaged", "\(name): \(problem.message)")
        }
        let encrypted = LegacyFixture.attached(try LegacyFixture.bytes("legacy-word-password.doc"), filename: "plan.doc")
        #expect(encrypted.problems.first?.unreadReason == "encrypted", "\(encrypted.problems)")
        let notRTF = LegacyFixture.attached(Array("plain words, no RTF".utf8), filename: "letter.rtf", type: "application/rtf")
        #expect(notRTF.problems.first?.unreadReason == "damaged", "\(notRTF.problems)")
        // A compound file that is no Office document: a format Chaperone cannot read.
        var other = try LegacyFixture.bytes("legacy-word.doc")
        let name: [UInt8] = Array("WordDocument".utf8).flatMap { byte -> [UInt8] in [byte, 0] }
        let renamed: [UInt8] = Array("WordDocumenX".utf8).flatMap { byte -> [UInt8] in [byte, 0] }
        if let index = (0...(other.count - name.count)).first(where: { other[$0..<($0 + name.count)].elementsEqual(name) }) {
            other.replaceSubrange(index..<(index + name.count), with: renamed)
        }
        let unsupported = LegacyFixture.attached(other, filename: "thing.doc")
        #expect(unsupported.problems.first?.unreadReason == "unsupported format", "\(unsupported.problems)")
    }
}
