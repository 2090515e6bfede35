import Foundation
import ChaperoneModel
@testable import Policy
import Testing

/// What the policy does with shadow rules and with accepted suggestions (`learned.yaml`):
/// a shadow rule is decided and recorded as it would act while the message keeps the
/// live action; a learned rule action replaces the live one, except for the rules that
/// protect pupils (§3, §4, a restricted contact); a pupil needing context weighs nothing
/// named alone.
@Suite struct LearningPolicyTests {
    static let club = "coach@harriers.example"
    static let envelope = Envelope(sender: PolicyFixtures.sender, recipients: [club])
    static let nameAlone = [PolicyFixtures.finding(.pupilName, pupil: "A123")]

    @Test func aShadowRuleIsRecordedWhileTheMessageKeepsItsLiveAction() {
        var configuration = PolicyFixtures.configuration
        configuration.actions.pupilNameOutside = .accept
        configuration.shadow = ["8.pupil-name-outside": .quarantine]
        let decision = PolicyFixtures.engine(configuration).decide(envelope: Self.envelope, findings: Self.nameAlone)
        #expect(decision.action == .accept, "the live action is unchanged")
        #expect(decision.rules.isEmpty)
        #expect(decision.shadow == ShadowOutcome(
            action: .quarantine, rules: [.init(rule: "8.pupil-name-outside", shadowAction: .quarantine, liveAction: .accept)]))

        let without = PolicyFixtures.engine(PolicyFixtures.configuration).decide(envelope: Self.envelope, findings: Self.nameAlone)
        #expect(without.action == .accept && without.shadow == nil, "no shadow: nothing recorded")
    }

    @Test func aShadowRuleThatDoesNotFireRecordsNothing() {
        var configuration = PolicyFixtures.configuration
        configuration.shadow = ["8.sensitive-to-partner": .quarantine]
        let decision = PolicyFixtures.engine(configuration).decide(envelope: Self.envelope, findings: Self.nameAlone)
        #expect(decision.shadow == nil)
    }

    @Test func aShadowActionBelowTheLiveOneShowsTheMessageWouldGoOut() {
        var configuration = PolicyFixtures.configuration
        configuration.actions.pupilNameOutside = .quarantine
        configuration.shadow = ["8.pupil-name-outside": .tag]
        let decision = PolicyFixtures.engine(configuration).decide(envelope: Self.envelope, findings: Self.nameAlone)
        #expect(decision.action == .quarantine)
        #expect(decision.shadow?.action == .tag)
        #expect(decision.shadow?.rules.first?.liveAction == .quarantine)
    }

    @Test func aLearnedRuleActionReplacesTheLiveOne() {
        var configuration = PolicyFixtures.configuration
        configuration.actions.pupilNameOutside = .quarantine
        configuration.learned.ruleActions = ["8.pupil-name-outside": .tag]
        let decision = PolicyFixtures.engine(configuration).decide(envelope: Self.envelope, findings: Self.nameAlone)
        #expect(decision.action == .tag)
        #expect(decision.rules == ["8.pupil-name-outside"])
    }

    @Test func learningNeverRelaxesSocialContactWithAPupil() {
        var configuration = PolicyFixtures.configuration
        configuration.learned.ruleActions = ["3.student-personal-address": .accept]
        let envelope = Envelope(sender: PolicyFixtures.sender, recipients: ["jess.stone.99@gmail.com"])
        let decision = PolicyFixtures.engine(configuration).decide(envelope: envelope, findings: [])
        #expect(decision.action == .quarantine)
        #expect(decision.rules.contains("3.student-personal-address"))
    }

    @Test func aPupilNeedingContextCountsOnlyWithAnotherReference() {
        var configuration = PolicyFixtures.configuration
        configuration.actions.pupilNameOutside = .quarantine
        configuration.learned.contextRequiredPupils = ["A123"]
        let engine = PolicyFixtures.engine(configuration)
        let alone = engine.decide(envelope: Self.envelope, findings: Self.nameAlone + [PolicyFixtures.finding(.specialCategory, pupil: "A123")])
        #expect(alone.action == .accept, "the name alone, and a term near it, weigh nothing")
        let withUPN = engine.decide(envelope: Self.envelope, findings: Self.nameAlone + [PolicyFixtures.finding(.upn, pupil: "A123")])
        #expect(withUPN.action == .quarantine, "with the pupil's UPN the name is the pupil")
        let other = engine.decide(envelope: Self.envelope, findings: [PolicyFixtures.finding(.pupilName, pupil: "B456")])
        #expect(other.action == .quarantine, "other pupils are unaffected")
    }

    @Test func learnedChangesApplyToEverySchoolAndAddPartnersOnce() {
        var configuration = PolicyFixtures.configuration
        configuration.schools = [.init(id: "north", configuration: PolicyFixtures.configuration)]
        var changes = Configuration.LearnedChanges()
        changes.partnerDomains = ["carers.example", "nhs.net"]
        changes.acceptedSuggestions = ["partner:carers.example", "partner:nhs.net"]
        let applied = configuration.applyingLearned(changes)
        #expect(applied.school.partnerDomains == ["leeds.gov.uk", "nhs.net", "carers.example"])
        #expect(applied.schools[0].configuration.school.partnerDomains == ["leeds.gov.uk", "nhs.net", "carers.example"])
        #expect(applied.schools[0].configuration.learned == changes)
    }
}

/// The `learning:` and `shadow:` sections of the configuration file.
@Suite struct LearningConfigurationTests {
    static let base = "school:\n  domains: [school.example]\n"

    @Test func learningAndShadowAreRead() throws {
        let configuration = try ConfigurationLoader.load(yaml: Self.base + """
            learning:
              learned_file: learned/accepted.yaml
              review_days: 30
              minimum_reviews: 8
              maximum_precision: 0.2
              partner_releases: 12
            shadow:
              8.pupil-name-outside: quarantine
              7.2.executable-outside: reject
            """, baseDirectory: "/etc/chaperone")
        #expect(configuration.learning.learnedFile == "/etc/chaperone/learned/accepted.yaml")
        #expect(configuration.learning.reviewDays == 30 && configuration.learning.minimumReviews == 8)
        #expect(configuration.learning.maximumPrecision == 0.2 && configuration.learning.partnerReleases == 12)
        #expect(configuration.shadow == ["8.pupil-name-outside": .quarantine, "7.2.executable-outside": .reject])
    }

    @Test func theLearnedFileDefaultsToOneBesideTheConfiguration() throws {
        let configuration = try ConfigurationLoader.load(yaml: Self.base, baseDirectory: "/etc/chaperone")
        #expect(configuration.learning.learnedFile == "/etc/chaperone/learned.yaml")
        let off = try ConfigurationLoader.load(yaml: Self.base + "learning:\n  learned_file: null\n", baseDirectory: "/etc/chaperone")
        #expect(off.learning.learnedFile == nil)
    }

    @Test(arguments: [
        ("shadow:\n  pupil-name-outside: quarantine\n", "is not a rule", 4),
        ("shadow:\n  8.pupil-name-outsid: quarantine\n", "one of 3.secret-or-private-contact, 3.staff-contact-details", 4),
        ("shadow:\n  8.pupil-name-outside: hold\n", "is not one of", 4),
        ("shadow: [8.pupil-name-outside]\n", "expected rule: action lines", 3),
        ("learning:\n  maximum_precision: 2\n", "out of range", 4),
        ("learning:\n  colour: red\n", "unknown key 'colour'", 4),
    ])
    func mistakesAreReportedWithTheirLine(_ yaml: String, _ message: String, _ line: Int) {
        #expect {
            try ConfigurationLoader.load(yaml: Self.base + yaml)
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.message.contains(message) == true && error?.line == line
        }
    }
}

/// The rule list that `shadow:` and `learned.yaml` are checked against names exactly the
/// rules the policy's sources write.
@Suite struct RuleNameListTests {
    @Test func theListIsTheRulesWrittenInThePolicySources() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Policy")
        var written: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift")
            && name != "PolicyEngine+RuleNames.swift" {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: /"([0-9](\.[0-9])?\.[a-z][a-z-]+)"/) { written.insert(String(match.output.1)) }
        }
        #expect(written == PolicyEngine.ruleNames)
    }
}
