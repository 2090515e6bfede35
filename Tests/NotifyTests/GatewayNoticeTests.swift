import ChaperoneModel
import Foundation
@testable import Notify
import Testing

/// Gateway mode's notices: to `gateway.notice_mailbox` instead of the sender when set,
/// in the sender's voice; a system sender's owner is still told; no SASL login vouches
/// for an outside sender.
@Suite struct GatewayNoticeTests {
    static var gateway: Configuration {
        var configuration = NoticeFixtures.configuration
        configuration.mode = .gateway
        configuration.gateway.noticeMailbox = "itsupport@hollowbrook.example"
        return configuration
    }

    @Test func theNoticeMailboxIsToldInsteadOfTheSender() async throws {
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: Self.gateway, submitter: submitter)
        let pupil = "ppupil@hollowbrook.example"
        let outcome = try await notifier.messageDecided(
            report: RoleNoticeTests.report(role: .pupil, address: pupil), envelope: NoticeFixtures.envelope(sender: pupil),
            isAutoSubmitted: false)
        #expect(outcome.notice == .send)
        let message = try #require(await submitter.messages.first)
        #expect(message.recipients == ["itsupport@hollowbrook.example"])
        let text = RoleNoticeTests.text(message)
        #expect(text.contains("To: <itsupport@hollowbrook.example>"))
        #expect(text.contains("Subject: Your email has been held"))
    }

    @Test func withoutAMailboxTheSenderIsToldThroughTheRelay() {
        var configuration = Self.gateway
        configuration.gateway.noticeMailbox = nil
        let sender = "k.teacher@hollowbrook.example"
        let plan = NoticePlan.make(
            report: RoleNoticeTests.report(role: .staff, address: sender), envelope: NoticeFixtures.envelope(sender: sender),
            isAutoSubmitted: false, configuration: configuration)
        #expect(plan.eligibility == .send)
        #expect(plan.recipient == sender)
    }

    @Test func aSystemSendersOwnerIsStillToldAndNothingIsSentWhenNotEligible() {
        var configuration = Self.gateway
        configuration.senders.systemOwner = "data@hollowbrook.example"
        let system = NoticePlan.make(
            report: RoleNoticeTests.report(role: .system, address: "mis@hollowbrook.example"),
            envelope: NoticeFixtures.envelope(sender: "mis@hollowbrook.example"), isAutoSubmitted: false, configuration: configuration)
        #expect(system.recipient == "data@hollowbrook.example")
        let accepted = NoticePlan.make(
            report: RoleNoticeTests.report(role: .staff, address: "k.teacher@hollowbrook.example", action: .accept),
            envelope: NoticeFixtures.envelope(sender: "k.teacher@hollowbrook.example"), isAutoSubmitted: false, configuration: configuration)
        #expect(accepted.recipient.isEmpty)
    }

    @Test func aLoginDoesNotVouchForAnOutsideSenderInGatewayMode() {
        let envelope = NoticeFixtures.envelope(sender: "someone@elsewhere.example", authenticatedUser: "contractor7")
        let onServer = NoticeEligibility.evaluate(
            action: .quarantine, envelope: envelope, isAutoSubmitted: false, configuration: NoticeFixtures.configuration)
        #expect(onServer == .send)
        let onGateway = NoticeEligibility.evaluate(action: .quarantine, envelope: envelope, isAutoSubmitted: false, configuration: Self.gateway)
        #expect(onGateway == .skip(.externalSender))
    }
}
