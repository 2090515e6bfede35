import ChaperoneModel
import MilterProtocol
@testable import MilterServer
import ScanPipeline
import Testing

/// The milter passes the envelope and `{auth_authen}` in and the pipeline decides the
/// role; inbound mail is accepted unread, however large.
@Suite struct SenderRoleMilterTests {
    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.school.domains = ["school.example"]
        configuration.senders.pupilDomains = ["pupils.school.example"]
        configuration.limits.maxMessageBytes = 100_000
        return configuration
    }

    static let pipeline = ScanPipeline(
        configuration: configuration,
        roster: Roster(students: [Student(key: "K1", legalForename: "Jessamy", surname: "Quilliam", schoolEmail: "jquilliam@pupils.school.example")]))

    @Test func inboundMailOverTheSizeLimitIsAcceptedUnreadAndLoggedAsSkipped() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(scanner: Self.pipeline, store: store, configure: { $0.limits.maxMessageBytes = 100_000 }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(
                    body: [UInt8](repeating: 0x61, count: 300_000), sender: "newsletter@outside.example",
                    recipient: "head@school.example", authenticatedUser: nil)
            }
            #expect(replies?.contains { if case .replyCode = $0 { true } else { false } } == false, "\(replies ?? [])")
            let record = try #require(store.records.first)
            #expect(record.report.action == .accept)
            #expect(record.report.sender.role == .outside)
            #expect(!record.report.sender.scanned)
        }
    }

    @Test func theSASLLoginMacroDecidesTheRole() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(scanner: Self.pipeline, store: store) { server in
            _ = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(
                    body: Array("Hello\r\n".utf8), sender: "someone@outside.example",
                    recipient: "friend@gmail.com", authenticatedUser: "jquilliam")
            }
            let record = try #require(store.records.first)
            #expect(record.report.sender.role == .pupil)
            #expect(record.report.sender.basis == .authenticatedUser)
            #expect(record.envelope.authenticatedUser == "jquilliam")
        }
    }
}

/// A refusal a pupil reads does not say they breached the staff code.
@Suite struct PupilRejectReplyTests {
    @Test func aPupilsRefusalIsWorded() {
        var report = ScanReport(decisionID: "CH-9", action: .reject, sections: [.confidentiality], explanation: "Your email was not sent.")
        report.sender = SenderIdentity(role: .pupil, address: "p@pupils.school.example", basis: .envelopeSender, reason: "test")
        let replies = DecisionReplies(configuration: Configuration(), headerLeadingSpace: true, originalSubject: .absent)
        guard case .replyCode(let text) = replies.replies(for: report).first else {
            Issue.record("expected a reply code")
            return
        }
        #expect(text.hasPrefix("550-5.7.1 Not sent: the school's email check kept this message back."))
        #expect(!text.contains("breaches"))
        report.sender = SenderIdentity(role: .staff, address: "t@school.example", basis: .envelopeSender, reason: "test")
        guard case .replyCode(let staffText) = replies.replies(for: report).first else { return }
        #expect(staffText.contains("breaches the school's Online Safety guidance"))
    }
}
