import ChaperoneModel
import Foundation
@testable import Learning
import Policy
import Store
import Testing

/// Each suggestion kind from a store fed with a history of reviews, on SQLite and on
/// PostgreSQL (the precision is SQL in each store), with the near misses that must not
/// be suggested; and accepting one: the learned file, the audit note, and the
/// suggestion gone once the file is in force.
@Suite struct SuggestionTests {
    static let decidedAt = Date(timeIntervalSince1970: 1_796_100_000)
    static let now = decidedAt.addingTimeInterval(3_600)

    /// The history: evidence for each kind, and cases just past or short of a threshold.
    static func feed(_ decisions: any DecisionStore, _ review: any WebStore) async throws -> ReviewHistory {
        var history = ReviewHistory(decisions: decisions, review: review, decidedAt: decidedAt)
        let outside = "8.sensitive-to-outside"
        // A partner in all but name: ten holds to it released, none confirmed.
        try await history.hold(6, "carers", rule: outside, domain: "carers-trust.example", outcome: .falsePositive)
        try await history.hold(4, "carers", rule: outside, domain: "carers-trust.example", outcome: .released)
        // Released often too, but three were real breaches: not a partner.
        try await history.hold(10, "council", rule: outside, domain: "council.example", outcome: .released)
        try await history.hold(3, "council", rule: outside, domain: "council.example", outcome: .confirmed)
        // A term that is an ordinary word here, and one that is not.
        try await history.hold(5, "statement", rule: outside, domain: "a.example", findings: [ReviewHistory.term("statement")],
                               outcome: .falsePositive)
        try await history.hold(5, "self-harm", rule: outside, domain: "b.example", findings: [ReviewHistory.term("Self-harm")],
                               outcome: .confirmed)
        // A rule nearly always released; its names: one pupil mostly a false positive.
        let name = "8.pupil-name-outside"
        try await history.hold(5, "summer", rule: name, domain: "club.example", findings: [ReviewHistory.name("R100", "S***** B****")],
                               outcome: .falsePositive)
        try await history.hold(1, "other-name", rule: name, domain: "club.example", findings: [ReviewHistory.name("R200", "A*** K***")],
                               outcome: .released)
        // A safeguarding rule released every time: never suggested.
        try await history.hold(8, "contact", rule: "3.student-personal-address", domain: "gmail.example",
                               recipientClass: .student, outcome: .falsePositive)
        return history
    }

    @Test(arguments: LearningBackend.allCases)
    func eachKindIsSuggestedFromTheReviewsAndNoNearMissIs(_ backend: LearningBackend) async throws {
        try await backend.withStore { decisions, review in
            let history = try await Self.feed(decisions, review)
            let precision = try await review.reviewPrecision(since: Self.decidedAt.addingTimeInterval(-60), schools: nil)

            let rule = try #require(precision.entries(.rule).first { $0.key == "8.sensitive-to-outside" })
            #expect(rule.falsePositives.count == 11 && rule.released.count == 14 && rule.confirmed.count == 8)
            let statement = try #require(precision.entries(.term).first { $0.key == "statement" })
            #expect(statement.precision == 0 && statement.falsePositives == history.ids["statement"])
            #expect(precision.entries(.term).first { $0.key == "self-harm" }?.precision == 1, "terms are lower-cased")
            let summer = try #require(precision.entries(.pupil).first { $0.key == "R100" })
            #expect(summer.evidence == "S***** B****" && summer.falsePositives.count == 5)
            #expect(precision.entries(.detector).first { $0.key == "pupil-name" }?.reviewed == 6)
            #expect(precision.entries(.domain).first { $0.key == "carers-trust.example" }?.reviewed == 10)
            #expect(precision.entries(.domain).allSatisfy { $0.key != "gmail.example" }, "only outside organisations' domains")

            let suggestions = SuggestionEngine(configuration: Configuration()).suggestions(from: precision)
            #expect(suggestions.map(\.id) == [
                "partner:carers-trust.example", "tag:8.pupil-name-outside", "ignore-term:statement", "context:R100",
            ])
            let partner = try #require(suggestions.first)
            #expect(partner.decisionIDs == history.ids["carers"]!.sorted())
            #expect(partner.reason.contains("10 held messages were released") && partner.reason.contains("0 confirmed"))
            let tag = suggestions[1]
            #expect(tag.decisionIDs == (history.ids["summer"]! + history.ids["other-name"]!).sorted())
        }
    }

    @Test func thresholdsAreTheConfiguredOnes() async throws {
        try await LearningBackend.sqlite.withStore { decisions, review in
            _ = try await Self.feed(decisions, review)
            let precision = try await review.reviewPrecision(since: Self.decidedAt.addingTimeInterval(-60), schools: nil)
            var strict = Configuration()
            strict.learning.partnerReleases = 11
            strict.learning.minimumReviews = 7
            #expect(SuggestionEngine(configuration: strict).suggestions(from: precision).isEmpty)
            var loose = Configuration()
            loose.learning.maximumPrecision = 0.25
            let ids = SuggestionEngine(configuration: loose).suggestions(from: precision).map(\.id)
            #expect(ids.contains("partner:council.example") && ids.contains("tag:8.sensitive-to-outside"))
            #expect(!ids.contains { $0.hasPrefix("tag:3.") }, "§3 is never relaxed, whatever the thresholds")
        }
    }

    @Test(arguments: LearningBackend.allCases)
    func acceptingWritesTheLearnedFileAuditsItAndTheSuggestionIsThenInForce(_ backend: LearningBackend) async throws {
        try await backend.withStore { decisions, review in
            _ = try await Self.feed(decisions, review)
            let directory = try LearningDirectory()
            defer { directory.remove() }
            var configuration = Configuration()
            configuration.learning.learnedFile = directory.path + "/learned.yaml"
            let acceptance = SuggestionAcceptance(configuration: configuration, store: review)

            let accepted = try await acceptance.accept(id: "partner:carers-trust.example", actor: "dpo (uid 1002)", now: Self.now)
            #expect(accepted.path == directory.path + "/learned.yaml")
            let text = try #require(try LearnedFile(path: accepted.path).read())
            let changes = try LearnedFileLoader.load(yaml: text, source: accepted.path)
            #expect(changes.partnerDomains == ["carers-trust.example"])
            let audit = try await review.storeWideEvents(limit: 10)
            #expect(audit.first?.actor == "dpo (uid 1002)")
            #expect(audit.first?.detail?.hasPrefix("accepted suggestion partner:carers-trust.example") == true)

            let notReloaded = try await acceptance.current(now: Self.now).map(\.id)
            #expect(!notReloaded.contains("partner:carers-trust.example"), "the file on disk counts before any reload")
            await #expect(throws: SuggestionAcceptance.Refusal.self, "never written twice") {
                try await acceptance.accept(id: "partner:carers-trust.example", actor: "dpo", now: Self.now)
            }
            #expect(try LearnedFile(path: accepted.path).read() == text)

            let inForce = SuggestionAcceptance(configuration: configuration.applyingLearned(changes), store: review)
            let remaining = try await inForce.current(now: Self.now).map(\.id)
            #expect(!remaining.contains("partner:carers-trust.example"))
            #expect(remaining.contains("tag:8.pupil-name-outside"))
            await #expect(throws: SuggestionAcceptance.Refusal.self) {
                try await inForce.accept(id: "partner:carers-trust.example", actor: "dpo", now: Self.now)
            }
            await #expect(throws: SuggestionAcceptance.Refusal.self) {
                try await inForce.accept(id: "tag:3.student-personal-address", actor: "dpo", now: Self.now)
            }
        }
    }
}
