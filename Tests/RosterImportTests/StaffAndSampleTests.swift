import ChaperoneModel
import Foundation
import Testing
@testable import RosterImport

@Suite struct StaffListTests {
    @Test func readsStaffWithPersonalAddresses() throws {
        let pupils = RosterSource(name: "p.csv", bytes: Array("Surname,Forename\nHill,Rose\n".utf8))
        let staff = RosterSource(name: "staff.csv", bytes: Array(
            "Email,Name,Personal Email\nH.Marsh@School.example,Helen Marsh,helen@gmail.com; hm@icloud.com\nnot-an-email,X Y,\n".utf8))
        let result = RosterImporter.importFiles([pupils], staff: staff)
        let member = try #require(result.roster.staff.first)
        #expect(member.email == "h.marsh@school.example" && member.personalEmails == ["helen@gmail.com", "hm@icloud.com"])
        #expect(result.roster.staffByPersonalEmail["hm@icloud.com"]?.name == "Helen Marsh")
        #expect(result.problems.contains { $0.file == "staff.csv" && $0.position == "line 3" })
    }
}

@Suite struct SampleRosterTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples/roster")

    static func source(_ name: String) throws -> RosterSource {
        let data = try Data(contentsOf: samples.appendingPathComponent(name))
        return RosterSource(name: name, bytes: [UInt8](data))
    }

    @Test func samplesImportCleanly() throws {
        let result = RosterImporter.importFiles([try Self.source("pupils.csv"), try Self.source("pupils-ctf.xml")],
                                                staff: try Self.source("staff.csv"))
        #expect(result.problems.isEmpty)
        #expect(result.roster.students.count >= 80)
        #expect(result.roster.students.allSatisfy { $0.upn != nil })
        #expect(result.roster.staff.count >= 15)
        #expect(result.roster.contacts.count > 80)
        let names = Set(result.roster.students.map { "\($0.legalForename) \($0.surname)" })
        #expect(names.isSuperset(of: ["Summer Brook", "Will Parker", "Rose Hill", "Ciarán O'Neill", "Zoë Okafor-Brennan"]))
    }
}
