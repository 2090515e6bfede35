import ChaperoneModel
import Testing

@testable import Notify

@Suite struct NoticeEligibilityTests {
    func evaluate(
        action: Action = .quarantine, sender: String, authenticated: String? = nil, autoSubmitted: Bool = false
    ) -> NoticeEligibility {
        NoticeEligibility.evaluate(
            action: action, envelope: NoticeFixtures.envelope(sender: sender, authenticatedUser: authenticated),
            isAutoSubmitted: autoSubmitted, configuration: NoticeFixtures.configuration)
    }

    @Test func explainsToSchoolSendersAndAuthenticatedSenders() {
        #expect(evaluate(sender: "teacher@hollowbrook.example") == .send)
        #expect(evaluate(sender: "teacher@staff.hollowbrook.example") == .send)
        #expect(evaluate(action: .reject, sender: "teacher@hollowbrook.example") == .send)
        #expect(evaluate(sender: "teacher@elsewhere.example", authenticated: "teacher") == .send)
    }

    @Test func neverToExternalSendersBouncesOrAutoSubmittedMail() {
        #expect(evaluate(sender: "someone@elsewhere.example") == .skip(.externalSender))
        #expect(evaluate(sender: "someone@nothollowbrook.example") == .skip(.externalSender))
        #expect(evaluate(sender: "", authenticated: "teacher") == .skip(.bounce))
        #expect(evaluate(sender: "teacher@hollowbrook.example", autoSubmitted: true) == .skip(.autoSubmitted))
        #expect(evaluate(sender: "MAILER-DAEMON@hollowbrook.example") == .skip(.systemSender))
        #expect(evaluate(sender: "a@hollowbrook.example\r\nBcc: x@y") == .skip(.unusableSender))
    }

    @Test func onlyQuarantinesAndRejectsAreExplained() {
        #expect(evaluate(action: .accept, sender: "teacher@hollowbrook.example") == .skip(.nothingToExplain))
        #expect(evaluate(action: .tag, sender: "teacher@hollowbrook.example") == .skip(.nothingToExplain))
    }
}
