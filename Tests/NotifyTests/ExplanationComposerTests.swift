import ChaperoneModel
import Foundation
import Testing

@testable import Notify

@Suite struct ExplanationComposerTests {
    let decidedAt = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func namesTheSectionRuleRecipientsFindingsAndDecision() {
        let document = ExplanationComposer(configuration: NoticeFixtures.configuration)
            .compose(report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), decidedAt: decidedAt)
        let text = document.plainText.replacingOccurrences(of: "\n  ", with: " ").replacingOccurrences(of: "\n", with: " ")

        #expect(document.subject == "Your email was held: Confidentiality and Security")
        #expect(text.contains("Section 8, Confidentiality and Security: \(Section.confidentiality.rule)"))
        #expect(text.contains("friend@gmail.example (a personal email account)"))
        #expect(text.contains("a Unique Pupil Number (A1234…2) in an attached .xlsx file (part 2, Sheet1!row 4)"))
        #expect(text.contains("the IT office (it@hollowbrook.example)"))
        #expect(text.contains("CH-20261124-TESTTEST"))
    }

    @Test func holdsNoRawPupilData() async throws {
        let submitter = RecordingSubmitter()
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: submitter)
        let message = await notifier.explanationMessage(
            report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), decidedAt: decidedAt)
        let text = String(decoding: message.data, as: UTF8.self)

        #expect(String(decoding: NoticeFixtures.rawMessage, as: UTF8.self).contains(NoticeFixtures.rawUPN))
        #expect(!text.contains(NoticeFixtures.rawUPN))
        #expect(!text.contains("Pemberton"))
        #expect(text.contains("Confidentiality and Security"))
    }

    @Test(arguments: Section.allCases)
    func keepsEachSectionTitleWholeOnOneShortLine(section: Section) async throws {
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: RecordingSubmitter())
        let message = await notifier.explanationMessage(
            report: NoticeFixtures.report(sections: [section]), envelope: NoticeFixtures.envelope(), decidedAt: decidedAt)
        let lines = String(decoding: message.data, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.contains { $0.hasPrefix("- Section \(section.rawValue), \(section.title):") })
        #expect(lines.allSatisfy { $0.count <= 78 }, "\(lines.filter { $0.count > 78 })")
    }

    @Test func escapesHTML() {
        var configuration = NoticeFixtures.configuration
        configuration.explanations[.confidentiality] = "Sent to <script>alert(1)</script> & co"
        let document = ExplanationComposer(configuration: configuration)
            .compose(report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), decidedAt: decidedAt)
        #expect(!document.html.contains("<script>"))
        #expect(document.html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
    }

    @Test func usesTheConfiguredExplanationForASection() {
        var configuration = NoticeFixtures.configuration
        configuration.explanations[.confidentiality] = "Use the secure portal for pupil data."
        let text = ExplanationComposer(configuration: configuration)
            .compose(report: NoticeFixtures.report(), envelope: NoticeFixtures.envelope(), decidedAt: decidedAt).plainText
            .replacingOccurrences(of: "\n  ", with: " ")
        #expect(text.contains("Confidentiality and Security: \(Section.confidentiality.rule)"))
        #expect(text.contains("- Use the secure portal for pupil data."))
    }

    @Test func encodesHeadersWithoutInjection() {
        let header = MailHeaderValue.encode(name: "Subject", value: "Caf\u{e9}\r\nBcc: x@y")
        #expect(header.hasPrefix("Subject: =?utf-8?B?"))
        #expect(!header.contains("Bcc:"))
        let long = MailHeaderValue.encode(name: "Subject", value: String(repeating: "word ", count: 40))
        #expect(long.split(separator: "\r\n").allSatisfy { $0.count <= 78 })
    }

    @Test func quotedPrintableKeepsLinesShortAndEncodesHazards() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 60) + "\n.dot\nFrom here \nx=y")
        #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(encoded.contains("=2Edot"))
        #expect(encoded.contains("=46rom here=20"))
        #expect(encoded.contains("x=3Dy"))
    }
}
