import ChaperoneModel
import Foundation
import Testing

@testable import Notify

@Suite struct StaffNotifierTests {
    @Test func sendsOneMultipartAutoReplyPerMessage() async throws {
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: submitter)

        let first = try await notifier.messageDecided(
            report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), isAutoSubmitted: false)
        let second = try await notifier.messageDecided(
            report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), isAutoSubmitted: false)

        #expect(first.notice == .send)
        #expect(second.notice == .skip(.alreadyNotified))
        let messages = await submitter.messages
        #expect(messages.count == 1)
        let message = try #require(messages.first)
        #expect(message.envelopeSender == "")
        #expect(message.recipients == ["teacher@hollowbrook.example"])
        let text = String(decoding: message.data, as: UTF8.self)
        #expect(text.contains("Auto-Submitted: auto-replied\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;"))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(text.contains("From: Chaperone <chaperone@hollowbrook.example>\r\n"))
        #expect(text.contains("In-Reply-To: <orig-1@hollowbrook.example>"))
    }

    @Test func nothingGoesToExternalSendersBouncesOrAutoReplies() async throws {
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: submitter)
        var report = NoticeFixtures.report()
        report.decisionID = "CH-A"
        _ = try await notifier.messageDecided(
            report: report, envelope: NoticeFixtures.envelope(sender: "x@elsewhere.example"), isAutoSubmitted: false)
        report.decisionID = "CH-B"
        report.messageID = "other@x"
        _ = try await notifier.messageDecided(report: report, envelope: NoticeFixtures.envelope(sender: ""), isAutoSubmitted: false)
        report.decisionID = "CH-C"
        report.messageID = "third@x"
        _ = try await notifier.messageDecided(report: report, envelope: NoticeFixtures.envelope(), isAutoSubmitted: true)
        #expect(await submitter.messages.isEmpty)
    }

    @Test func alertsChosenSectionsToTheirRecipients() async throws {
        var configuration = NoticeFixtures.configuration
        configuration.notifications.alertRecipients = ["dsl@hollowbrook.example"]
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: configuration, submitter: submitter)

        let confidential = try await notifier.messageDecided(
            report: NoticeFixtures.report(sections: [.confidentiality]), envelope: NoticeFixtures.envelope(sender: "x@elsewhere.example"),
            isAutoSubmitted: false)
        #expect(confidential.alertSent == false)

        var contact = NoticeFixtures.report(sections: [.socialContact])
        contact.decisionID = "CH-3"
        contact.messageID = "contact@x"
        let outcome = try await notifier.messageDecided(
            report: contact, envelope: NoticeFixtures.envelope(sender: "x@elsewhere.example"), isAutoSubmitted: false)
        #expect(outcome.alertSent)
        #expect(outcome.notice == .skip(.externalSender))
        let alert = try #require(await submitter.messages.first)
        #expect(alert.recipients == ["dsl@hollowbrook.example"])
        #expect(String(decoding: alert.data, as: UTF8.self).contains("Social Contact with Students"))
    }

    @Test func aNoticeReachesATinySMTPServer() async throws {
        let server = try TinySMTPServer()
        defer { server.stop() }
        let submitter = SMTPSubmitter(listener: try SMTPListenerAddress(parsing: server.listenerAddress), timeoutSeconds: 10)
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: submitter)

        _ = try await notifier.messageDecided(
            report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), isAutoSubmitted: false)

        let received = try #require(server.transactions.first)
        #expect(received.recipients == ["teacher@hollowbrook.example"])
        #expect(String(decoding: received.data, as: UTF8.self).contains("Subject: Your email was held: Confidentiality and"))
    }
}
