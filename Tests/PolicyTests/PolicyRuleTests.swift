import ChaperoneModel
@testable import Policy
import Testing

/// One row of the rule table: recipients and findings in, action and sections out.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let name: String
    let recipients: [String]
    let findings: [Finding]
    let action: Action
    let sections: [Section]
    var testDescription: String { name }
}

private func f(_ kind: DetectorKind, _ pupil: String? = nil, confidence: Double = 0.95) -> Finding {
    PolicyFixtures.finding(kind, pupil: pupil, confidence: confidence)
}

@Suite struct PolicyRuleTests {
    static let cases: [RuleCase] = [
        // Internal only: always accepted.
        RuleCase(name: "internal list of pupils with SEN", recipients: ["senco@school.example"],
                 findings: [f(.pupilName, "A123"), f(.specialCategory, "A123"), f(.bulkPupilData), f(.upn, "A123")],
                 action: .accept, sections: []),
        RuleCase(name: "nothing found to gmail", recipients: ["friend@gmail.com"], findings: [], action: .accept, sections: []),
        // §3
        RuleCase(name: "pupil at personal address", recipients: ["jess.stone.99@gmail.com"], findings: [],
                 action: .quarantine, sections: [.socialContact]),
        RuleCase(name: "pupil at school address, nothing found", recipients: ["jstone@pupils.school.example"], findings: [],
                 action: .accept, sections: []),
        RuleCase(name: "mobile number to pupil", recipients: ["jstone@pupils.school.example"], findings: [f(.mobileNumber)],
                 action: .quarantine, sections: [.socialContact]),
        RuleCase(name: "webmail address to pupil", recipients: ["jstone@pupils.school.example"], findings: [f(.personalEmail)],
                 action: .quarantine, sections: [.socialContact]),
        // §4
        RuleCase(name: "instagram handle to pupil", recipients: ["tfield@pupils.school.example"], findings: [f(.socialMedia)],
                 action: .quarantine, sections: [.socialContact, .socialMedia]),
        RuleCase(name: "social media to colleague", recipients: ["x@school.example"], findings: [f(.socialMedia)],
                 action: .accept, sections: []),
        // §5
        RuleCase(name: "photo with pupil name to gmail", recipients: ["aunt@gmail.com"],
                 findings: [f(.imageAttachment), f(.pupilName, "A123")], action: .quarantine, sections: [.images, .unacceptableUse]),
        RuleCase(name: "photo with pupil name to external", recipients: ["news@paper.example"],
                 findings: [f(.imageAttachment), f(.pupilName, "A123")], action: .quarantine, sections: [.images]),
        RuleCase(name: "photo without pupil to external", recipients: ["news@paper.example"],
                 findings: [f(.imageAttachment)], action: .accept, sections: []),
        RuleCase(name: "photo of own child to parent", recipients: ["mary.stone@hotmail.co.uk"],
                 findings: [f(.imageAttachment), f(.pupilName, "A123")], action: .accept, sections: []),
        RuleCase(name: "photo of other child to parent", recipients: ["mary.stone@hotmail.co.uk"],
                 findings: [f(.imageAttachment), f(.pupilName, "B456")], action: .quarantine, sections: [.images]),
        // §7
        RuleCase(name: "password to external", recipients: ["vendor@company.example"], findings: [f(.credential)],
                 action: .quarantine, sections: [.internetUse]),
        RuleCase(name: "password to colleague", recipients: ["x@school.example"], findings: [f(.credential)],
                 action: .accept, sections: []),
        RuleCase(name: "password to pupil's personal address", recipients: ["jess.stone.99@gmail.com"], findings: [f(.credential)],
                 action: .quarantine, sections: [.socialContact, .internetUse]),
        // §7.2
        RuleCase(name: "pupil name to gmail", recipients: ["friend@gmail.com"], findings: [f(.pupilName, "A123")],
                 action: .quarantine, sections: [.unacceptableUse]),
        RuleCase(name: "pupil name to own personal", recipients: ["kim.t@yahoo.co.uk"], findings: [f(.pupilName, "B456")],
                 action: .quarantine, sections: [.unacceptableUse]),
        RuleCase(name: "sensitive to gmail", recipients: ["friend@gmail.com"],
                 findings: [f(.pupilName, "A123"), f(.specialCategory, "A123")],
                 action: .quarantine, sections: [.unacceptableUse, .confidentiality]),
        RuleCase(name: "exe to external", recipients: ["a@company.example"], findings: [f(.executableAttachment)],
                 action: .quarantine, sections: [.unacceptableUse]),
        RuleCase(name: "exe to colleague", recipients: ["a@school.example"], findings: [f(.executableAttachment)],
                 action: .accept, sections: []),
        // §8
        RuleCase(name: "valid UPN unlinked to external", recipients: ["a@company.example"], findings: [f(.upn)],
                 action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "bulk to external", recipients: ["a@company.example"], findings: [f(.bulkPupilData)],
                 action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "MIS export to external", recipients: ["a@company.example"], findings: [f(.misExport)],
                 action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "pupil name alone to external", recipients: ["coach@club.example"], findings: [f(.pupilName, "A123")],
                 action: .accept, sections: []),
        RuleCase(name: "own child's SEN to parent", recipients: ["mary.stone@hotmail.co.uk"],
                 findings: [f(.pupilName, "A123"), f(.specialCategory, "A123"), f(.dateOfBirth, "A123")],
                 action: .accept, sections: []),
        RuleCase(name: "other child's SEN to parent", recipients: ["mary.stone@hotmail.co.uk"],
                 findings: [f(.pupilName, "B456"), f(.specialCategory, "B456")],
                 action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "bulk to a parent", recipients: ["pfield@example.net"], findings: [f(.bulkPupilData)],
                 action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "sensitive to partner is tagged", recipients: ["sw@leeds.gov.uk"],
                 findings: [f(.pupilName, "A123"), f(.specialCategory, "A123")], action: .tag, sections: []),
        RuleCase(name: "name alone to partner", recipients: ["sw@leeds.gov.uk"], findings: [f(.pupilName, "A123")],
                 action: .accept, sections: []),
        RuleCase(name: "other pupil's data to pupil", recipients: ["tfield@pupils.school.example"],
                 findings: [f(.pupilName, "A123"), f(.dateOfBirth, "A123")], action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "unscannable to external", recipients: ["a@company.example"], findings: [f(.unscannableContent)],
                 action: .quarantine, sections: [.confidentiality]),
        RuleCase(name: "unscannable internal", recipients: ["a@school.example"], findings: [f(.unscannableContent)],
                 action: .accept, sections: []),
        // Confidence threshold.
        RuleCase(name: "low-confidence UPN ignored", recipients: ["a@company.example"], findings: [f(.upn, confidence: 0.3)],
                 action: .accept, sections: []),
        // Most severe wins, sections are the union.
        RuleCase(name: "mixed recipients", recipients: ["x@school.example", "sw@leeds.gov.uk", "friend@gmail.com"],
                 findings: [f(.pupilName, "A123"), f(.specialCategory, "A123")],
                 action: .quarantine, sections: [.unacceptableUse, .confidentiality]),
    ]

    @Test(arguments: cases)
    func rule(_ row: RuleCase) {
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: row.recipients), findings: row.findings)
        #expect(decision.action == row.action)
        #expect(decision.sections == row.sections)
        if row.action == .accept {
            #expect(decision.explanation.isEmpty)
        } else {
            #expect(!decision.explanation.isEmpty)
            for section in row.sections {
                #expect(decision.explanation.contains("Section \(section.rawValue),"))
            }
        }
    }

    @Test func configuredActionsAreUsed() {
        var configuration = PolicyFixtures.configuration
        configuration.actions.confidentiality = .reject
        configuration.actions.pupilNameOutside = .tag
        let engine = PolicyFixtures.engine(configuration)
        let reject = engine.decide(envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["a@company.example"]), findings: [f(.upn)])
        #expect(reject.action == .reject)
        let tag = engine.decide(envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["a@company.example"]), findings: [f(.pupilName, "A123")])
        #expect(tag.action == .tag)
        #expect(tag.sections.isEmpty)
        #expect(tag.rules == ["8.pupil-name-outside"])
        #expect(tag.governingSections == [.confidentiality])
    }

    @Test func aPartnerTagBreachesNothingAndNamesItsRule() {
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["sw@leeds.gov.uk"]),
            findings: [f(.pupilName, "A123"), f(.specialCategory, "A123")])
        #expect(decision.action == .tag)
        #expect(decision.sections.isEmpty)
        #expect(decision.rules == ["8.sensitive-to-partner"])
        #expect(decision.governingSections == [.confidentiality])
        #expect(decision.findings.allSatisfy { $0.sections.isEmpty })
        #expect(decision.findings[1].rules == ["8.sensitive-to-partner"])
        #expect(decision.explanation.contains("Section 8,"))
    }

    @Test func aHeldMessageListsOnlyTheSectionsItBreachesAndEveryRuleThatActed() {
        // The partner's copy alone would be tagged (§8); the password to the supplier holds
        // the message under §7, so §8 governs a rule that acted but is not breached.
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["sw@leeds.gov.uk", "vendor@company.example"]),
            findings: [f(.pupilName, "A123"), f(.specialCategory, "A123"), f(.credential)])
        #expect(decision.action == .quarantine)
        #expect(decision.rules == ["7.credentials-outside", "8.sensitive-to-outside", "8.sensitive-to-partner"])
        #expect(decision.governingSections == [.internetUse, .confidentiality])
        #expect(decision.sections == [.internetUse, .confidentiality])
        let partnerOnly = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["sw@leeds.gov.uk", "x@school.example"]),
            findings: [f(.pupilName, "A123"), f(.specialCategory, "A123"), f(.credential)])
        #expect(partnerOnly.action == .quarantine)
        #expect(partnerOnly.sections == [.internetUse])
        #expect(partnerOnly.rules == ["7.credentials-outside", "8.sensitive-to-partner"])
        #expect(partnerOnly.governingSections == [.internetUse, .confidentiality])
        #expect(partnerOnly.findings[1].sections.isEmpty && partnerOnly.findings[1].rules == ["8.sensitive-to-partner"])
        #expect(partnerOnly.findings[2].sections == [.internetUse])
    }

    @Test func findingsCarryTheSectionsTheyCaused() {
        let decision = PolicyFixtures.engine().decide(
            envelope: Envelope(sender: PolicyFixtures.sender, recipients: ["a@company.example"]),
            findings: [f(.upn), f(.mobileNumber)])
        #expect(decision.findings[0].sections == [.confidentiality])
        #expect(decision.findings[1].sections.isEmpty)
    }
}
