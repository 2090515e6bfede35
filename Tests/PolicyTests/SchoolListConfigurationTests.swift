import ChaperoneModel
@testable import Policy
import Testing

/// `schools:`: many schools in one configuration, each over the shared settings, and
/// every mistake a technician makes with it reported with its line and a fix.
@Suite struct SchoolListConfigurationTests {
    static let twoSchools = """
    school:
      partner_domains: [leeds.gov.uk]
      it_contact: the trust service desk
    thresholds: {bulk_pupils: 12}
    actions: {partner_sensitive: tag}
    unknown_school: ash
    schools:
      - id: ash
        name: Ash Grove Primary
        domains: [AshGrove.example]
        partner_domains: [ashgrove-pta.example]
        partner_schools: [oak]
        roster: {files: [ash/pupils.csv], staff_file: ash/staff.csv}
        senders: {pupil_domains: [pupils.ashgrove.example]}
        thresholds: {bulk_pupils: 5}
        alert_recipients: [senco@ashgrove.example]
      - id: oak
        name: Oak Hill Academy
        domains: [oakhill.example]
        roster: {files: [oak/pupils.csv]}
        actions: {confidentiality: reject}
        it_contact: Oak Hill IT (ext 4)
    """

    static func load(_ yaml: String) throws(ConfigurationError) -> Configuration {
        try ConfigurationLoader.load(yaml: yaml, source: "trust.yaml", baseDirectory: "/etc/chaperone")
    }

    /// The message of the error `yaml` gives, and its line.
    static func failure(_ yaml: String) -> (line: Int, message: String)? {
        do {
            _ = try load(yaml)
            return nil
        } catch {
            return (error.line, error.message)
        }
    }

    @Test func eachSchoolIsTheSharedSettingsWithItsOwnOverrides() throws {
        let configuration = try Self.load(Self.twoSchools)
        #expect(configuration.schools.map(\.id) == ["ash", "oak"])
        #expect(configuration.unknownSchool == .school("ash"))
        let ash = configuration.schools[0].configuration, oak = configuration.schools[1].configuration
        #expect(ash.school.name == "Ash Grove Primary" && ash.school.domains == ["ashgrove.example"])
        #expect(ash.roster.files == ["/etc/chaperone/ash/pupils.csv"] && ash.roster.staffFile == "/etc/chaperone/ash/staff.csv")
        // Partner domains add to the shared ones; a partner school brings its domains.
        #expect(ash.school.partnerDomains == ["leeds.gov.uk", "ashgrove-pta.example", "oakhill.example"])
        #expect(oak.school.partnerDomains == ["leeds.gov.uk"])
        #expect(ash.thresholds.bulkPupils == 5 && oak.thresholds.bulkPupils == 12)
        #expect(oak.actions.confidentiality == .reject && ash.actions.confidentiality == .quarantine)
        #expect(ash.actions.partnerSensitive == .tag)
        #expect(ash.school.itContact == "the trust service desk" && oak.school.itContact == "Oak Hill IT (ext 4)")
        #expect(ash.notifications.alertRecipients == ["senco@ashgrove.example"] && oak.notifications.alertRecipients == [])
        #expect(ash.senders.pupilDomains == ["pupils.ashgrove.example"])
        #expect(ash.schools.isEmpty)
        #expect(configuration.servedDomains == ["ashgrove.example", "pupils.ashgrove.example", "oakhill.example"])
    }

    @Test func theSingleSchoolFormStillMeansOneSchool() throws {
        let configuration = try Self.load("school: {name: One, domains: [one.example]}\nroster: {files: [p.csv]}")
        #expect(!configuration.hasSchoolList)
        #expect(configuration.schoolConfigurations.count == 1)
        #expect(configuration.schoolConfigurations[0].id == nil)
        #expect(configuration.servedDomains == ["one.example"])
    }

    static let school = "  - {id: a, name: A, domains: [a.example], roster: {files: [a.csv]}}\n"

    @Test(arguments: [
        // what, the YAML, the line the error is on, words the message must have
        ("duplicate id", "schools:\n" + school + "  - {id: a, name: B, domains: [b.example], roster: {files: [b.csv]}}\n", 3, "also schools[0]"),
        ("duplicate domain", "schools:\n" + school + "  - {id: b, name: B, domains: [A.example], roster: {files: [b.csv]}}\n", 3, "domain 'a.example' is also school 'a'"),
        ("shared roster file", "schools:\n" + school + "  - {id: b, name: B, domains: [b.example], roster: {files: [a.csv]}}\n", 3, "roster file"),
        ("unknown override", "schools:\n  - id: a\n    name: A\n    domains: [a.example]\n    roster: {files: [a.csv]}\n    actions: {imgaes: tag}\n", 6, "valid keys here"),
        ("trust-wide key in a school", "schools:\n  - id: a\n    name: A\n    milter: {listen: 'inet:127.0.0.1:1'}\n", 4, "shared by every school"),
        ("unknown school key", "schools:\n  - id: a\n    domian: [a.example]\n", 3, "valid keys here"),
        ("no id", "schools:\n  - {name: A, domains: [a.example], roster: {files: [a.csv]}}\n", 2, "has no id"),
        ("bad id", "schools:\n  - {id: Ash Grove, name: A, domains: [a.example], roster: {files: [a.csv]}}\n", 2, "not a school id"),
        ("no domains", "schools:\n  - {id: a, name: A, roster: {files: [a.csv]}}\n", 2, "has no domains"),
        ("no roster", "schools:\n  - {id: a, name: A, domains: [a.example]}\n", 2, "has no roster files"),
        ("no name", "schools:\n  - {id: a, domains: [a.example], roster: {files: [a.csv]}}\n", 2, "has no name"),
        ("unknown partner school", "schools:\n  - {id: a, name: A, domains: [a.example], roster: {files: [a.csv]}, partner_schools: [b]}\n", 2, "partner school 'b'"),
        ("unknown default school", "unknown_school: b\nschools:\n" + school, 1, "neither fail nor a school id"),
        ("unknown_school alone", "school: {domains: [a.example]}\nunknown_school: fail\n", 2, "only with a schools: list"),
        ("top-level domains too", "school: {domains: [x.example]}\nschools:\n" + school, 1, "move school.domains"),
        ("top-level roster too", "roster: {files: [x.csv]}\nschools:\n" + school, 1, "move roster.files"),
        ("empty list", "schools: []\n", 1, "must be a list of schools"),
    ] as [(String, String, Int, String)])
    func mistakesSayWhatWhereAndHowToFix(_ what: String, _ yaml: String, _ line: Int, _ words: String) {
        guard let failure = Self.failure(yaml) else {
            Issue.record("\(what): accepted")
            return
        }
        #expect(failure.line == line, "\(what): \(failure.message)")
        #expect(failure.message.contains(words), "\(what): \(failure.message)")
    }
}
