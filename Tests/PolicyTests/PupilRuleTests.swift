import ChaperoneModel
@testable import Policy
import Testing

/// The pupil rules: the staff-conduct sections do not apply; a pupil's own data is
/// theirs; other pupils' sensitive or bulk data sent outside the school is held (§8).
@Suite struct PupilRuleTests {
    static let pupil = "jstone@pupils.school.example"

    static func decide(_ findings: [Finding], from sender: String = pupil, to recipients: [String]) -> PolicyDecision {
        var configuration = PolicyFixtures.configuration
        configuration.senders.pupilDomains = ["pupils.school.example"]
        return PolicyFixtures.engine(configuration).decide(
            envelope: Envelope(sender: sender, recipients: recipients), findings: findings)
    }

    static func f(_ kind: DetectorKind, _ pupil: String? = nil) -> Finding { PolicyFixtures.finding(kind, pupil: pupil) }

    @Test func theFourEverydayPupilMessagesAreAccepted() {
        // Own essay to own personal address (a student's personal address: §3 for staff).
        #expect(Self.decide([Self.f(.pupilName, "A123")], to: ["jess.stone.99@gmail.com"]).action == .accept)
        // Signing their own name to a friend's webmail (§7.2 for staff).
        #expect(Self.decide([Self.f(.pupilName, "A123")], to: ["friend@gmail.com"]).action == .accept)
        // Their own birthday to a friend (§7.2 + §8 for staff).
        #expect(Self.decide([Self.f(.pupilName, "A123"), Self.f(.dateOfBirth, "A123")], to: ["friend@gmail.com"]).action == .accept)
        // A classmate named in a quiz-team message: a name is not sensitive.
        #expect(Self.decide([Self.f(.pupilName, "B456")], to: ["quiz@gmail.com"]).action == .accept)
    }

    @Test func theSameMessagesFromStaffKeepTheStaffRules() {
        let staff = PolicyFixtures.sender
        #expect(Self.decide([Self.f(.pupilName, "A123")], from: staff, to: ["jess.stone.99@gmail.com"]).sections == [.socialContact])
        #expect(Self.decide([Self.f(.pupilName, "A123"), Self.f(.dateOfBirth, "A123")], from: staff, to: ["friend@gmail.com"]).sections
                == [.unacceptableUse, .confidentiality])
    }

    @Test func otherPupilsSensitiveOrBulkDataSentOutsideIsHeldUnderSection8() {
        let classList = [Self.f(.misExport), Self.f(.bulkPupilData), Self.f(.upn, "B456"), Self.f(.pupilName, "B456")]
        let held = Self.decide(classList, to: ["me.at.home@gmail.com"])
        #expect(held.action == .quarantine)
        #expect(held.sections == [.confidentiality])
        #expect(held.hits.map(\.rule) == ["8.pupil-sends-other-pupils-data"])
        #expect(Self.decide([Self.f(.specialCategory, "B456")], to: ["news@paper.example"]).sections == [.confidentiality])
        #expect(Self.decide([Self.f(.upn)], to: ["friend@gmail.com"]).action == .quarantine, "an identifier of nobody on the roster")
    }

    @Test func insideTheSchoolAndTheRecipientsOwnDataAreAccepted() {
        let classList = [Self.f(.bulkPupilData), Self.f(.upn, "B456")]
        #expect(Self.decide(classList, to: ["k.teacher@school.example"]).action == .accept)
        #expect(Self.decide(classList, to: ["tfield@pupils.school.example"]).action == .accept)
        // A classmate's own birthday to that classmate's parent is theirs.
        #expect(Self.decide([Self.f(.dateOfBirth, "B456")], to: ["pfield@example.net"]).action == .accept)
    }

    @Test func staffConductRulesDoNotFireForPupils() {
        let findings = [Self.f(.mobileNumber), Self.f(.socialMedia), Self.f(.credential), Self.f(.imageAttachment),
                        Self.f(.executableAttachment), Self.f(.pupilName, "B456")]
        #expect(Self.decide(findings, to: ["tfield@pupils.school.example"]).action == .accept)
        #expect(Self.decide(findings, to: ["friend@gmail.com"]).action == .accept)
    }

    @Test func unreadableContentLeavingTheSchoolIsStillHeld() {
        let held = Self.decide([Self.f(.unscannableContent)], to: ["friend@gmail.com"])
        #expect(held.action == .quarantine)
        #expect(held.hits.map(\.rule) == ["8.unscannable-outside"])
    }

    @Test func theExplanationIsWrittenForAPupil() {
        let held = Self.decide([Self.f(.bulkPupilData), Self.f(.upn, "B456")], to: ["friend@gmail.com"])
        #expect(held.explanation.contains("A member of staff will look at it"))
        #expect(held.explanation.contains("ask the IT office"))
        for staffWording in ["Section", "breach", "Guidance", "Staff must", "student"] {
            #expect(!held.explanation.contains(staffWording), "\(staffWording)")
        }
    }

    @Test func theActionIsConfigurable() {
        var configuration = PolicyFixtures.configuration
        configuration.senders.pupilDomains = ["pupils.school.example"]
        configuration.pupils.otherPupilsOutside = .tag
        let decision = PolicyFixtures.engine(configuration).decide(
            envelope: Envelope(sender: Self.pupil, recipients: ["friend@gmail.com"]), findings: [Self.f(.bulkPupilData)])
        #expect(decision.action == .tag)
    }
}
