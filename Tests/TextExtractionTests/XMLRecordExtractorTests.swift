import ChaperoneModel
import MIMEParser
import Testing
@testable import TextExtraction

/// XML attachments (a CTF, an MIS export) are read as records, so a pupil file emailed
/// out of the school is seen like a CSV would be.
@Suite struct XMLRecordExtractorTests {
    static func content(_ xml: String, type: String = "application/xml", name: String = "export.xml") -> MessageContent {
        let message = """
        From: a@school.example\r
        To: b@example.org\r
        Subject: file\r
        MIME-Version: 1.0\r
        Content-Type: multipart/mixed; boundary="b"\r
        \r
        --b\r
        Content-Type: text/plain\r
        \r
        See attached.\r
        --b\r
        Content-Type: \(type); name="\(name)"\r
        Content-Disposition: attachment; filename="\(name)"\r
        \r
        \(xml)\r
        --b--\r

        """
        return TextExtractor(limits: Limits()).extract(MessageParser.parse(Array(message.utf8)))
    }

    @Test func recordsBecomeRowsWithAHeaderOfTheRepeatedShape() {
        let xml = """
        <?xml version="1.0"?><CTfile><Header><DocumentName>CTF</DocumentName></Header><CTFpupilData>
        <Pupil><UPN>A201361424123</UPN><Surname>Example</Surname><Forename>Alex</Forename><DOB>2013-02-01</DOB>
        <Address><PostCode>LS6 2QT</PostCode></Address></Pupil>
        <Pupil><UPN>B801200005001</UPN><Surname>Sample</Surname><Forename>Sam</Forename><DOB>2013-04-03</DOB></Pupil>
        </CTFpupilData></CTfile>
        """
        let rows = Self.content(xml).segments.filter { $0.role == .tableRow }
        #expect(rows.first?.text == "UPN\tSurname\tForename\tDOB")
        #expect(rows.first?.row == 0)
        #expect(rows.map(\.text).contains("A201361424123\tExample\tAlex\t2013-02-01"))
        #expect(rows.map(\.text).contains("B801200005001\tSample\tSam\t2013-04-03"))
        #expect(rows.map(\.text).contains("LS6 2QT"))
        #expect(rows.allSatisfy { $0.location.kind == .attachment && $0.location.name == "export.xml" })
    }

    @Test func externalEntitiesAreNeverLoaded() {
        let xml = """
        <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r><a>&x;</a><b>ok</b></r>
        """
        let text = Self.content(xml).segments.map(\.text).joined(separator: "\n")
        #expect(!text.contains("root:"))
    }

    @Test func brokenXMLIsReportedAndItsRawTextStillScanned() {
        let content = Self.content("<r><Pupil><UPN>A201361424123</UPN><Surname>Example", name: "broken.xml")
        #expect(content.problems.contains { $0.kind == .repaired && $0.location == "attachment:broken.xml" })
        #expect(content.segments.contains { $0.text.contains("A201361424123") })
    }

    @Test func xmlTypesAreRecognisedByTypeOrName() {
        #expect(AttachmentKind(contentType: "application/xml", filename: "") == .xml)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "383_4321_CTF.XML") == .xml)
        #expect(AttachmentKind(contentType: "application/atom+xml", filename: "") == .xml)
        #expect(AttachmentKind(contentType: "image/svg+xml", filename: "") == .media("image/svg+xml"))
        #expect(AttachmentKind(contentType: "application/json", filename: "") == .plainText)
        #expect(AttachmentKind(contentType: "application/octet-stream", filename: "export.json") == .plainText)
    }
}
