import ChaperoneModel
@testable import Policy
import Testing

/// Policy judges the addresses a message really reaches, and the explanation names
/// the list they were reached through, not its members.
@Suite struct ExpandedRecipientPolicyTests {
    static func decide(_ expanded: [ExpandedRecipient], _ findings: [Finding]) -> PolicyDecision {
        let envelope = Envelope(
            sender: PolicyFixtures.sender, recipients: ["governors@school.example"],
            expansion: RecipientExpansion(recipients: expanded))
        return PolicyFixtures.engine().decide(envelope: envelope, findings: findings)
    }

    static let pupilList = [PolicyFixtures.finding(.pupilName, pupil: "A123"), PolicyFixtures.finding(.bulkPupilData)]

    @Test func aPupilListToAListReachingPersonalAddressesIsHeldNamingTheList() {
        let decision = Self.decide([
            ExpandedRecipient(address: "chair@school.example", list: "governors@school.example"),
            ExpandedRecipient(address: "a.governor@gmail.com", list: "governors@school.example"),
            ExpandedRecipient(address: "b.governor@outlook.com", list: "governors@school.example"),
        ], Self.pupilList)
        #expect(decision.action == .quarantine)
        #expect(decision.recipients.map(\.list) == Array(repeating: "governors@school.example", count: 3))
        #expect(decision.explanation.contains("governors@school.example (a list that reaches 2 personal email addresses)"), "\(decision.explanation)")
        #expect(!decision.explanation.contains("a.governor@gmail.com"))
    }

    @Test func theSameToAListOfInternalAddressesIsAccepted() {
        let decision = Self.decide([
            ExpandedRecipient(address: "chair@school.example", list: "governors@school.example"),
            ExpandedRecipient(address: "clerk@school.example", list: "governors@school.example"),
        ], Self.pupilList)
        #expect(decision.action == .accept)
    }

    @Test func withoutExpansionTheEnvelopeIsJudged() {
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["governors@school.example"]), findings: Self.pupilList)
        #expect(decision.action == .accept)
        #expect(decision.recipients.map(\.address) == ["governors@school.example"])
    }

    @Test func mixedListsAreWordedByClass() {
        let members = [
            Recipient(address: "a@gmail.com", recipientClass: .personal, list: "l"),
            Recipient(address: "b@gmail.com", recipientClass: .personal, list: "l"),
            Recipient(address: "c@firm.example", recipientClass: .external, list: "l"),
        ]
        #expect(RecipientWording.reach(members) == "2 personal email addresses and 1 address outside the school")
        #expect(RecipientWording.who(["x@firm.example", "a@gmail.com"], in: members + [Recipient(address: "x@firm.example", recipientClass: .external)])
            == "x@firm.example (outside the school), l (a list that reaches 1 personal email address)")
    }
}
