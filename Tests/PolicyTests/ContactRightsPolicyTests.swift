import ChaperoneModel
@testable import Policy
import Testing

/// Contact rights from the MIS: a restricted contact is never a linked parent (held,
/// DSL alerted, whatever the configuration); a contact without parental responsibility
/// gets what `actions.without_parental_responsibility` allows. Explanations never say why.
@Suite struct ContactRightsPolicyTests {
    /// Ellie Marsh's mother may have everything; her father is under a court order;
    /// her step-father has no parental responsibility. The father's other child, Sam
    /// Marsh, is not restricted.
    static let roster = Roster(
        students: [
            Student(key: "E1", legalForename: "Ellie", surname: "Marsh", contactKeys: ["M", "F", "S"]),
            Student(key: "S2", legalForename: "Sam", surname: "Marsh", contactKeys: ["F"]),
        ],
        contacts: [
            Contact(key: "M", name: "Rachel Marsh", emails: ["rachel.marsh@example.net"], pupilKeys: ["E1"]),
            {
                var father = Contact(key: "F", name: "Dean Marsh", emails: ["dean.marsh@example.org"], pupilKeys: ["E1", "S2"])
                father.restrictedPupilKeys = ["E1"]
                return father
            }(),
            {
                var step = Contact(key: "S", name: "Lee Carter", emails: ["lee.carter@example.com"], pupilKeys: ["E1"])
                step.parentalResponsibility = ["E1": false]
                return step
            }(),
        ])

    static func decide(_ to: String, _ findings: [Finding], _ configuration: Configuration = PolicyFixtures.configuration) -> PolicyDecision {
        PolicyEngine(configuration: configuration, roster: roster, webmailDomains: PolicyFixtures.webmail)
            .decide(envelope: Envelope(sender: PolicyFixtures.sender, recipients: [to]), findings: findings)
    }

    static let report = [PolicyFixtures.finding(.pupilName, pupil: "E1"), PolicyFixtures.finding(.specialCategory, pupil: "E1")]

    @Test func aReportAboutTheChildToTheRestrictedContactIsHeldAndAlertsTheDSL() {
        let decision = Self.decide("dean.marsh@example.org", Self.report)
        #expect(decision.action == .quarantine)
        #expect(decision.sections == [.confidentiality])
        #expect(decision.alertsSafeguardingLead)
        #expect(decision.hits.map(\.rule) == ["8.restricted-contact"])
        #expect(decision.explanation.contains("may not receive"))
        for word in ["court", "order", "restrict", "responsib", "estranged", "not their own"] {
            #expect(!decision.explanation.lowercased().contains(word), "explanation says why: \(word)")
        }
    }

    @Test func evenTheNameAloneIsHeldWhateverTheConfiguration() {
        var lenient = PolicyFixtures.configuration
        lenient.actions.confidentiality = .accept
        lenient.notifications.alertSections = []
        let decision = Self.decide("dean.marsh@example.org", [PolicyFixtures.finding(.pupilName, pupil: "E1")], lenient)
        #expect(decision.action == .quarantine)
        #expect(decision.alertsSafeguardingLead)
    }

    @Test func theRestrictedContactStaysAParentOfTheirOtherChild() {
        let decision = Self.decide("dean.marsh@example.org", [PolicyFixtures.finding(.pupilName, pupil: "S2"), PolicyFixtures.finding(.specialCategory, pupil: "S2")])
        #expect(decision.action == .accept)
        #expect(decision.recipients.first?.recipientClass == .parent)
        #expect(decision.recipients.first?.linkedPupils == ["S2"])
    }

    @Test func theSameReportToTheOtherParentIsAccepted() {
        let decision = Self.decide("rachel.marsh@example.net", Self.report)
        #expect(decision.action == .accept)
        #expect(!decision.alertsSafeguardingLead)
    }

    @Test func aContactWithoutParentalResponsibilityGetsWhatTheConfigurationAllows() {
        let held = Self.decide("lee.carter@example.com", Self.report)
        #expect(held.action == .quarantine)
        #expect(held.hits.map(\.rule) == ["8.without-parental-responsibility"])
        #expect(!held.alertsSafeguardingLead)
        #expect(!held.explanation.lowercased().contains("responsib"))
        let nameOnly = Self.decide("lee.carter@example.com", [PolicyFixtures.finding(.pupilName, pupil: "E1")])
        #expect(nameOnly.action == .accept)
        var allowing = PolicyFixtures.configuration
        allowing.actions.withoutParentalResponsibility = .tag
        #expect(Self.decide("lee.carter@example.com", Self.report, allowing).action == .tag)
        allowing.actions.withoutParentalResponsibility = .accept
        #expect(Self.decide("lee.carter@example.com", Self.report, allowing).action == .accept)
    }

    @Test func aRestrictionOnAnyRecordOfAnAddressWins() {
        let roster = Roster(
            students: [Student(key: "E1", legalForename: "Ellie", surname: "Marsh")],
            contacts: [
                Contact(key: "A", name: "Dean Marsh", emails: ["dean.marsh@example.org"], pupilKeys: ["E1"]),
                { var b = Contact(key: "B", name: "D Marsh", emails: ["Dean.Marsh@example.org"], pupilKeys: ["E1"]); b.restrictedPupilKeys = ["E1"]; return b }(),
            ])
        #expect(roster.pupilKeys(ofContactAddress: "dean.marsh@example.org").isEmpty)
        #expect(roster.contactRights(ofAddress: "dean.marsh@example.org").restrictedPupils == ["E1"])
    }
}
