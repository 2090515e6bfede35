import ChaperoneModel
import Testing
@testable import RosterImport

/// Issue 21 item 1: image consent read from MIS CSV headings into per-pupil consents by
/// purpose. Missing means unknown, never granted.
@Suite struct ConsentImportTests {
    static func load(_ text: String, configured: [String: [ConsentPurpose]] = [:]) -> RosterImportResult {
        RosterImporter.importFiles([RosterSource(name: "pupils.csv", bytes: Array(text.utf8))], staff: nil,
                                   consentHeadings: ConsentHeadings(configured: configured))
    }

    static let headings = ConsentHeadings()

    @Test(arguments: [
        // SIMS "Parental Consents" consent types, as exported.
        ("Photograph Student", [ConsentPurpose.schoolPublications]),
        ("School Website", [.website]),
        ("Press/Media", [.pressAndMedia]),
        ("Parental Consent: Photographs in School Publications", [.schoolPublications]),
        // Arbor consent types named by the school.
        ("Consent: Photos on Social Media", [.website]),
        ("Photo Consent - Newsletter", [.schoolPublications]),
        ("Photo Consent (Website)", [.website]),
        ("Photo Consent - Website and Press", [.website, .pressAndMedia]),
        // Bromcom permissions.
        ("Media Permission", [.pressAndMedia]),
        ("Photograph Permission", [.schoolPublications]),
        ("Publicity Consent", [.pressAndMedia]),
        ("Photo/Video Consent", [.schoolPublications]),
        ("Photos in Local Newspapers", [.pressAndMedia]),
    ])
    func vendorHeadingsMapOntoPurposes(heading: String, purposes: [ConsentPurpose]) {
        #expect(Self.headings.meaning(of: heading) == .imageConsent(purposes.sorted()))
    }

    @Test(arguments: ["School Trips Consent", "Internet Access Consent", "Consent: Medical Treatment",
                      "Online Learning Consent", "Newsletter Consent", "Sun Cream Permission"])
    func otherConsentsAreSkippedAndReported(heading: String) {
        #expect(Self.headings.meaning(of: heading) == .otherConsent)
    }

    @Test(arguments: ["Photo", "Photo Path", "Immediate Contact", "Medical Notes", "Locker Number"])
    func columnsThatAreNoConsentAtAll(heading: String) {
        #expect(Self.headings.meaning(of: heading) == .none)
    }

    @Test func valuesWithAndWithoutDates() {
        let granted = ["Y", "yes", "Granted", "Given", "TRUE", "1", "Yes - 01/09/2025", "Granted (2025-09-03)",
                       "Consent given 4 Sept 2025", "Agreed"]
        let refused = ["N", "No", "Refused", "Withheld", "false", "0", "Refused on 03/09/2025", "Not given",
                       "No consent", "Consent withdrawn 12/01/2026", "Declined"]
        let notRecorded = ["", "Not asked", "Pending", "Unknown", "N/A", "-", "Awaiting response"]
        let unreadable = ["01/09/2025", "See notes", "Maybe"]
        for value in granted { #expect(ConsentValue(value) == .granted, "\(value)") }
        for value in refused { #expect(ConsentValue(value) == .refused, "\(value)") }
        for value in notRecorded { #expect(ConsentValue(value) == .notRecorded, "\(value)") }
        for value in unreadable { #expect(ConsentValue(value) == .unreadable, "\(value)") }
    }

    @Test func aRosterWithConsentColumnsGivesEachPupilTheirConsents() throws {
        let csv = "Surname,Forename,Photograph Student,Consent: Photos in Press/Media,School Trips Consent,Locker Number\r\n"
            + "Pemberton,Jonah,Yes - 01/09/2025,Refused 01/09/2025,Yes,12\r\n"
            + "Okoro,Ada,,,Yes,13\r\n"
            + "Lund,Ella,See notes,Y,No,14\r\n"
        let result = Self.load(csv)
        let pupils = result.roster.students
        try #require(pupils.count == 3)
        #expect(pupils[0].imageConsent.state(for: .schoolPublications) == .granted)
        #expect(pupils[0].imageConsent.state(for: .pressAndMedia) == .refused)
        #expect(pupils[0].imageConsent.state(for: .website) == .unknown, "a purpose with no column is unknown")
        #expect(pupils[1].imageConsent.state(for: .schoolPublications) == .unknown, "an empty cell is unknown")
        #expect(pupils[2].imageConsent.state(for: .schoolPublications) == .unknown)
        #expect(pupils[2].imageConsent.state(for: .pressAndMedia) == .granted)
        let warning = try #require(result.problems.first)
        #expect(result.problems.count == 1)
        #expect(warning.severity == .warning && warning.position == "line 4" && warning.column == "Photograph Student")
        #expect(warning.reason.contains("'See notes'") && warning.reason.contains("unknown"))
        #expect(result.skippedConsentColumns == ["pupils.csv": ["School Trips Consent"]])
        #expect(result.unknownColumns == ["pupils.csv": ["Locker Number"]])
        #expect(result.consentColumns["pupils.csv"]?["Photograph Student"] == [.schoolPublications])
    }

    @Test func configuredHeadingsAddToAndOverrideTheWords() throws {
        let csv = "Surname,Forename,Celebration Assembly Film,Photo Consent - Website,School Trips Consent\r\n"
            + "Pemberton,Jonah,Y,Y,Y\r\n"
        let result = Self.load(csv, configured: [
            "Celebration Assembly Film": [.schoolPublications, .website],
            "photo consent website": [],  // matched after normalisation: not an image consent here
        ])
        let pupil = try #require(result.roster.students.first)
        #expect(pupil.imageConsent.state(for: .schoolPublications) == .granted)
        #expect(pupil.imageConsent.state(for: .website) == .granted)
        #expect(result.skippedConsentColumns["pupils.csv"] == ["Photo Consent - Website", "School Trips Consent"])
    }

    @Test func aGeneralAndASpecificConsentThatDisagreeMeanRefused() throws {
        let csv = "Surname,Forename,Photograph Student,Photo Consent - Newsletter\r\nPemberton,Jonah,Yes,No\r\n"
        let pupil = try #require(Self.load(csv).roster.students.first)
        #expect(pupil.imageConsent.state(for: .schoolPublications) == .refused)
    }

    @Test func theSampleRosterCarriesConsents() throws {
        let csv = try SampleRosterTests.source("pupils.csv")
        let result = RosterImporter.importFiles([csv], staff: nil)
        let states = result.roster.students.map { $0.imageConsent.state(for: .schoolPublications) }
        #expect(states.contains(.granted) && states.contains(.refused) && states.contains(.unknown))
        #expect(result.skippedConsentColumns[csv.name] == ["Consent: School Trips"])
    }
}
