import ChaperoneModel
import Foundation
import Testing
@testable import RosterImport

@Suite struct CTFImportTests {
    static func load(_ xml: String) -> RosterImportResult {
        RosterImporter.importFiles([RosterSource(name: "ctf.xml", bytes: Array(xml.utf8))], staff: nil)
    }

    static let pupil = """
        <Pupil>
          <UPN>B801200005001</UPN><UniqueLearnerNumber>9276308686</UniqueLearnerNumber>
          <Surname>Pemberton</Surname><Forename>Jonah</Forename><DOB>2012-03-14</DOB>
          <BasicDetails><PreferredForename>Joe</PreferredForename><NCyearActual>8</NCyearActual></BasicDetails>
          <Address><BS7666Address><PAON>17</PAON><Street>Larchfield Road</Street><Locality>Moortown</Locality>
            <Town>Leeds</Town></BS7666Address><PostCode>LS17 7PX</PostCode></Address>
          <Email>jp@pupils.example</Email>
          <Contacts><Contact><Order>1</Order><Title>Mrs</Title><Forename>Helen</Forename><Surname>Pemberton</Surname>
            <Relationship>PAM</Relationship><Phones><Phone><TelephoneType>M</TelephoneType><PhoneNo>07700 900461</PhoneNo>
            </Phone></Phones><Email>helen@hotmail.co.uk</Email></Contact></Contacts>
        </Pupil>
        """

    static func file(_ pupils: String, prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prolog)<CTfile><Header><DocumentName>Common Transfer File</DocumentName>"
            + "</Header><CTFpupilData>\(pupils)</CTFpupilData></CTfile>"
    }

    @Test func readsThePupilAndContact() throws {
        let result = Self.load(Self.file(Self.pupil))
        let pupil = try #require(result.roster.students.first)
        #expect(result.problems.isEmpty)
        #expect(pupil.upn == "B801200005001" && pupil.uln == "9276308686")
        #expect(pupil.legalForename == "Jonah" && pupil.preferredForename == "Joe" && pupil.surname == "Pemberton")
        #expect(pupil.dateOfBirth == SchoolDate(year: 2012, month: 3, day: 14) && pupil.yearGroup == "8")
        #expect(pupil.addressLines == ["17 Larchfield Road", "Moortown", "Leeds"] && pupil.postcode == "LS17 7PX")
        #expect(pupil.schoolEmail == "jp@pupils.example")
        let contact = try #require(result.roster.contacts.first)
        #expect(contact.name == "Helen Pemberton" && contact.relationship == "PAM")
        #expect(contact.phones == ["07700 900461"] && contact.emails == ["helen@hotmail.co.uk"])
    }

    @Test func addressLinesAndBadUPNWithXMLPath() throws {
        let second = """
            <Pupil><UPN>A801200005001</UPN><Surname>Hill</Surname><Forename>Rose</Forename><DOB>not a date</DOB>
            <Address><AddressLines><AddressLine1>3 Mill Garth</AddressLine1><AddressLine2>Leeds</AddressLine2></AddressLines>
            </Address></Pupil><Pupil><Surname>NoForename</Surname></Pupil>
            """
        let result = Self.load(Self.file(Self.pupil + second))
        #expect(result.roster.students.count == 2)
        #expect(result.roster.students[1].addressLines == ["3 Mill Garth", "Leeds"])
        let upnProblem = try #require(result.problems.first { $0.column == "UPN" })
        #expect(upnProblem.position == "CTfile/CTFpupilData/Pupil[2]")
        #expect(result.problems.contains { $0.column == "DOB" })
        #expect(result.problems.contains { $0.position == "CTfile/CTFpupilData/Pupil[3]" && $0.reason.contains("missing name") })
    }

    @Test func externalEntitiesAreNeverResolved() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctf-xxe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let secret = directory.appendingPathComponent("secret.txt")
        try "LEAKEDSECRET".write(to: secret, atomically: true, encoding: .utf8)
        let prolog = "<!DOCTYPE CTfile [<!ENTITY xxe SYSTEM \"\(secret.absoluteString)\"><!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote;]>\n"
        let pupil = "<Pupil><Surname>Hill&xxe;</Surname><Forename>Rose</Forename></Pupil>"
        let result = Self.load(Self.file(pupil, prolog: prolog))
        for student in result.roster.students {
            #expect(!student.surname.contains("LEAKED"))
        }
        #expect(!result.problems.contains { $0.reason.contains("LEAKED") })
    }

    @Test func entityExpansionBombStaysSmall() {
        var prolog = "<!DOCTYPE CTfile [<!ENTITY a0 \"lol\">"
        for level in 1...10 { prolog += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        prolog += "]>\n"
        let result = Self.load(Self.file("<Pupil><Surname>Hill&a10;</Surname><Forename>Rose</Forename></Pupil>", prolog: prolog))
        #expect(result.roster.students.allSatisfy { $0.surname.utf8.count < 1_000 })
    }

    @Test func malformedXMLKeepsEarlierPupilsAndReportsTheLine() {
        let many = String(repeating: "<Pupil><Surname>Hill</Surname><Forename>Rose</Forename></Pupil>\n", count: 2_000)
        let result = Self.load(Self.file(many).replacingOccurrences(of: "</CTFpupilData>", with: "<Pupil><Surname>Broken</Pupil>"))
        #expect(result.roster.students.count > 100)
        #expect(result.problems.contains { $0.reason.contains("not well-formed") && $0.position.hasPrefix("line") })
    }

    @Test func otherXMLIsRejected() {
        let result = Self.load("<?xml version=\"1.0\"?><Invoices><Pupil><Surname>A</Surname></Pupil></Invoices>")
        #expect(result.isFatal)
        #expect(result.problems.contains { $0.reason.contains("not a Common Transfer File") })
    }

    @Test func windows1252DeclaredEncoding() {
        let head = Array("<?xml version=\"1.0\" encoding=\"windows-1252\"?><CTfile><CTFpupilData><Pupil><Surname>O".utf8)
        let tail = Array("Neill</Surname><Forename>Zo".utf8) + [0xEB] + Array("</Forename></Pupil></CTFpupilData></CTfile>".utf8)
        let result = RosterImporter.importFiles([RosterSource(name: "c.xml", bytes: head + [0x92] + tail)], staff: nil)
        #expect(result.roster.students.first?.legalForename == "Zoë")
        #expect(result.roster.students.first?.surname == "O\u{2019}Neill")
    }

    @Test func hugeTextIsCut() {
        let huge = String(repeating: "y", count: 50_000)
        let result = Self.load(Self.file("<Pupil><Surname>Hill</Surname><Forename>Rose</Forename><Email>\(huge)</Email></Pupil>"))
        #expect(result.roster.students.first?.schoolEmail?.utf8.count == RosterImportLimits().maxFieldBytes)
        #expect(result.problems.contains { $0.reason.contains("roster_max_field_bytes") })
    }

    @Test func everyTruncationIsSafe() {
        let bytes = Array(Self.file(Self.pupil + Self.pupil).utf8)
        for length in stride(from: 0, to: bytes.count, by: 17) {
            let result = RosterImporter.importFiles([RosterSource(name: "t.xml", bytes: Array(bytes.prefix(length)))], staff: nil)
            #expect(result.roster.students.count <= 1)
        }
    }
}
