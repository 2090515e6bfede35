import ChaperoneModel
import Foundation
import Store
import Testing

/// Sender roles through a real Postfix with the production wiring (sample configuration
/// and roster, SQLite store, notices through Postfix): each role is decided, recorded
/// with its role, and notified as the role requires.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct SenderRolePostfixTests {
    /// Submits a sample with a marker appended, from `from` to `to`.
    static func submit(_ path: ProductionPath, _ sample: String, from: String, to: [String], marker: String) async throws -> Int {
        var message = try ProductionPath.sampleMessage(sample)
        message += Array("\r\n\(marker)\r\n".utf8)
        return try await path.submit(message, from: from, to: to).code
    }

    /// The recorded decision whose envelope sender is `sender`, once it is there.
    static func decision(_ path: ProductionPath, sender: String) async throws -> StoredDecision? {
        try await path.poll {
            try await path.database.decisions(matching: DecisionFilter(sender: sender)).first
        }
    }

    /// A notice at the sink addressed to `recipient`.
    static func notice(_ path: ProductionPath, to recipient: String) async throws -> String? {
        try await path.poll {
            path.delivered(containing: "Auto-Submitted: auto-replied").first { $0.contains("To: \(recipient)") || $0.contains("<\(recipient)>") }
        }
    }

    @Test func pupilMailIsJudgedByThePupilRulesAndThePupilGetsAPupilsNotice() async throws {
        try await ProductionPath.with { path in
            // A pupil giving a friend their own birthday: delivered.
            let birthday = "hthackray27@pupils.ralphthoresby.example"
            #expect(try await Self.submit(path, "51-pupil-birthday-to-friend.eml", from: birthday, to: ["jess.w.2011@hotmail.co.uk"], marker: "PUPIL-OWN-1") == 250)
            let delivered = try await path.poll { path.delivered(containing: "PUPIL-OWN-1").first }
            #expect(delivered?.contains("X-Chaperone: accept; id=CH-") == true, "\(path.postfix.log)")
            let accepted = try #require(try await Self.decision(path, sender: birthday))
            #expect(accepted.record.report.sender.role == .pupil)

            // A pupil sending a class list with UPNs to webmail: held under §8.
            let pupil = "olockwood28@pupils.ralphthoresby.example"
            #expect(try await Self.submit(path, "53-pupil-class-list-to-webmail.eml", from: pupil, to: ["oscar.l.gaming@gmail.com"], marker: "PUPIL-LIST-2") == 250)
            let held = try #require(try await Self.decision(path, sender: pupil))
            #expect(held.record.report.action == .quarantine)
            #expect(held.record.report.sections == [.confidentiality])
            #expect(held.record.report.sender.role == .pupil)
            let notice = try #require(try await Self.notice(path, to: pupil), "no notice to the pupil: \(path.postfix.log)")
            #expect(notice.contains("Subject: Your email has been held"))
            #expect(!notice.contains("Guidance") && !notice.contains("Section 8"))
            // pupils.alert_dsl: true, so the DSL is alerted.
            let alert = try await path.poll { path.delivered(containing: "Chaperone alert").first }
            #expect(alert?.contains("dsl@ralphthoresby.example") == true)
            #expect(path.delivered(containing: "PUPIL-LIST-2").isEmpty)
        }
    }

    @Test func staffKeepTodaysDecisionsAndASystemSendersHoldNotifiesItsOwner() async throws {
        try await ProductionPath.with { path in
            let staff = "t.hargreaves@ralphthoresby.example"
            #expect(try await Self.submit(path, "54-staff-class-list-to-webmail.eml", from: staff, to: ["oscar.l.gaming@gmail.com"], marker: "STAFF-3") == 250)
            let held = try #require(try await Self.decision(path, sender: staff))
            #expect(held.record.report.sections == [.unacceptableUse, .confidentiality])
            #expect(held.record.report.sender.role == .staff)
            #expect(try await Self.notice(path, to: staff) != nil, "\(path.postfix.log)")

            let mis = "sims@ralphthoresby.example"
            #expect(try await Self.submit(path, "55-system-sender-hold.eml", from: mis, to: ["admissions@northfield-academy.example"], marker: "SYSTEM-4") == 250)
            let system = try #require(try await Self.decision(path, sender: mis))
            #expect(system.record.report.action == .quarantine)
            #expect(system.record.report.sender.role == .system)
            let owner = try await Self.notice(path, to: "data@ralphthoresby.example")
            #expect(owner?.contains("sims@ralphthoresby.example") == true, "no notice to the owner: \(path.postfix.log)")
            try await Task.sleep(for: .seconds(1))
            #expect(path.delivered(containing: "Auto-Submitted: auto-replied").allSatisfy { !$0.contains("To: \(mis)") })
        }
    }

    @Test func inboundMailIsSkippedAndLoggedAndForwardedMailIsHeld() async throws {
        try await ProductionPath.with { path in
            let parent = "claire.rahman37@outlook.com"
            #expect(try await Self.submit(path, "56-inbound-outside-skipped.eml", from: parent, to: ["arahman91@pupils.ralphthoresby.example"], marker: "INBOUND-5") == 250)
            let delivered = try await path.poll { path.delivered(containing: "INBOUND-5").first }
            #expect(delivered?.contains("X-Chaperone: accept; id=CH-") == true, "\(path.postfix.log)")
            let skipped = try #require(try await Self.decision(path, sender: parent))
            #expect(skipped.record.report.sender.role == .outside)
            #expect(!skipped.record.report.sender.scanned)
            #expect(skipped.record.report.findings.isEmpty)

            let outside = "senco@northfield-academy.example"
            #expect(try await Self.submit(path, "57-forwarded-out-pupil-data.eml", from: outside, to: ["helen.marsh.home@gmail.com"], marker: "FORWARD-6") == 250)
            let held = try #require(try await Self.decision(path, sender: outside))
            #expect(held.record.report.action == .quarantine)
            #expect(held.record.report.sender.rules == .staff)
            #expect(held.record.report.sender.forwardedBy == "h.marsh@ralphthoresby.example")
            // The forwarding mailbox is told; the outside sender is not.
            #expect(try await Self.notice(path, to: "h.marsh@ralphthoresby.example") != nil, "\(path.postfix.log)")
            #expect(path.delivered(containing: "FORWARD-6").isEmpty)
        }
    }
}
