import ChaperoneModel
import Foundation
import Testing

@testable import Notify

/// The notice to a held staff sender carries the self-service link when the linker
/// gives one, before the decision reference, worded for what it offers; with no link
/// (none allowed, no public URL) the notice is exactly as before; and only the sender
/// themselves ever gets one.
@Suite struct SelfServiceNoticeTests {
    /// Gives a fixed link with a fixed permission, or none.
    struct FixedLinker: SelfServiceLinking {
        var permission: SelfServicePermission?
        func link(for report: ScanReport, envelope: Envelope, decidedAt: Date, configuration: Configuration) -> SelfServiceLink? {
            permission.map {
                SelfServiceLink(
                    url: "https://chaperone.hollowbrook.example/self-service?t=\(report.decisionID).1795259200.abc",
                    permission: $0, expiresAt: Date(timeIntervalSince1970: 1_795_259_200))
            }
        }
    }

    static let decidedAt = Date(timeIntervalSince1970: 1_795_000_000)

    static func notice(_ linker: (any SelfServiceLinking)?, envelope: Envelope = NoticeFixtures.envelope(), report: ScanReport = NoticeFixtures.report()) async -> String {
        let notifier = StaffNotifier(configuration: NoticeFixtures.configuration, submitter: RecordingSubmitter(), selfServiceLinks: linker)
        let message = await notifier.explanationMessage(report: report, envelope: envelope, decidedAt: decidedAt)
        // Quoted-printable undone as far as the tests read it: soft breaks and `=`.
        return String(decoding: message.data, as: UTF8.self)
            .replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
    }

    static func withoutVolatileHeaders(_ text: String) -> String {
        text.split(separator: "\r\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("Message-ID:") && !$0.hasPrefix("Date:") && !$0.contains("boundary") && !$0.hasPrefix("--") }
            .joined(separator: "\n")
    }

    @Test func aReleaseLinkComesBeforeTheDecisionReference() async throws {
        let text = await Self.notice(FixedLinker(permission: .release))
        let url = "https://chaperone.hollowbrook.example/self-service?t=CH-20261124-TESTTEST.1795259200.abc"
        let link = try #require(text.range(of: url))
        let heading = try #require(text.range(of: "Release it yourself"))
        let reference = try #require(text.range(of: "Decision reference: CH-20261124-TESTTEST", range: link.upperBound..<text.endIndex))
        #expect(heading.lowerBound < link.lowerBound && link.upperBound <= reference.lowerBound)
        #expect(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").contains("The link works once"))
    }

    @Test func aRequestLinkIsWordedAsARequest() async {
        let text = await Self.notice(FixedLinker(permission: .request))
        #expect(text.contains("Ask for it to be released"))
        #expect(!text.contains("Release it yourself"))
    }

    @Test func withoutALinkTheNoticeIsUnchanged() async {
        let plain = Self.withoutVolatileHeaders(await Self.notice(nil))
        #expect(Self.withoutVolatileHeaders(await Self.notice(FixedLinker(permission: nil))) == plain)
        #expect(!plain.contains("self-service"))
    }

    @Test func onlyTheSenderGetsALink() async {
        // A system sender's notice goes to its owner, who is not the sender the link is bound to.
        var configuration = NoticeFixtures.configuration
        configuration.senders.systemSenders = ["mis@hollowbrook.example"]
        configuration.senders.systemOwner = "it@hollowbrook.example"
        var report = NoticeFixtures.report()
        report.sender = SenderIdentity(role: .system, address: "mis@hollowbrook.example", basis: .envelopeSender, reason: "system")
        let notifier = StaffNotifier(configuration: configuration, submitter: RecordingSubmitter(), selfServiceLinks: FixedLinker(permission: .release))
        let message = await notifier.explanationMessage(
            report: report, envelope: NoticeFixtures.envelope(sender: "mis@hollowbrook.example"), decidedAt: Self.decidedAt)
        #expect(message.recipients == ["it@hollowbrook.example"])
        #expect(!String(decoding: message.data, as: UTF8.self).contains("self-service"))
    }
}
