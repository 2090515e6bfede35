import ChaperoneModel
import Foundation
import Testing

@testable import Notify

/// The notice for a message delivered with its To and Cc rewritten.
@Suite struct RewriteNoticeTests {
    static func rewritten(_ action: Action = .accept) -> ScanReport {
        var report = NoticeFixtures.report(action: action, sections: [])
        report.headerRewrite = HeaderRewrite(exposedGroups: 30)
        report.recipients = (1...30).map { Recipient(address: "parent\($0)@gmail.com", recipientClass: .parent) }
        return report
    }

    @Test func aRewrittenMessageIsExplainedAndAPlainAcceptIsNot() {
        let plan = NoticePlan.make(report: Self.rewritten(), envelope: NoticeFixtures.envelope(), isAutoSubmitted: false,
                                   configuration: NoticeFixtures.configuration)
        #expect(plan.eligibility == .send)
        let plain = NoticePlan.make(report: NoticeFixtures.report(action: .accept, sections: []), envelope: NoticeFixtures.envelope(),
                                    isAutoSubmitted: false, configuration: NoticeFixtures.configuration)
        #expect(plain.eligibility == .skip(.nothingToExplain))
        // A held message with a rewrite request is not "rewritten": its own notice applies.
        #expect(!Self.rewritten(.quarantine).recipientsRewritten)
    }

    @Test func theNoticeSaysWhatChangedAndWhyWithTheCountOnly() {
        let document = NoticeWriting(configuration: NoticeFixtures.configuration)
            .document(report: Self.rewritten(), envelope: NoticeFixtures.envelope(), decidedAt: Date(), audience: .staff)
        let text = document.plainText
        #expect(document.subject == "Your email was delivered with the recipients hidden")
        #expect(text.contains("undisclosed-recipients"))
        #expect(text.contains("30 families or organisations"))
        #expect(text.contains("Bcc"))
        #expect(!text.contains("@gmail.com"))
    }
}
