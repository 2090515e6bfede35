import ChaperoneModel
import Foundation
@testable import Learning
import Policy
import Testing

/// The learned include file: each accepted suggestion appended as a commented entry that
/// the loader reads back as the change it names, and hand edits that break it refused.
@Suite struct LearnedFileWriterTests {
    static let when = Date(timeIntervalSince1970: 1_796_000_000)

    static func suggestion(_ kind: Suggestion.Kind, _ key: String) -> Suggestion {
        Suggestion(kind: kind, key: key, change: "change \(key)", reason: "because\nof \"reviews\"",
                   falsePositives: ["CH-1", "CH-2"], released: [], confirmed: ["CH-3"], evidence: nil)
    }

    @Test func everyKindIsWrittenAndReadBackAsItsChange() throws {
        var text: String? = nil
        for (kind, key) in [(Suggestion.Kind.partnerDomain, "carers-trust.example"), (.tagRule, "8.pupil-name-outside"),
                            (.ignoreTerm, "statement"), (.requireContext, "R383432125004")] {
            text = try LearnedFileWriter.appending(
                Self.suggestion(kind, key), actor: "alice (uid 1001)", at: Self.when, to: text, source: "learned.yaml")
        }
        let written = try #require(text)
        #expect(written.hasPrefix("# learned.yaml"))
        #expect(written.contains("  # because of \"reviews\""), "the reason is a one-line comment above the entry")
        let changes = try LearnedFileLoader.load(yaml: written, source: "learned.yaml")
        #expect(changes.partnerDomains == ["carers-trust.example"])
        #expect(changes.ruleActions == ["8.pupil-name-outside": .tag])
        #expect(changes.ignoredSpecialCategoryTerms == ["statement"])
        #expect(changes.contextRequiredPupils == ["R383432125004"])
        #expect(changes.acceptedSuggestions == [
            "partner:carers-trust.example", "tag:8.pupil-name-outside", "ignore-term:statement", "context:R383432125004",
        ])
        #expect(written.contains(#"accepted_by: "alice (uid 1001)""#))
        #expect(written.contains("false positive: CH-1 CH-2; released: none; confirmed: CH-3"))
    }

    @Test func aFileThatOnlyHasCommentsStartsAgainWithTheHeader() throws {
        let text = try LearnedFileWriter.appending(
            Self.suggestion(.partnerDomain, "a.example"), actor: "bob", at: Self.when, to: "# nothing yet\n\n", source: "l.yaml")
        #expect(text.hasPrefix(LearnedFileWriter.header))
    }

    @Test func aBrokenHandEditIsReportedNotOverwritten() {
        #expect(throws: LearnedFileWriter.WriteError.self) {
            try LearnedFileWriter.appending(
                Self.suggestion(.partnerDomain, "a.example"), actor: "bob", at: Self.when, to: "accepted: nonsense\n", source: "l.yaml")
        }
    }

    @Test func safeguardingRulesCannotBeRelaxedByALearnedEntry() {
        let yaml = """
            accepted:
              - suggestion: tag:3.student-personal-address
                rule: 3.student-personal-address
                action: tag
            """
        #expect {
            try LearnedFileLoader.load(yaml: yaml, source: "learned.yaml")
        } throws: { error in
            let error = error as? ConfigurationError
            return error?.line == 3 && error?.message.contains("cannot be relaxed") == true
        }
    }

    @Test(arguments: [
        ("accepted:\n  - suggestion: x\n", "exactly one change"),
        ("accepted:\n  - partner_domain: a.example\n", "no 'suggestion:'"),
        ("accepted:\n  - suggestion: x\n    rule: 8.pupil-name-outside\n", "without an action"),
        ("accepted:\n  - suggestion: x\n    partner_domain: someone@a.example\n", "not a domain name"),
        ("accepted:\n  - suggestion: x\n    colour: red\n", "unknown key 'colour'"),
    ])
    func malformedEntriesAreRefusedWithTheReason(_ yaml: String, _ expected: String) {
        #expect {
            try LearnedFileLoader.load(yaml: yaml, source: "learned.yaml")
        } throws: { error in
            (error as? ConfigurationError)?.message.contains(expected) == true
        }
    }
}
