import ChaperoneModel
import Testing
@testable import RosterImport

/// Middle names as SIMS, Arbor and Bromcom export them, and as CTF carries them.
@Suite struct MiddleNameImportTests {
    @Test(arguments: [
        "UPN,Legal Surname,Legal Forename,Middle Name(s)\r\n",  // SIMS
        "UPN,Last Name,First Name,Middle Names\r\n",  // Arbor
        "UPN,LastName,FirstName,MiddleName\r\n",  // Bromcom
        "UPN,Surname,Forename,Legal Middle Name(s)\r\n",
    ])
    func aCSVMiddleNameColumnIsRead(header: String) throws {
        let result = CSVImportTests.load(header + "B801200005001,Okafor,Amara,Grace Louise\r\n")
        #expect(result.problems.isEmpty, "\(result.problems)")
        let pupil = try #require(result.roster.students.first)
        #expect(pupil.legalForename == "Amara" && pupil.surname == "Okafor")
        #expect(pupil.middleNames == "Grace Louise")
    }

    @Test func anEmptyMiddleNameCellIsNoMiddleName() throws {
        let result = CSVImportTests.load("UPN,Legal Surname,Legal Forename,Middle Name(s)\r\nB801200005001,Okafor,Amara,\r\n")
        #expect(try #require(result.roster.students.first).middleNames == nil)
    }

    @Test func ctfMiddleNamesAreRead() throws {
        let inBasicDetails = CTFImportTests.pupil.replacingOccurrences(
            of: "<BasicDetails>", with: "<BasicDetails><MiddleNames>Grace Louise</MiddleNames>")
        let direct = CTFImportTests.pupil.replacingOccurrences(
            of: "<Forename>Jonah</Forename>", with: "<Forename>Jonah</Forename><MiddleNames>Tobias</MiddleNames>")
        #expect(try #require(CTFImportTests.load(CTFImportTests.file(inBasicDetails)).roster.students.first).middleNames == "Grace Louise")
        #expect(try #require(CTFImportTests.load(CTFImportTests.file(direct)).roster.students.first).middleNames == "Tobias")
        #expect(try #require(CTFImportTests.load(CTFImportTests.file(CTFImportTests.pupil)).roster.students.first).middleNames == nil)
    }
}
