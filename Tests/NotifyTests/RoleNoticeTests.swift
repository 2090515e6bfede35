import ChaperoneModel
import Foundation
@testable import Notify
import Testing

/// Notices follow the sender's role: a pupil gets a short notice written for a pupil,
/// a system sender's owner is told instead of the unattended sender, and the DSL alert
/// for a pupil's held mail follows `pupils.alert_dsl`.
@Suite struct RoleNoticeTests {
    static func report(role: SenderRole, address: String, action: Action = .quarantine) -> ScanReport {
        var report = NoticeFixtures.report(action: action)
        report.sender = SenderIdentity(role: role, address: address, basis: .envelopeSender, reason: "test")
        return report
    }

    static func text(_ message: OutgoingMessage) -> String { String(decoding: message.data, as: UTF8.self) }

    @Test func aPupilGetsAShortNoticeWrittenForAPupil() async throws {
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: submitter)
        let pupil = "ppupil@hollowbrook.example"
        let outcome = try await notifier.messageDecided(
            report: Self.report(role: .pupil, address: pupil), envelope: NoticeFixtures.envelope(sender: pupil), isAutoSubmitted: false)
        #expect(outcome.notice == .send)
        let message = try #require(await submitter.messages.first)
        #expect(message.recipients == [pupil])
        let text = Self.text(message)
        #expect(text.contains("Subject: Your email has been held"))
        #expect(text.contains("A member of staff will look at it"))
        #expect(text.contains("other pupils"))
        #expect(text.contains("the IT office (it@hollowbrook.example)"))
        #expect(text.contains("CH-20261124-TESTTEST"))
        for staffWording in ["Section 8", "Guidance", "breach", "Staff must", NoticeFixtures.rawUPN, "A1234"] {
            #expect(!text.contains(staffWording), "\(staffWording)")
        }
    }

    @Test func aPupilOnAPupilDomainIsToldToo() {
        var configuration = NoticeFixtures.configuration
        let pupil = "ppupil@students.hollowbrook-learning.example"
        let envelope = NoticeFixtures.envelope(sender: pupil)
        let report = Self.report(role: .pupil, address: pupil)
        #expect(NoticePlan.make(report: report, envelope: envelope, isAutoSubmitted: false, configuration: configuration).eligibility
                == .skip(.externalSender))
        configuration.senders.pupilDomains = ["students.hollowbrook-learning.example"]
        let plan = NoticePlan.make(report: report, envelope: envelope, isAutoSubmitted: false, configuration: configuration)
        #expect(plan.eligibility == .send)
        #expect(plan.recipient == pupil)
    }

    @Test func aSystemSendersHoldNotifiesTheConfiguredOwner() async throws {
        var configuration = NoticeFixtures.configuration
        configuration.senders.systemOwner = "data.manager@hollowbrook.example"
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: configuration, submitter: submitter)
        let mis = "noreply@hollowbrook.example"
        // Auto-submitted and a no-reply address: the owner is told all the same.
        let outcome = try await notifier.messageDecided(
            report: Self.report(role: .system, address: mis), envelope: NoticeFixtures.envelope(sender: mis), isAutoSubmitted: true)
        #expect(outcome.notice == .send)
        let message = try #require(await submitter.messages.first)
        #expect(message.recipients == ["data.manager@hollowbrook.example"])
        #expect(Self.text(message).contains("you look after \(mis)"))
        #expect(Self.text(message).contains("Section 8"))
    }

    @Test func aSystemSenderWithNoOwnerGetsNoNotice() {
        let plan = NoticePlan.make(report: Self.report(role: .system, address: "mis@hollowbrook.example"),
                                   envelope: NoticeFixtures.envelope(sender: "mis@hollowbrook.example"),
                                   isAutoSubmitted: false, configuration: NoticeFixtures.configuration)
        #expect(plan.eligibility == .skip(.systemSender))
    }

    @Test func outsideMailForwardedOutTellsTheForwardingMailboxAndOtherwiseNobody() {
        var report = Self.report(role: .outside, address: "sender@elsewhere.example")
        let envelope = NoticeFixtures.envelope(sender: "sender@elsewhere.example")
        let nobody = NoticePlan.make(report: report, envelope: envelope, isAutoSubmitted: false, configuration: NoticeFixtures.configuration)
        #expect(nobody.eligibility == .skip(.externalSender))
        report.sender.forwardedBy = "teacher@hollowbrook.example"
        let forwarder = NoticePlan.make(report: report, envelope: envelope, isAutoSubmitted: false, configuration: NoticeFixtures.configuration)
        #expect(forwarder.eligibility == .send)
        #expect(forwarder.recipient == "teacher@hollowbrook.example")
    }

    @Test func theAuthenticatedAccountIsTheOneTold() {
        var report = Self.report(role: .pupil, address: "ppupil@hollowbrook.example")
        report.sender.basis = .authenticatedUser
        let plan = NoticePlan.make(report: report, envelope: NoticeFixtures.envelope(sender: "teacher@hollowbrook.example"),
                                   isAutoSubmitted: false, configuration: NoticeFixtures.configuration)
        #expect(plan.recipient == "ppupil@hollowbrook.example")
        #expect(plan.audience == .pupil)
    }

    @Test func aPupilsHoldAlertsTheDSLOnlyWhenConfigured() {
        var configuration = NoticeFixtures.configuration
        configuration.notifications.alertRecipients = ["dsl@hollowbrook.example"]
        configuration.notifications.alertSections = [.socialContact]
        let pupilHold = Self.report(role: .pupil, address: "ppupil@hollowbrook.example")
        #expect(AlertComposer(configuration: configuration).alertSections(in: pupilHold) == [.confidentiality])
        #expect(AlertComposer(configuration: configuration).alertSections(in: Self.report(role: .staff, address: "t@hollowbrook.example")).isEmpty)
        configuration.pupils.alertDSL = false
        #expect(AlertComposer(configuration: configuration).alertSections(in: pupilHold).isEmpty)
    }
}
