import ChaperoneModel
import RosterImport
import ScanPipeline
import Testing

/// Contact rights end to end through the pipeline, from a CTF and from an MIS CSV
/// export (both invented): a report about the child to the restricted contact is held
/// and alerts the DSL; the same to the other parent is accepted; a contact without
/// parental responsibility gets what the configuration says.
@Suite struct ContactRightsScanTests {
    static let ctf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CTfile><Header><DocumentName>Common Transfer File</DocumentName></Header><CTFpupilData>
        <Pupil><UPN>A801200005002</UPN><Surname>Marchbank</Surname><Forename>Ellie</Forename><DOB>2012-05-01</DOB>
          <Contacts>
            <Contact><Forename>Rachel</Forename><Surname>Marchbank</Surname><Responsibility>true</Responsibility>
              <Email>rachel.marchbank@example.net</Email></Contact>
            <Contact><Forename>Dean</Forename><Surname>Marchbank</Surname><Responsibility>true</Responsibility>
              <CourtOrder>true</CourtOrder><Email>dean.marchbank@gmail.com</Email></Contact>
            <Contact><Forename>Lee</Forename><Surname>Carter</Surname><Responsibility>false</Responsibility>
              <Email>lee.carter@example.com</Email></Contact>
          </Contacts></Pupil>
        </CTFpupilData></CTfile>
        """

    static let csv = """
        UPN,Legal Surname,Legal Forename,DOB,Contact 1 Name,Contact 1 Email,Contact 1 Parental Responsibility,Contact 1 Court Order,Contact 2 Name,Contact 2 Email,Contact 2 Parental Responsibility,Contact 3 Name,Contact 3 Email,Contact 3 Parental Responsibility
        A801200005002,Marchbank,Ellie,01/05/2012,Rachel Marchbank,rachel.marchbank@example.net,Yes,No,Dean Marchbank,dean.marchbank@gmail.com,Yes,Lee Carter,lee.carter@example.com,No
        """

    /// The CSV records the father's order in its own heading, as Arbor does.
    static let csvRestriction = csv
        .replacingOccurrences(of: "Contact 2 Parental Responsibility,", with: "Contact 2 Parental Responsibility,Contact 2 Contact Restrictions,")
        .replacingOccurrences(of: "dean.marchbank@gmail.com,Yes,", with: "dean.marchbank@gmail.com,Yes,No contact with father (court order),")

    static func pipeline(_ roster: String, name: String, configure: (inout Configuration) -> Void = { _ in }) throws -> ScanPipeline {
        let result = RosterImporter.importFiles([RosterSource(name: name, bytes: Array(roster.utf8))], staff: nil)
        #expect(!result.isFatal, "\(result.problems)")
        var configuration = Configuration()
        configuration.school.domains = ["school.example"]
        configure(&configuration)
        return ScanPipeline(configuration: configuration, roster: result.roster)
    }

    static func report(to address: String) -> [UInt8] {
        Array("""
            From: Form Tutor <tutor@school.example>\r
            To: \(address)\r
            Subject: Report\r
            \r
            Ellie Marchbank's report: her attendance is 91% and her dyslexia support continues.\r

            """.utf8)
    }

    static let rosters = [("ctf.xml", ctf), ("pupils.csv", csvRestriction)]

    @Test(arguments: rosters)
    func aReportToTheRestrictedContactIsHeldWithADSLAlert(name: String, roster: String) throws {
        let report = try Self.pipeline(roster, name: name).scan(message: Self.report(to: "dean.marchbank@gmail.com"))
        #expect(report.action == .quarantine)
        #expect(report.sections == [.confidentiality])
        #expect(report.alertsSafeguardingLead)
        #expect(report.explanation.contains("may not receive"))
        #expect(!report.explanation.lowercased().contains("court"))
    }

    @Test(arguments: rosters)
    func theSameToTheOtherParentIsAccepted(name: String, roster: String) throws {
        let report = try Self.pipeline(roster, name: name).scan(message: Self.report(to: "rachel.marchbank@example.net"))
        #expect(report.action == .accept, "\(report.explanation)")
        #expect(!report.alertsSafeguardingLead)
    }

    @Test(arguments: rosters)
    func aContactWithoutParentalResponsibilityGetsWhatTheConfigurationSays(name: String, roster: String) throws {
        let held = try Self.pipeline(roster, name: name).scan(message: Self.report(to: "lee.carter@example.com"))
        #expect(held.action == .quarantine)
        #expect(held.sections == [.confidentiality])
        let tagged = try Self.pipeline(roster, name: name) { $0.actions.withoutParentalResponsibility = .tag }
            .scan(message: Self.report(to: "lee.carter@example.com"))
        #expect(tagged.action == .tag)
        let allowed = try Self.pipeline(roster, name: name) { $0.actions.withoutParentalResponsibility = .accept }
            .scan(message: Self.report(to: "lee.carter@example.com"))
        #expect(allowed.action == .accept)
    }

    @Test func withoutARecordedRestrictionTheFatherIsALinkedParent() throws {
        let report = try Self.pipeline(Self.csv, name: "pupils.csv").scan(message: Self.report(to: "dean.marchbank@gmail.com"))
        #expect(report.action == .accept, "\(report.explanation)")
    }
}
