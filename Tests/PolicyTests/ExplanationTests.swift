import ChaperoneModel
@testable import Policy
import Testing

@Suite struct ExplanationTests {
    @Test func explainsRecipientFindingLocationSectionAndRemedy() {
        let findings = [
            Finding(detector: .upn, location: .attachment("report.csv", partPath: "2"), evidence: "A1234…Z", confidence: 1, pupil: "A123"),
            Finding(detector: .pupilName, location: .header("subject"), evidence: "J****** S****", confidence: 0.9, pupil: "A123"),
        ]
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["friend@gmail.com"]), findings: findings)
        let text = decision.explanation
        #expect(text.contains("friend@gmail.com (a personal email address)"))
        #expect(text.contains("a Unique Pupil Number: A1234…Z, in an attached .csv file (part 2)"))
        #expect(text.contains("a pupil's name: J****** S****, in the subject line"))
        #expect(!text.contains("report.csv"), "a filename may itself be a pupil's name")
        #expect(text.contains("Section 7.2, Unacceptable Use"))
        #expect(text.contains("Section 8, Confidentiality and Security"))
        #expect(text.contains("What to do instead"))
        #expect(text.contains("release"))
        #expect(!text.contains("Jessica"))
    }

    @Test func ownPersonalAddressIsSaidPlainly() {
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: "k.teacher@school.example", recipients: ["kim.t@yahoo.co.uk"]),
            findings: [PolicyFixtures.finding(.pupilName, pupil: "A123")])
        #expect(decision.explanation.contains("your own personal address"))
        #expect(decision.explanation.contains("to your own personal email address"))
    }

    @Test func customSectionTextReplacesTheDefaultAdvice() {
        var configuration = PolicyFixtures.configuration
        configuration.explanations[.internetUse] = "Ring the IT office on extension 201 instead."
        let decision = PolicyFixtures.engine(configuration).decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["a@company.example"]),
            findings: [PolicyFixtures.finding(.credential)])
        #expect(decision.explanation.contains("Ring the IT office on extension 201 instead."))
    }

    @Test func taggedMessageSaysDelivered() {
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["sw@leeds.gov.uk"]),
            findings: [PolicyFixtures.finding(.upn, pupil: "A123")])
        #expect(decision.action == .tag)
        #expect(decision.explanation.hasPrefix("Your message was delivered"))
    }
}
