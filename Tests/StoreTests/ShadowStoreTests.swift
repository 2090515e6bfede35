import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// Shadow outcomes are stored with the decision on both stores (migration
/// `v7-learning-decision-shadow`), read back with it, and counted for the dashboard
/// beside the live action.
@Suite struct ShadowStoreTests {
    @Test(arguments: StoreBackend.allCases)
    func shadowOutcomesAreStoredWithTheDecisionAndCounted(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            var accepted = DecisionFixtures.record(id: "CH-S1")
            accepted.report.shadow = ShadowOutcome(
                action: .quarantine, rules: [.init(rule: "8.pupil-name-outside", shadowAction: .quarantine, liveAction: .accept)])
            try await store.decisions.record(accepted)
            var held = DecisionFixtures.record(id: "CH-S2", action: .quarantine, sections: [.confidentiality], rules: ["8.sensitive-to-outside"])
            held.report.shadow = ShadowOutcome(
                action: .quarantine, rules: [.init(rule: "8.pupil-name-outside", shadowAction: .quarantine, liveAction: .quarantine)])
            try await store.decisions.recordQuarantine(held, rawMessage: DecisionFixtures.rawMessage)
            try await store.decisions.record(DecisionFixtures.record(id: "CH-S3"))

            let read = try #require(try await store.other.decision(id: "CH-S1"))
            #expect(read.record.report.action == .accept, "the live action is what was done")
            #expect(read.record.report.shadow == accepted.report.shadow)
            #expect(try await store.other.decision(id: "CH-S3")?.record.report.shadow == nil)

            let figures = try await store.other.shadowFigures(since: DecisionFixtures.baseDate.addingTimeInterval(-1), schools: nil)
            #expect(figures.rules == [
                .init(rule: "8.pupil-name-outside", shadowAction: "quarantine", liveAction: "accept", count: 1),
                .init(rule: "8.pupil-name-outside", shadowAction: "quarantine", liveAction: "quarantine", count: 1),
            ])
            #expect(figures.messages == [
                .init(liveAction: "accept", shadowAction: "quarantine", count: 1),
                .init(liveAction: "quarantine", shadowAction: "quarantine", count: 1),
            ])
            let none = try await store.other.shadowFigures(since: DecisionFixtures.baseDate.addingTimeInterval(-1), schools: ["elsewhere"])
            #expect(none.rules.isEmpty && none.messages.isEmpty)
        }
    }
}
