import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// What every store (SQLite, PostgreSQL) must do the same way, through the
/// `DecisionStore` and `ReviewStore` protocols only: the milter records through one
/// opening and reviewers act through another (another process, or another mail host).
/// The PostgreSQL runs use a throwaway cluster (`PostgresCluster`), a fresh database each.
@Suite struct StoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func aQuarantineAndItsCopyAreVisibleToTheOtherSideWhenRecordReturns(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            var raw = DecisionFixtures.rawMessage
            raw += (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-Q1", action: .quarantine, sections: [.confidentiality]), rawMessage: raw)

            let stored = try #require(try await store.other.decision(id: "CH-Q1"))
            #expect(stored.quarantine?.state == .held)
            #expect(stored.quarantine?.queueID == "4ABCD123")
            #expect(stored.quarantine?.sizeBytes == raw.count)
            #expect(stored.quarantine?.hasStoredCopy == true)
            #expect(stored.record.report.findings.first?.evidence == "A1234…Z")
            #expect(stored.record.report.sections == [.confidentiality])
            #expect(stored.record.decidedAt == DecisionFixtures.baseDate)
            #expect(stored.record.envelope.recipients == ["someone@gmail.example"])
            #expect(stored.record.mailHost == "mx1.trust.example", "the store records the host that decided")
            #expect(stored.record.school == nil)
            let content = try await store.other.rawMessageForViewing(decisionID: "CH-Q1", viewer: "it-admin", reason: "check", at: Date())
            #expect(content == raw)
            let events = try await store.other.reviewEvents(decisionID: "CH-Q1")
            #expect(events.map(\.kind) == [.viewedRaw])
            #expect(events.first?.actor == "it-admin")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func recordedDecisionsKeepTheirSchoolHostAndFields(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            var tagged = DecisionFixtures.record(
                id: "CH-T1", action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality],
                sender: "Head@School.example", decidedAt: DecisionFixtures.baseDate.addingTimeInterval(10))
            tagged.school = "Ralph Thoresby"
            tagged.mailHost = "mx9.trust.example"
            try await store.decisions.record(tagged)
            try await store.decisions.record(DecisionFixtures.record(id: "CH-A1"))
            // A retried write of a row already there changes nothing and does not fail.
            try await store.decisions.record(DecisionFixtures.record(id: "CH-A1"))

            let read = try #require(try await store.other.decision(id: "CH-T1"))
            #expect(read.record.school == "Ralph Thoresby")
            #expect(read.record.mailHost == "mx9.trust.example", "a host named by the caller is kept")
            #expect(read.record.report.rules == ["8.sensitive-to-partner"])
            #expect(read.record.report.governingSections == [.confidentiality])
            #expect(read.quarantine == nil)
            #expect(try await store.other.decision(id: "CH-NONE") == nil)

            let all = try await store.other.decisions(matching: DecisionFilter())
            #expect(all.map(\.decisionID) == ["CH-T1", "CH-A1"], "newest first")
            #expect(try await store.other.decisions(matching: DecisionFilter(action: .tag)).map(\.decisionID) == ["CH-T1"])
            #expect(try await store.other.decisions(matching: DecisionFilter(sender: "head@school.example")).map(\.decisionID) == ["CH-T1"])
            #expect(try await store.other.decisions(matching: DecisionFilter(sender: "@SCHOOL.example")).count == 2)
            #expect(try await store.other.decisions(matching: DecisionFilter(sender: "@chool.example")).isEmpty)
            var personal = DecisionFilter()
            personal.recipientClass = .personal
            #expect(try await store.other.decisions(matching: personal).count == 2)
            var paged = DecisionFilter(limit: 1)
            paged.offset = 1
            #expect(try await store.other.decisions(matching: paged).map(\.decisionID) == ["CH-A1"])

            let summary = try await store.other.summary(since: DecisionFixtures.baseDate, topSenderCount: 5)
            #expect(summary.total == 2)
            #expect(summary.byAction == ["tag": 1, "accept": 1])
            #expect(summary.tagsByRule == ["8.sensitive-to-partner": 1])
            #expect(summary.tagsByGoverningSection == ["8": 1])
            #expect(summary.topSenders.map(\.sender) == ["Head@School.example"])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func concurrentReleasesFromBothSidesSucceedOnce(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-R1", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
            let sides = [store.review, store.other, store.review, store.other, store.review, store.other]
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for side in sides {
                    group.addTask {
                        do {
                            let claim = try await side.claim(decisionID: "CH-R1", for: .release)
                            try await side.finish(claim, outcome: .releasedByReinjection, actor: "a", reason: "ok", detail: nil, at: Date())
                            return true
                        } catch StoreError.wrongState {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await store.review.decision(id: "CH-R1")?.quarantine?.state == .released)
            #expect(try await store.other.reviewEvents(decisionID: "CH-R1").count == 1)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aFailedReleaseReturnsToHeldAndDeleteRemovesTheCopy(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-F1", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
            let claim = try await store.review.claim(decisionID: "CH-F1", for: .release)
            #expect(claim.envelope.recipients == ["someone@gmail.example"])
            #expect(claim.hasStoredCopy)
            #expect(try await store.review.rawMessage(for: claim) == DecisionFixtures.rawMessage)
            #expect(try await store.other.decision(id: "CH-F1")?.quarantine?.state == .releasing)
            await #expect(throws: StoreError.wrongState(decisionID: "CH-F1", state: .releasing, expected: .held)) {
                try await store.other.claim(decisionID: "CH-F1", for: .release)
            }
            await #expect(throws: StoreError.self) {
                try await store.other.deleteHeld(decisionID: "CH-F1", actor: "b", reason: "r", at: Date())
            }
            try await store.review.finish(claim, outcome: .releaseFailed, actor: "a", reason: "r", detail: "connection refused", at: Date())
            #expect(try await store.other.decision(id: "CH-F1")?.quarantine?.state == .held)

            try await store.other.deleteHeld(decisionID: "CH-F1", actor: "b", reason: "spam", at: Date())
            let status = try await store.review.decision(id: "CH-F1")?.quarantine
            #expect(status?.state == .deleted)
            #expect(status?.reviewer == "b")
            #expect(status?.hasStoredCopy == false)
            #expect(try await store.review.reviewEvents(decisionID: "CH-F1").map(\.kind) == [.releaseFailed, .deleted])
            await #expect(throws: StoreError.contentExpired("CH-F1")) {
                try await store.review.rawMessageForViewing(decisionID: "CH-F1", viewer: "a", reason: nil, at: Date())
            }
            await #expect(throws: StoreError.unknownDecision("CH-NONE")) {
                try await store.review.deleteHeld(decisionID: "CH-NONE", actor: "a", reason: "r", at: Date())
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func claimsRefuseUnknownAndUnquarantinedDecisions(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await store.decisions.record(DecisionFixtures.record(id: "CH-A1"))
            await #expect(throws: StoreError.unknownDecision("CH-NONE")) {
                try await store.review.claim(decisionID: "CH-NONE", for: .release)
            }
            await #expect(throws: StoreError.notQuarantined("CH-A1")) {
                try await store.review.claim(decisionID: "CH-A1", for: .release)
            }
            await #expect(throws: StoreError.notQuarantined("CH-A1")) {
                try await store.review.deleteHeld(decisionID: "CH-A1", actor: "a", reason: "r", at: Date())
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aReleaseStoppedHalfWayIsRecovered(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            for id in ["CH-D", "CH-N"] {
                try await store.decisions.recordQuarantine(
                    DecisionFixtures.record(id: id, action: .quarantine), rawMessage: DecisionFixtures.rawMessage + Array(id.utf8))
                _ = try await store.review.claim(decisionID: id, for: .release)
            }
            try await store.other.recoverClaim(
                decisionID: "CH-D", releaseWasDelivered: true, actor: "it", reason: "found in the mail log", detail: nil, at: Date())
            try await store.other.recoverClaim(
                decisionID: "CH-N", releaseWasDelivered: false, actor: "it", reason: "not delivered", detail: nil, at: Date())
            #expect(try await store.review.decision(id: "CH-D")?.quarantine?.state == .released)
            #expect(try await store.review.decision(id: "CH-N")?.quarantine?.state == .held)
            #expect(try await store.review.reviewEvents(decisionID: "CH-D").map(\.kind) == [.releasedByReinjection])
            let recovered = try await store.review.reviewEvents(decisionID: "CH-N")
            #expect(recovered.map(\.kind) == [.claimRecovered])
            #expect(recovered.first?.detail == "recovered from releasing")
            await #expect(throws: StoreError.wrongState(decisionID: "CH-N", state: .held, expected: .releasing)) {
                try await store.other.recoverClaim(
                    decisionID: "CH-N", releaseWasDelivered: true, actor: "it", reason: "again", detail: nil, at: Date())
            }
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func falsePositivesAreLabelledAndTheAuditTrailIsAppendOnly(_ backend: StoreBackend) async throws {
        try await StoreUnderTest.with(backend) { store in
            try await store.decisions.recordQuarantine(
                DecisionFixtures.record(id: "CH-E1", action: .quarantine), rawMessage: DecisionFixtures.rawMessage)
            try await store.other.markFalsePositive(decisionID: "CH-E1", actor: "a", reason: "newsletter", at: Date())
            await #expect(throws: StoreError.unknownDecision("CH-NONE")) {
                try await store.other.markFalsePositive(decisionID: "CH-NONE", actor: "a", reason: "r", at: Date())
            }
            #expect(try await store.review.decision(id: "CH-E1")?.falsePositive == true)

            await #expect(throws: (any Error).self) { try await store.rawSQL(#"DELETE FROM "reviewEvent""#) }
            await #expect(throws: (any Error).self) { try await store.rawSQL(#"UPDATE "reviewEvent" SET actor = 'x'"#) }
            let events = try await store.review.reviewEvents(decisionID: "CH-E1")
            #expect(events.map(\.kind) == [.falsePositive])
            #expect(events.first?.actor == "a")
        }
    }
}
