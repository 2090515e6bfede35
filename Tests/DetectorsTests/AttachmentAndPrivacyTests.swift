import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct AttachmentTests {
    @Test func executablesImagesAndUnscannable() {
        let content = MessageContent(
            attachments: [
                AttachmentInfo(filename: "setup.EXE", contentType: "application/octet-stream", partPath: "2", size: 10),
                AttachmentInfo(filename: "work.zip", contentType: "application/zip", partPath: "3", size: 10,
                               archiveMembers: ["notes.txt", "macro.xlsm"]),
                AttachmentInfo(filename: "trip.jpg", contentType: "image/jpeg", partPath: "4", size: 10),
                AttachmentInfo(filename: "report.docx", contentType: "application/vnd", partPath: "5", size: 10),
            ],
            problems: [
                ScanProblem(kind: .unscannable, location: "3", message: "encrypted archive"),
                ScanProblem(kind: .repaired, location: "1", message: "missing boundary"),
            ])
        let kinds = TestSchool.engine.findings(in: content).map(\.detector)
        #expect(kinds.filter { $0 == .executableAttachment }.count == 2)
        #expect(kinds.filter { $0 == .imageAttachment }.count == 1)
        #expect(kinds.filter { $0 == .unscannableContent }.count == 1)
    }

    @Test func unscannableFindingPointsAtItsAttachment() {
        let content = MessageContent(
            attachments: [AttachmentInfo(filename: "locked.zip", contentType: "application/zip", partPath: "2", size: 10)],
            problems: [
                ScanProblem(kind: .unscannable, location: "attachment:locked.zip", message: "encrypted"),
                ScanProblem(kind: .limitHit, location: "message", limit: "max_message_bytes", message: "too big"),
            ])
        let findings = TestSchool.engine.findings(in: content).filter { $0.detector == .unscannableContent }
        #expect(findings.map(\.location) == [.attachment("locked.zip", partPath: "2"), .body("0")])
    }
}

@Suite struct RedactionTests {
    @Test(arguments: [
        ("A801200005001", "A8012…1"), ("9434765870", "9434…0"), ("AB123456C", "AB1…C"), ("943 476 5870", "9434…0"),
    ])
    func identifiers(value: String, expected: String) {
        #expect(Redaction.identifier(value) == expected)
    }

    @Test func namesPhonesEmailsPostcodes() {
        #expect(Redaction.name("John Smith") == "J*** S****")
        #expect(Redaction.name("Zoë Okafor-Brennan") == "Z** O*****-B******")
        #expect(Redaction.name("Ciarán O'Neill") == "C***** O'N****")
        #expect(Redaction.phone("07700 900461") == "07*** ***461")
        #expect(Redaction.phone("+44 (0)7700 900461") == "07*** ***461")
        #expect(Redaction.email("Jo.Smith@GMAIL.com") == "J***@gmail.com")
        #expect(Redaction.postcode("ls17 7px") == "LS17 ***")
    }

    /// Every raw value in a busy message stays out of every finding's evidence and detail.
    @Test func noRawValueLeavesTheDetector() {
        let raw = ["B801200005001", "9276308686", "401 023 2137", "4010232137", "AB 12 34 56 C", "AB123456C",
                   "07700 900461", "Jonah", "Pemberton", "jpemberton", "helen.pemberton", "LS17 7PX", "Larchfield",
                   "Bluebird42", "jo_smith12", "14/03/2012"]
        let text = """
        Jonah Pemberton (UPN B801200005001, ULN 9276308686, NHS number 401 023 2137, NI AB 12 34 56 C)
        lives at 17 Larchfield Road, LS17 7PX. DOB 14/03/2012. He has an EHCP and sees CAMHS.
        Mum: helen.pemberton@hotmail.co.uk, 07700 900461. Snap: jo_smith12. password: Bluebird42
        jpemberton@pupils.ralphthoresby.example
        """
        let findings = TestSchool.findings(text)
        #expect(findings.count >= 12)
        for finding in findings {
            for value in raw {
                #expect(!finding.evidence.contains(value), "\(finding.detector) evidence leaks \(value)")
                #expect(!(finding.detail ?? "").contains(value))
            }
        }
    }
}
