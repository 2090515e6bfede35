import Testing
@testable import RosterImport

/// Typos and gaps in a roster's columns that would silently lose matching: unknown
/// headings get the closest known one, and a file with no UPN/ULN column or with a
/// required column empty in every row fails the check (the roster still loads).
@Suite struct ColumnTypoTests {
    static func load(_ csv: String, staff: String? = nil) -> RosterImportResult {
        RosterImporter.importFiles(
            [RosterSource(name: "pupils.csv", bytes: Array(csv.utf8))],
            staff: staff.map { RosterSource(name: "staff.csv", bytes: Array($0.utf8)) })
    }

    @Test func aMisspeltUPNHeadingIsNamedWithTheHeadingItMeant() throws {
        let result = Self.load("UPM,Legal Surname,Legal Forename,Prefered Forename,DOB\nA123456789012,Hill,Rose,Rosie,2012-03-04\n")
        #expect(result.headingSuggestions["UPM"] == "UPN")
        #expect(result.headingSuggestions["Prefered Forename"] == "Preferred Forename")
        #expect(result.failsCheck)
        #expect(!result.isFatal, "the roster still loads: the milter keeps running on it")
        let error = try #require(result.columnErrors.first)
        #expect(error.reason.contains("no pupil identifier column (UPN or ULN)"))
        #expect(error.reason.contains("\"UPM\" (did you mean UPN?)"), "\(error.reason)")
    }

    @Test(arguments: ["Medical Notes", "Tutor Email", "House", "X"])
    func headingsFarFromAnyKnownOneGetNoSuggestion(heading: String) {
        let result = Self.load("UPN,Surname,Forename,\(heading)\nA123456789012,Hill,Rose,x\n")
        #expect(result.headingSuggestions[heading] == nil)
    }

    @Test func aKnownColumnEmptyInEveryRowFailsTheCheck() throws {
        let result = Self.load("UPN,Surname,Forename,DOB\n,Hill,Rose,2012-03-04\n,Brook,Summer,2012-05-06\n")
        let error = try #require(result.columnErrors.first)
        #expect(error.column == "UPN")
        #expect(error.reason.contains("empty in all 2 rows"))
        #expect(result.columnErrors.count == 1)
    }

    @Test func aCompleteExportPassesAndOptionalColumnsMayBeEmpty() {
        let result = Self.load("UPN,Surname,Forename,DOB,SEN Status\nA123456789012,Hill,Rose,2012-03-04,\n")
        #expect(result.columnErrors.isEmpty)
        #expect(!result.failsCheck)
    }

    @Test func theStaffListIsCheckedLikewise() throws {
        let pupils = "UPN,Surname,Forename\nA123456789012,Hill,Rose\n"
        let misspelt = Self.load(pupils, staff: "Emial,Name\nh.marsh@school.example,Helen Marsh\n")
        #expect(misspelt.headingSuggestions["Emial"] == "Email")
        #expect(misspelt.columnErrors.first?.reason.contains("\"Emial\" (did you mean Email?)") == true)
        #expect(misspelt.unknownColumns["staff.csv"] == ["Emial"])
        let empty = Self.load(pupils, staff: "Email,Name\n,Helen Marsh\n,Ann Lee\n")
        #expect(empty.columnErrors.map(\.column) == ["Email"])
        let fine = Self.load(pupils, staff: "Email,Name,Personal Email\nh.marsh@school.example,Helen Marsh,\n")
        #expect(fine.columnErrors.isEmpty)
    }

    @Test func editDistanceCountsATranspositionAsOneEdit() {
        #expect(HeadingSuggestion.editDistance(Array("upn".unicodeScalars), Array("unp".unicodeScalars)) == 1)
        #expect(HeadingSuggestion.editDistance(Array("surname".unicodeScalars), Array("surnmae".unicodeScalars)) == 1)
        #expect(HeadingSuggestion.editDistance(Array("".unicodeScalars), Array("abc".unicodeScalars)) == 3)
        #expect(HeadingSuggestion.closest(to: String(repeating: "u", count: 500), among: ["UPN"]) == nil)
    }
}
