import ChaperoneModel
@testable import Policy
import Testing

/// An invented class: thirty families (pupil P1…P30, parent parent1@…), siblings S1 and
/// S2 sharing a mother, and a pupil with two parents.
enum ExposureFixtures {
    static let familyCount = 30

    static var roster: Roster {
        var students = (1...familyCount).map { Student(key: "P\($0)", legalForename: "Pupil", surname: "Number\($0)") }
        var contacts = (1...familyCount).map { Contact(key: "C\($0)", name: "Parent \($0)", emails: ["parent\($0)@gmail.com"], pupilKeys: ["P\($0)"]) }
        students += [
            Student(key: "S1", legalForename: "Ava", surname: "Brook"),
            Student(key: "S2", legalForename: "Noah", surname: "Brook"),
            Student(key: "T1", legalForename: "Lily", surname: "Marsh", personalEmails: ["lily.marsh.08@outlook.com"]),
            Student(key: "G1", legalForename: "Evie", surname: "Gill"),
            Student(key: "G2", legalForename: "Finn", surname: "Gill"),
        ]
        contacts += [
            // The mother is a contact for both siblings; the father only for the younger.
            Contact(key: "M1", name: "Rachel Brook", emails: ["rachel.brook@yahoo.co.uk"], pupilKeys: ["S1", "S2"]),
            Contact(key: "F1", name: "Dan Brook", emails: ["danbrook@hotmail.co.uk"], pupilKeys: ["S2"]),
            Contact(key: "M2", name: "Sara Marsh", emails: ["sara.marsh@gmail.com"], pupilKeys: ["T1"]),
            Contact(key: "F2", name: "Ian Marsh", emails: ["ian@marsh-plumbing.example"], pupilKeys: ["T1"]),
            // An MIS that keeps one contact record per child: the same mother twice.
            Contact(key: "G-M1", name: "Lee Gill", emails: ["lee.gill@gmail.com"], pupilKeys: ["G1"]),
            Contact(key: "G-M2", name: "Lee Gill", emails: ["lee.gill@gmail.com"], pupilKeys: ["G2"]),
            Contact(key: "G-F2", name: "Kim Gill", emails: ["kim.gill@icloud.com"], pupilKeys: ["G2"]),
        ]
        return Roster(students: students, contacts: contacts)
    }

    static let parents = (1...familyCount).map { "parent\($0)@gmail.com" }

    static func engine(_ adjust: (inout Configuration) -> Void = { _ in }) -> PolicyEngine {
        var configuration = PolicyFixtures.configuration
        adjust(&configuration)
        return PolicyEngine(configuration: configuration, roster: roster, webmailDomains: PolicyFixtures.webmail)
    }

    static func envelope(_ recipients: [String]) -> Envelope {
        Envelope(sender: PolicyFixtures.sender, recipients: recipients)
    }
}

@Suite struct ExposedRecipientsTests {
    let engine = ExposureFixtures.engine()

    private func groups(_ addresses: [String]) -> Int {
        engine.headerRecipientGroups(addresses, sender: PolicyFixtures.sender).outsideGroups
    }

    @Test func siblingsContactsAreOneFamily() {
        // Mother of both siblings and father of the younger: one family.
        #expect(groups(["rachel.brook@yahoo.co.uk", "danbrook@hotmail.co.uk"]) == 1)
    }

    @Test func oneParentRecordedOncePerChildJoinsTheSiblingsIntoOneFamily() {
        // The father is a contact for the younger child only; the mother's two records join them.
        #expect(groups(["lee.gill@gmail.com", "kim.gill@icloud.com"]) == 1)
        #expect(engine.families.family(ofPupil: "G1") == engine.families.family(ofPupil: "G2"))
        #expect(engine.families.family(ofPupil: "G1") != engine.families.family(ofPupil: "T1"))
    }

    @Test func oneParentWithTwoChildrenCountsOnce() {
        #expect(groups(["rachel.brook@yahoo.co.uk", "Rachel.Brook@YAHOO.co.uk"]) == 1)
        #expect(groups(["rachel.brook@yahoo.co.uk", "parent1@gmail.com"]) == 2)
    }

    @Test func bothParentsAndThePupilsOwnAddressAreOneFamily() {
        #expect(groups(["sara.marsh@gmail.com", "ian@marsh-plumbing.example", "lily.marsh.08@outlook.com"]) == 1)
    }

    @Test func colleaguesAtOnePartnerDomainAreOneOrganisation() {
        let colleagues = (1...6).map { "officer\($0)@leeds.gov.uk" } + ["admissions@schools.leeds.gov.uk"]
        #expect(groups(colleagues) == 1)
        let decision = engine.decide(envelope: ExposureFixtures.envelope(colleagues), findings: [], headerAddresses: colleagues)
        #expect(decision.action == .accept)
        #expect(decision.headerRewrite == nil)
        #expect(!decision.findings.contains { $0.detector == .exposedRecipients })
    }

    @Test func personalAddressesOffTheRosterEachCount() {
        #expect(groups(["a@gmail.com", "b@gmail.com", "c@outlook.com"]) == 3)
        #expect(groups(["x@acme.example", "y@acme.example", "z@other.example"]) == 2)
    }

    @Test func theSchoolsOwnAddressesAreNotCounted() {
        let result = engine.headerRecipientGroups(
            ["k.teacher@school.example", "office@school.example", "parent1@gmail.com"], sender: PolicyFixtures.sender)
        #expect(result.outsideGroups == 1)
        #expect(result.internalAddresses == ["k.teacher@school.example", "office@school.example"])
    }

    @Test func thirtyFamiliesInToAreRewrittenByDefault() throws {
        let recipients = ExposureFixtures.parents
        let decision = engine.decide(envelope: ExposureFixtures.envelope(recipients), findings: [], headerAddresses: recipients)
        #expect(decision.action == .accept)
        #expect(decision.headerRewrite == HeaderRewrite(exposedGroups: 30, visibleAddresses: []))
        let finding = try #require(decision.findings.first { $0.detector == .exposedRecipients })
        #expect(finding.evidence == "30 families or organisations")
        #expect(finding.detail == "applied=rewrite")
        // Rewritten and delivered: the rule acted, but nothing was breached.
        #expect(finding.sections.isEmpty)
        #expect(finding.rules == [PolicyEngine.exposedRecipientsRule])
        #expect(decision.sections.isEmpty)
        #expect(decision.rules == [PolicyEngine.exposedRecipientsRule])
        #expect(decision.governingSections == [.confidentiality])
        #expect(decision.explanation.contains("30 families or organisations"))
        for address in recipients { #expect(!decision.explanation.contains(address)) }
        #expect(!finding.evidence.contains("@"))
    }

    @Test func theSameMessageInBccIsNotAnExposure() {
        let recipients = ExposureFixtures.parents
        let decision = engine.decide(
            envelope: ExposureFixtures.envelope(recipients), findings: [], headerAddresses: ["k.teacher@school.example"])
        #expect(decision.action == .accept)
        #expect(decision.headerRewrite == nil)
        #expect(decision.findings.isEmpty)
    }

    @Test func belowTheThresholdIsNotAnExposure() {
        let four = Array(ExposureFixtures.parents.prefix(4))
        #expect(engine.decide(envelope: ExposureFixtures.envelope(four), findings: [], headerAddresses: four).headerRewrite == nil)
        let five = Array(ExposureFixtures.parents.prefix(5))
        #expect(engine.decide(envelope: ExposureFixtures.envelope(five), findings: [], headerAddresses: five).headerRewrite != nil)
        let strict = ExposureFixtures.engine { $0.exposedRecipients.threshold = 10 }
        #expect(strict.decide(envelope: ExposureFixtures.envelope(five), findings: [], headerAddresses: five).headerRewrite == nil)
    }

    @Test func holdQuarantinesUnderSectionEight() throws {
        let hold = ExposureFixtures.engine { $0.exposedRecipients.action = .hold }
        let recipients = ExposureFixtures.parents
        let decision = hold.decide(envelope: ExposureFixtures.envelope(recipients), findings: [], headerAddresses: recipients)
        #expect(decision.action == .quarantine)
        #expect(decision.sections == [.confidentiality])
        #expect(decision.headerRewrite == nil)
        #expect(decision.hits.contains { $0.rule == PolicyEngine.exposedRecipientsRule && $0.action == .quarantine })
        #expect(try #require(decision.findings.last).detail == "applied=hold")
        for address in recipients { #expect(!decision.explanation.contains(address)) }
    }

    @Test func tagAndAcceptDeliverUnchanged() {
        let recipients = ExposureFixtures.parents
        let tag = ExposureFixtures.engine { $0.exposedRecipients.action = .tag }
            .decide(envelope: ExposureFixtures.envelope(recipients), findings: [], headerAddresses: recipients)
        #expect(tag.action == .tag)
        #expect(tag.sections.isEmpty)
        #expect(tag.rules == [PolicyEngine.exposedRecipientsRule])
        #expect(tag.governingSections == [.confidentiality])
        #expect(tag.headerRewrite == nil)
        let accept = ExposureFixtures.engine { $0.exposedRecipients.action = .accept }
            .decide(envelope: ExposureFixtures.envelope(recipients), findings: [], headerAddresses: recipients)
        #expect(accept.action == .accept)
        #expect(accept.headerRewrite == nil)
        #expect(accept.findings.last?.detail == "applied=accept")
        #expect(accept.rules.isEmpty && accept.governingSections.isEmpty)
    }

    @Test func aMessageHeldForAnotherRuleIsNeverRewritten() throws {
        // The thirty parents also receive a pupil's personal address: §3 holds it.
        let recipients = ExposureFixtures.parents + ["lily.marsh.08@outlook.com"]
        let decision = engine.decide(envelope: ExposureFixtures.envelope(recipients), findings: [], headerAddresses: recipients)
        #expect(decision.action == .quarantine)
        #expect(decision.headerRewrite == nil)
        #expect(try #require(decision.findings.last).detail == "applied=none; message quarantine")
    }

    @Test func internalAddressesStayVisibleWhenConfigured() {
        let keep = ExposureFixtures.engine { $0.exposedRecipients.keepInternalVisible = true }
        let header = ["office@school.example"] + ExposureFixtures.parents
        let decision = keep.decide(envelope: ExposureFixtures.envelope(header), findings: [], headerAddresses: header)
        #expect(decision.headerRewrite?.visibleAddresses == ["office@school.example"])
    }

    @Test func theConfigurationSectionIsRead() throws {
        let yaml = """
        school:
          domains: [school.example]
        exposed_recipients:
          threshold: 8
          action: hold
          keep_internal_visible: true
        """
        let configuration = try ConfigurationLoader.load(yaml: yaml)
        #expect(configuration.exposedRecipients.threshold == 8)
        #expect(configuration.exposedRecipients.action == .hold)
        #expect(configuration.exposedRecipients.keepInternalVisible)
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(yaml: "school:\n  domains: [school.example]\nexposed_recipients:\n  action: delete\n")
        }
    }
}
