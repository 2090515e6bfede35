import ChaperoneModel
import Foundation
import Testing

@testable import Store

/// A message held again because the sending server retried after the milter stopped
/// between committing the copy and replying DISCARD: one copy, two linked decisions,
/// released or deleted once whichever id the reviewer uses.
@Suite struct DuplicateHoldTests {
    /// What Postfix's smtpd prepends on each attempt: a new queue id and time.
    static func attempt(_ queueID: String, message: [UInt8] = DecisionFixtures.rawMessage) -> [UInt8] {
        Array("""
            Received: from laptop.school.example (laptop.school.example [10.0.0.7])\r
            \tby mail.school.example (Postfix) with ESMTP id \(queueID)\r
            \tfor <someone@gmail.example>; Tue,  1 Dec 2026 10:0\(queueID.count % 10):00 +0000 (GMT)\r

            """.utf8) + message
    }

    static func holds(_ database: AppDatabase, first: [UInt8], second: [UInt8], secondAfter seconds: Double = 300) async throws {
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "CH-FIRST", action: .quarantine, queueID: "4ABC1"), rawMessage: first)
        try await database.insertQuarantine(
            DecisionFixtures.record(
                id: "CH-RETRY", action: .quarantine, decidedAt: DecisionFixtures.baseDate.addingTimeInterval(seconds),
                queueID: "4DEF2"),
            rawMessage: second)
    }

    @Test func fingerprintIgnoresLeadingTraceFieldsOnly() {
        let envelope = (sender: "Teacher@School.example", recipients: ["b@x.example", "a@x.example"])
        let base = QuarantineFingerprint.of(
            rawMessage: DecisionFixtures.rawMessage, sender: envelope.sender, recipients: envelope.recipients)
        #expect(base.count == 64)
        // A new Received / Return-Path on a retry, and the recipients in another order or case.
        #expect(QuarantineFingerprint.of(
            rawMessage: Array("Return-Path: <teacher@school.example>\r\n".utf8) + Self.attempt("4ABC1"),
            sender: "teacher@school.example", recipients: ["a@x.example", "B@x.example"]) == base)
        // A different envelope, a changed body, or a Received field inside the header are different messages.
        #expect(QuarantineFingerprint.of(rawMessage: DecisionFixtures.rawMessage, sender: envelope.sender, recipients: ["a@x.example"]) != base)
        #expect(QuarantineFingerprint.of(rawMessage: DecisionFixtures.rawMessage + [0x2E], sender: envelope.sender, recipients: envelope.recipients) != base)
        let inside = Array("From: teacher@school.example\r\nReceived: by relay\r\n".utf8)
        #expect(QuarantineFingerprint.of(rawMessage: inside, sender: "s", recipients: [])
            != QuarantineFingerprint.of(rawMessage: Array("From: teacher@school.example\r\n".utf8), sender: "s", recipients: []))
        // Hostile shapes: empty, only trace fields, no line end.
        #expect(QuarantineFingerprint.firstCountedByte(of: []) == 0)
        #expect(QuarantineFingerprint.firstCountedByte(of: Array("Received: x".utf8)) == 11)
        #expect(QuarantineFingerprint.firstCountedByte(of: Array("Received: x\r\n\r\nbody".utf8)) == 13)
        #expect(QuarantineFingerprint.firstCountedByte(of: Array("Receivedx: x\r\n".utf8)) == 0)
    }

    @Test func aRetriedHoldKeepsOneCopyLinkedToTheFirst() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await Self.holds(database, first: Self.attempt("4ABC1"), second: Self.attempt("4DEF2"))

        let retry = try #require(try await database.decision(id: "CH-RETRY"))
        #expect(retry.duplicateOf == "CH-FIRST")
        #expect(retry.quarantine?.state == .held, "a duplicate shows the state of the copy it shares")
        #expect(try await database.decision(id: "CH-FIRST")?.duplicateOf == nil)
        // One item to review, one copy in the store.
        #expect(try await database.decisions(matching: DecisionFilter(quarantinedOnly: true)).map(\.decisionID) == ["CH-FIRST"])
        let copies = try await database.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM quarantine") }
        #expect(copies == 1)
        // Viewing the duplicate shows the one copy (the first attempt's).
        let raw = try await database.rawMessageForViewing(decisionID: "CH-RETRY", viewer: "it", reason: nil)
        #expect(raw == Self.attempt("4ABC1"))
    }

    @Test func releasingEitherReleasesOnceAndTheOtherIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await Self.holds(database, first: Self.attempt("4ABC1"), second: Self.attempt("4DEF2"))

        let claim = try await database.claim(decisionID: "CH-RETRY", for: .release)
        #expect(claim.decisionID == "CH-FIRST", "the claim is on the decision that keeps the copy")
        #expect(claim.envelope.recipients == ["someone@gmail.example"])
        await #expect(throws: StoreError.self) { try await database.claim(decisionID: "CH-FIRST", for: .release) }
        try await database.finish(claim, outcome: .releasedByReinjection, actor: "it", reason: "ok", detail: nil)
        #expect(try await database.decision(id: "CH-FIRST")?.quarantine?.state == .released)
        #expect(try await database.decision(id: "CH-RETRY")?.quarantine?.state == .released)
        await #expect(throws: StoreError.self) { try await database.claim(decisionID: "CH-FIRST", for: .release) }
        await #expect(throws: StoreError.self) { try await database.claim(decisionID: "CH-RETRY", for: .release) }
        await #expect(throws: StoreError.self) { try await database.deleteHeld(decisionID: "CH-RETRY", actor: "it", reason: "r") }
    }

    @Test func deletingTheDuplicateDeletesTheOneCopy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await Self.holds(database, first: Self.attempt("4ABC1"), second: Self.attempt("4DEF2"))

        try await database.deleteHeld(decisionID: "CH-RETRY", actor: "it", reason: "sent in error")
        let first = try await database.decision(id: "CH-FIRST")?.quarantine
        #expect(first?.state == .deleted && first?.hasStoredCopy == false)
        await #expect(throws: StoreError.self) { try await database.claim(decisionID: "CH-FIRST", for: .release) }
    }

    @Test func aRetryKeepsNoFullPupilOrParentAddress() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let raw = Array("From: c.bennett@ralphthoresby.example\r\nSubject: report\r\n\r\nHello\r\n".utf8)
        try await database.insertQuarantine(AddressRedactionTests.record(id: "first", action: .quarantine), rawMessage: raw)
        try await database.insertQuarantine(
            AddressRedactionTests.record(id: "retry", action: .quarantine, decidedAt: DecisionFixtures.baseDate.addingTimeInterval(60)),
            rawMessage: Array("Received: by mail; id 9XYZ\r\n".utf8) + raw)
        let retry = try #require(try await database.decision(id: "retry"))
        #expect(retry.duplicateOf == "first")
        AddressRedactionTests.assertRedacted(retry.record.envelope.recipients.joined(separator: " "))
        // The first keeps them for its release.
        #expect(try await database.decision(id: "first")?.record.envelope.recipients.contains(AddressRedactionTests.parent) == true)
    }

    @Test func aDifferentMessageOrOneOutsideTheWindowGetsItsOwnCopy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await Self.holds(
            database, first: Self.attempt("4ABC1"), second: Self.attempt("4DEF2", message: DecisionFixtures.rawMessage + [0x41]))
        #expect(try await database.decision(id: "CH-RETRY")?.duplicateOf == nil)

        let late = try AppDatabase(path: directory.path + "/late.sqlite")
        try await Self.holds(
            late, first: Self.attempt("4ABC1"), second: Self.attempt("4DEF2"),
            secondAfter: AppDatabase.defaultDuplicateWindowSeconds + 1)
        #expect(try await late.decision(id: "CH-RETRY")?.duplicateOf == nil)
        #expect(try await late.decisions(matching: DecisionFilter(quarantinedOnly: true)).count == 2)
    }

    @Test func twoAttemptsInOneGroupCommitKeepOneCopy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        let first = DecisionFixtures.record(id: "CH-A", action: .quarantine, queueID: "4ABC1")
        let second = DecisionFixtures.record(
            id: "CH-B", action: .quarantine, decidedAt: DecisionFixtures.baseDate.addingTimeInterval(1), queueID: "4DEF2")
        try await database.insertBatch([
            PendingDecisionWrite(record: first, quarantine: try QuarantineCopy(rawMessage: Self.attempt("4ABC1"), envelope: first.envelope)),
            PendingDecisionWrite(record: second, quarantine: try QuarantineCopy(rawMessage: Self.attempt("4DEF2"), envelope: second.envelope)),
        ])
        #expect(try await database.decision(id: "CH-B")?.duplicateOf == "CH-A")
        #expect(try await database.decisions(matching: DecisionFilter(quarantinedOnly: true)).map(\.decisionID) == ["CH-A"])
    }

    @Test func aCopyAlreadyReleasedDoesNotAbsorbANewHold() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try AppDatabase(path: directory.databasePath)
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "CH-FIRST", action: .quarantine), rawMessage: Self.attempt("4ABC1"))
        let claim = try await database.claim(decisionID: "CH-FIRST", for: .release)
        try await database.finish(claim, outcome: .releasedByReinjection, actor: "it", reason: "ok", detail: nil)
        try await database.insertQuarantine(
            DecisionFixtures.record(id: "CH-AGAIN", action: .quarantine, decidedAt: DecisionFixtures.baseDate.addingTimeInterval(60)),
            rawMessage: Self.attempt("4DEF2"))
        #expect(try await database.decision(id: "CH-AGAIN")?.duplicateOf == nil)
        #expect(try await database.decision(id: "CH-AGAIN")?.quarantine?.state == .held)
    }
}
