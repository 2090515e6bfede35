import Foundation
import Notify
import Store
import Testing

@testable import Review

@Suite struct ReviewWorkflowTests {
    @Test func reinjectsTheStoredCopyWithTheOriginalEnvelopeAndAReleaseHeader() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }

        try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "it-admin", reason: "parent consent")

        let messages = await fixture.submitter.messages
        #expect(messages.count == 1)
        #expect(messages.first?.envelopeSender == "teacher@hollowbrook.example")
        #expect(messages.first?.recipients == ["friend@gmail.example", "other@elsewhere.example"])
        #expect(messages.first?.data == ReviewFixture.released)
        let status = try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine
        #expect(status?.state == .released)
        #expect(status?.reviewer == "it-admin")
        #expect(try await fixture.database.reviewEvents(decisionID: "CH-REVIEW-1").map(\.kind) == [.releasedByReinjection])
    }

    @Test func concurrentReleasesDeliverExactlyOnce() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        let workflow = fixture.workflow

        let successes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<4 {
                group.addTask {
                    (try? await workflow.release(decisionID: "CH-REVIEW-1", reviewer: "r\(index)", reason: "go")) != nil
                }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }

        #expect(successes == 1)
        #expect(await fixture.submitter.messages.count == 1)
        await #expect(throws: StoreError.self) {
            try await workflow.release(decisionID: "CH-REVIEW-1", reviewer: "late", reason: "again")
        }
    }

    @Test func aFailedReinjectionLeavesTheMessageHeldAndAudited() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }
        await fixture.submitter.failNext(1)

        await #expect(throws: RecordingSubmitter.Refused.self) {
            try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "a", reason: "try")
        }
        #expect(try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine?.state == .held)

        try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "a", reason: "retry")
        #expect(await fixture.submitter.messages.count == 1)
        #expect(try await fixture.database.reviewEvents(decisionID: "CH-REVIEW-1").map(\.kind)
            == [.releaseFailed, .releasedByReinjection])
    }

    @Test func deleteRemovesTheStoredCopyAtOnceAndBlocksRelease() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }

        try await fixture.workflow.delete(decisionID: "CH-REVIEW-1", reviewer: "a", reason: "not needed")

        let status = try await fixture.database.decision(id: "CH-REVIEW-1")?.quarantine
        #expect(status?.state == .deleted)
        #expect(status?.hasStoredCopy == false)
        await #expect(throws: StoreError.contentExpired("CH-REVIEW-1")) {
            _ = try await fixture.database.rawMessageForViewing(decisionID: "CH-REVIEW-1", viewer: "b", reason: nil, at: Date())
        }
        await #expect(throws: StoreError.self) {
            try await fixture.workflow.release(decisionID: "CH-REVIEW-1", reviewer: "b", reason: "oops")
        }
        await #expect(throws: StoreError.self) {
            try await fixture.workflow.delete(decisionID: "CH-REVIEW-1", reviewer: "b", reason: "twice")
        }
        #expect(await fixture.submitter.messages.isEmpty)
    }

    @Test func falsePositiveLabelsAndReleasesOnce() async throws {
        let fixture = try await ReviewFixture()
        defer { fixture.remove() }

        let first = try await fixture.workflow.markFalsePositive(decisionID: "CH-REVIEW-1", reviewer: "a", reason: "newsletter")
        let second = try await fixture.workflow.markFalsePositive(decisionID: "CH-REVIEW-1", reviewer: "b", reason: "still")

        #expect(first)
        #expect(!second)
        #expect(await fixture.submitter.messages.count == 1)
        let stored = try await fixture.database.decision(id: "CH-REVIEW-1")
        #expect(stored?.falsePositive == true)
        #expect(stored?.quarantine?.state == .released)
    }
}
