import ChaperoneModel
import Testing
@testable import RosterImport

@Suite struct CSVImportTests {
    static func load(_ text: String, name: String = "pupils.csv") -> RosterImportResult {
        RosterImporter.importFiles([RosterSource(name: name, bytes: Array(text.utf8))], staff: nil)
    }

    static let header = "UPN,ULN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg Group,Pupil Email,Personal Email,"
        + "Address Line 1,Address Line 2,Postcode,SEN Status,FSM,Contact 1 Name,Contact 1 Relationship,Contact 1 Email,"
        + "Contact 1 Mobile,Locker Number\r\n"

    @Test func readsEveryKnownColumn() throws {
        let csv = Self.header
            + "B801200005001,9276308686,Pemberton,Jonah,Joe,14/03/2012,8,8A,JPemberton@pupils.example,jp@gmail.com,"
            + "17 Larchfield Road,Moortown,ls17 7px,K,Y,Helen Pemberton,Mother,helen@hotmail.co.uk,07700 900461,12\r\n"
        let result = Self.load(csv)
        let pupil = try #require(result.roster.students.first)
        #expect(result.problems.isEmpty)
        #expect(!result.isFatal)
        #expect(pupil.key == PupilKey.pseudonym(forUPN: "B801200005001") && pupil.uln == "9276308686")
        #expect(!pupil.key.contains("801200005001"), "the key must not disclose the UPN")
        #expect(pupil.legalForename == "Jonah" && pupil.preferredForename == "Joe" && pupil.surname == "Pemberton")
        #expect(pupil.dateOfBirth == SchoolDate(year: 2012, month: 3, day: 14))
        #expect(pupil.yearGroup == "8" && pupil.regGroup == "8A")
        #expect(pupil.schoolEmail == "jpemberton@pupils.example" && pupil.personalEmails == ["jp@gmail.com"])
        #expect(pupil.addressLines == ["17 Larchfield Road", "Moortown"] && pupil.postcode == "LS17 7PX")
        #expect(pupil.senStatus == "K" && pupil.freeSchoolMeals == true)
        let contact = try #require(result.roster.contacts.first)
        #expect(contact.name == "Helen Pemberton" && contact.relationship == "Mother")
        #expect(contact.emails == ["helen@hotmail.co.uk"] && contact.phones == ["07700 900461"])
        #expect(contact.pupilKeys == [pupil.key] && pupil.contactKeys == [contact.key])
        #expect(result.unknownColumns["pupils.csv"] == ["Locker Number"])
    }

    @Test(arguments: ["Surname,Forename,Date of Birth", "Last Name,First Name,DOB", "SURNAME , forename, dob",
                      "LastName\tFirstName\tDOB", "Legal Surname;Known As;D.O.B."])
    func headingAliases(header: String) throws {
        let separator = header.contains("\t") ? "\t" : (header.contains(";") ? ";" : ",")
        let row = ["Okafor", "Zoë", "2012-09-01"].joined(separator: separator)
        let pupil = try #require(Self.load(header + "\n" + row + "\n").roster.students.first)
        #expect(pupil.surname == "Okafor" && pupil.legalForename == "Zoë")
        #expect(pupil.dateOfBirth == SchoolDate(year: 2012, month: 9, day: 1))
    }

    @Test(arguments: [("14/03/2012", "2012-03-14"), ("4/3/12", "2012-03-04"), ("2012-03-14", "2012-03-14"),
                      ("14.03.2012", "2012-03-14"), ("2012-03-14T00:00:00", "2012-03-14")])
    func dateFormats(text: String, iso: String) {
        #expect(RosterDate.parse(text)?.description == iso)
    }

    @Test func badRowsAreReportedAndImportCarriesOn() {
        let csv = "UPN,ULN,Surname,Forename,DOB\n"
            + "A801200005001,,Ashworth,Amy,01/02/2012\n"  // wrong check letter
            + ",1234567890,Begum,Aisha,31/02/2012\n"  // bad ULN, impossible date
            + "B801200005001,,,Noah,01/01/2012\n"  // missing surname
            + "B801200005001,,Cole,Kai,01/01/2012\n"
            + "B801200005001,,Cole,Kai,01/01/2012\n"  // duplicate UPN
        let result = Self.load(csv)
        #expect(result.roster.students.count == 3)
        #expect(!result.isFatal)
        let reasons = result.problems.map { "\($0.position)|\($0.column ?? "")|\($0.reason)" }
        #expect(reasons.contains { $0.hasPrefix("line 2|UPN|wrong UPN check letter A (the digits give B)") })
        #expect(reasons.contains { $0.hasPrefix("line 3|ULN|") })
        #expect(reasons.contains { $0.hasPrefix("line 3|DOB|unreadable date") })
        #expect(reasons.contains { $0.hasPrefix("line 4|Surname|missing name") })
        #expect(reasons.contains { $0.hasPrefix("line 6|UPN|duplicate UPN") })
        let amy = result.roster.students.first { $0.surname == "Ashworth" }
        #expect(amy?.upn == nil && amy?.key == "pupils.csv:2")
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() throws {
        let csv = "Surname,Forename,Address,Postcode\r\n\"O'Neill\",\"Ciarán\",\"Flat 2, 15 Quarry Bank\nMoortown\",LS8 2HJ\r\n"
            + "\"Said \"\"Ali\"\"\",Ali,x,y\r\nLast,Row,z,w\r\n"
        let result = Self.load(csv)
        #expect(result.roster.students.count == 3)
        let first = try #require(result.roster.students.first)
        #expect(first.addressLines == ["Flat 2", "15 Quarry Bank", "Moortown"])
        #expect(result.roster.students[1].surname == "Said \"Ali\"")
        #expect(result.roster.students[2].key == "pupils.csv:5", "line numbers count the quoted newline")
    }

    @Test func byteOrderMarkAndWindows1252() throws {
        let bom = [0xEF, 0xBB, 0xBF] + Array("Surname,Forename\nBrook,Summer\n".utf8)
        let fromBOM = RosterImporter.importFiles([RosterSource(name: "a.csv", bytes: bom)], staff: nil)
        #expect(fromBOM.roster.students.first?.surname == "Brook")
        #expect(fromBOM.problems.isEmpty)
        let latin: [UInt8] = Array("Surname,Forename\nO".utf8) + [0x92] + Array("Neill,Zo".utf8) + [0xEB, 0x0A]
        let fromLatin = RosterImporter.importFiles([RosterSource(name: "b.csv", bytes: latin)], staff: nil)
        let pupil = try #require(fromLatin.roster.students.first)
        #expect(pupil.surname == "O\u{2019}Neill" && pupil.legalForename == "Zoë")
        #expect(fromLatin.problems.contains { $0.severity == .warning && $0.reason.contains("windows-1252") })
    }

    @Test func utf16WithBOM() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Surname\tForename\nHill\tRose\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = RosterImporter.importFiles([RosterSource(name: "u.txt", bytes: bytes)], staff: nil)
        #expect(result.roster.students.first?.legalForename == "Rose")
    }

    @Test func hugeFieldIsCutAndReported() {
        let huge = String(repeating: "x", count: 100_000)
        let result = Self.load("Surname,Forename,Address\nHill,Rose,\"\(huge)\"\n")
        #expect(result.roster.students.first?.addressLines.first?.utf8.count == RosterImportLimits().maxFieldBytes)
        #expect(result.problems.contains { $0.reason.contains("roster_max_field_bytes") })
    }

    @Test func unclosedQuoteAndGarbageDoNotCrash() {
        let result = Self.load("Surname,Forename\nHill,\"Rose\nBrook,Summer")
        #expect(result.problems.contains { $0.reason.contains("never closed") })
        let garbage = RosterImporter.importFiles([RosterSource(name: "g", bytes: (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) })], staff: nil)
        #expect(garbage.isFatal)
    }

    @Test func nothingUsableIsFatal() {
        let empty = Self.load("")
        #expect(empty.isFatal)
        let wrong = Self.load("Item,Price\nPens,2\n")
        #expect(wrong.isFatal)
        #expect(wrong.problems.contains { $0.reason.contains("no Surname and Forename columns") })
    }

    @Test func siblingsShareOneContact() {
        let csv = "Surname,Forename,Contact 1 Name,Contact 1 Email\nHill,Rose,Jo Hill,jo@gmail.com\nHill,Ivy,Jo Hill,JO@gmail.com\n"
        let result = Self.load(csv)
        #expect(result.roster.contacts.count == 1)
        #expect(result.roster.contacts.first?.pupilKeys.count == 2)
        #expect(result.roster.pupilKeys(ofContactAddress: "jo@gmail.com").count == 2)
    }
}
