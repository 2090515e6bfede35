import ChaperoneModel
import Testing
@testable import RosterImport

/// Pupils' school addresses, which make their senders pupils, under the headings SIMS,
/// Arbor and Bromcom exports use.
@Suite struct PupilEmailColumnTests {
    @Test(arguments: ["Pupil Email", "Email Address (School)", "School Email Address", "Student Email", "Email (School)",
                      "Pupil Email Address", "student_school_email"])
    func schoolEmailHeadings(heading: String) throws {
        let csv = "Legal Surname,Legal Forename,\(heading)\nQuilliam,Jessamy,JQuilliam@Pupils.School.Example\n"
        let result = RosterImporter.importFiles([RosterSource(name: "pupils.csv", bytes: Array(csv.utf8))], staff: nil)
        let pupil = try #require(result.roster.students.first)
        #expect(pupil.schoolEmail == "jquilliam@pupils.school.example")
        #expect(result.roster.pupilKeys(ofAddress: "jquilliam@pupils.school.example") == [pupil.key])
        #expect(result.unknownColumns["pupils.csv"] == nil || result.unknownColumns["pupils.csv"]?.isEmpty == true)
    }
}
