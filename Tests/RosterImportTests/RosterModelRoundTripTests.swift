import ChaperoneModel
import Foundation
import Testing
@testable import RosterImport

/// The column layout (`StudentTable`, `ContactTable`) reads back exactly what the model of
/// one `Student` and `Contact` object per record held: the fixtures are that model's
/// import of the sample roster and of a generated roster with non-ASCII names, one JSON
/// line per pupil and contact (made by Fixtures/tools/make-roster-model-fixtures.swift.txt
/// at main debff0c).
@Suite struct RosterModelRoundTripTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/roster")

    static func source(_ directory: URL, _ name: String) throws -> RosterSource {
        RosterSource(name: name, bytes: [UInt8](try Data(contentsOf: directory.appendingPathComponent(name))))
    }

    /// The pupils and contacts of a fixture, in order.
    static func held(_ name: String) throws -> (students: [Student], contacts: [Contact]) {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        var students: [Student] = [], contacts: [Contact] = []
        let decoder = JSONDecoder()
        for line in text.split(separator: "\n") {
            if line.hasPrefix("pupil ") {
                students.append(try decoder.decode(Student.self, from: Data(line.dropFirst(6).utf8)))
            } else if line.hasPrefix("contact ") {
                contacts.append(try decoder.decode(Contact.self, from: Data(line.dropFirst(8).utf8)))
            }
        }
        return (students, contacts)
    }

    @Test func sampleRosterReadsBackAsTheObjectModelHeldIt() throws {
        let result = RosterImporter.importFiles(
            [try Self.source(Self.samples, "pupils.csv"), try Self.source(Self.samples, "pupils-ctf.xml")],
            staff: try Self.source(Self.samples, "staff.csv"))
        let expected = try Self.held("sample-roster-model.jsonl")
        #expect(expected.students.count == 95 && expected.contacts.count == 142)
        Self.expectSame(result.roster, expected)
    }

    @Test func generatedNonASCIIRosterReadsBackAsTheObjectModelHeldIt() throws {
        let result = RosterImporter.importFiles([try Self.source(Self.fixtures, "generated-roster.csv")], staff: nil)
        let expected = try Self.held("generated-roster-model.jsonl")
        #expect(expected.students.count == 240 && expected.contacts.count == 183)
        #expect(expected.students.contains { $0.surname == "Müller-Lüdenscheidt" && $0.legalForename == "李娜" })
        Self.expectSame(result.roster, expected)
    }

    /// Every pupil and contact, whole and field by field, and the key lookups.
    static func expectSame(_ roster: Roster, _ expected: (students: [Student], contacts: [Contact])) {
        #expect(Array(roster.students) == expected.students)
        #expect(Array(roster.contacts) == expected.contacts)
        let pupils = roster.students
        for (position, student) in expected.students.enumerated() where position < pupils.count {
            #expect(pupils.key(at: position) == student.key)
            #expect(pupils.forenames(at: position) == student.forenames)
            #expect(pupils.dateOfBirth(at: position) == student.dateOfBirth)
            #expect(pupils.firstAddressLine(at: position) == student.addressLines.first)
            #expect(pupils.personalEmails(at: position) == student.personalEmails)
            #expect(pupils.contactKeys(at: position) == student.contactKeys)
            #expect(pupils.hasRecordedConsent(at: position) == !student.imageConsent.recorded.isEmpty)
            #expect(pupils.imageConsent(at: position) == student.imageConsent)
            let strings: [(StudentTable.Field, String?)] = [
                (.upn, student.upn), (.uln, student.uln), (.legalForename, student.legalForename),
                (.preferredForename, student.preferredForename), (.middleNames, student.middleNames),
                (.surname, student.surname), (.yearGroup, student.yearGroup), (.regGroup, student.regGroup),
                (.schoolEmail, student.schoolEmail), (.postcode, student.postcode), (.senStatus, student.senStatus)]
            for (field, value) in strings {
                #expect(pupils.string(field, at: position) == value, "\(field) of pupil \(position)")
                #expect(pupils.withUTF8(field, at: position) { Array($0) } == Array((value ?? "").utf8))
            }
            #expect(roster.studentPosition(forKey: student.key) == expected.students.firstIndex { $0.key == student.key })
        }
        for (position, contact) in expected.contacts.enumerated() where position < roster.contacts.count {
            #expect(roster.contacts.key(at: position) == contact.key)
            #expect(roster.contacts.emails(at: position) == contact.emails)
            #expect(roster.contacts.pupilKeys(at: position) == contact.pupilKeys)
            #expect(roster.contacts.restrictedPupilKeys(at: position) == contact.restrictedPupilKeys)
            #expect(roster.contacts.parentalResponsibility(at: position) == contact.parentalResponsibility)
            for pupil in contact.pupilKeys {
                #expect(roster.contacts.lacksParentalResponsibility(at: position, for: pupil) == contact.lacksParentalResponsibility(for: pupil))
            }
            #expect(roster.contact(forKey: contact.key) == contact)
        }
    }
}
