import ChaperoneModel
import MilterProtocol
import Testing

@testable import MilterServer

@Suite struct DecisionRepliesTests {
    private func replies(
        subject: DecisionReplies.OriginalSubject = .text("Trip"), leadingSpace: Bool = true,
        _ configure: (inout Configuration) -> Void = { _ in }
    ) -> DecisionReplies {
        var configuration = Configuration()
        configure(&configuration)
        return DecisionReplies(configuration: configuration, headerLeadingSpace: leadingSpace, originalSubject: subject)
    }

    @Test func traceHeaderCanBeSwitchedOff() {
        let report = ScanReport(decisionID: "CH-1", action: .accept)
        #expect(self.replies().replies(for: report) == [.addHeader(name: "X-Chaperone", value: " accept; id=CH-1"), .accept])
        #expect(self.replies { $0.tagging.traceHeader = nil }.replies(for: report) == [.accept])
        #expect(self.replies(leadingSpace: false).replies(for: report).first == .addHeader(name: "X-Chaperone", value: "accept; id=CH-1"))
    }

    @Test func tagNamesItsRulesAndGoverningSectionsAndAddsAnEncodedNonASCIIPrefix() {
        let report = ScanReport(
            decisionID: "CH-2", action: .tag, rules: ["5.images-to-partner", "8.sensitive-to-partner"],
            governingSections: [.images, .confidentiality])
        let result = self.replies { $0.tagging.subjectPrefix = "[SENSIBLE – ÉCOLE]" }.replies(for: report)
        #expect(result == [
            .addHeader(name: "X-Chaperone", value: " tag; id=CH-2"),
            .addHeader(name: "X-Chaperone-Classification",
                       value: " rules=5.images-to-partner, 8.sensitive-to-partner; governing_sections=5, 8; id=CH-2"),
            .changeHeader(index: 1, name: "Subject", value: " =?UTF-8?B?W1NFTlNJQkxFIOKAkyDDiUNPTEVd?= Trip"),
            .accept,
        ])
    }

    @Test func subjectPrefixIsAddedWhenMissingAndNotRepeatedOrGarbled() {
        let report = ScanReport(decisionID: "CH-3", action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality])
        let prefixed: (DecisionReplies.OriginalSubject) -> [MilterResponse] = { subject in
            self.replies(subject: subject) { $0.tagging.subjectPrefix = "[OS]" }.replies(for: report)
        }
        #expect(prefixed(.absent).contains(.addHeader(name: "Subject", value: " [OS]")))
        #expect(!prefixed(.text("[OS] Trip")).contains { if case .changeHeader = $0 { true } else { false } })
        #expect(!prefixed(.unreadable).contains { if case .changeHeader = $0 { true } else { false } })
    }

    @Test func longExplanationsStayShortAndUnder512BytesALine() {
        let explanation = String(repeating: "% word ", count: 2_000)
        let report = ScanReport(decisionID: "CH-4", action: .reject, sections: [.socialContact], explanation: explanation)
        guard case .replyCode(let text) = self.replies().replies(for: report).first else {
            Issue.record("expected a reply code")
            return
        }
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.utf8.count < 512 && $0.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(lines.last == "550 5.7.1 Decision CH-4. Ask the IT office if you think this is wrong.")
        #expect(!text.replacingOccurrences(of: "%%", with: "").contains("%"))
    }

    @Test func failActionRejectIsPermanent() {
        let result = self.replies { $0.milter.failAction = .reject }.replies(for: FailureReason.scannerFailed)
        #expect(result == [.replyCode("550 5.7.1 Chaperone could not check this message: an internal error occurred while checking. It was not sent.")])
    }

    @Test func cleaningRemovesControlsAndNonASCII() {
        #expect(SMTPReplyText.clean("a\r\nb\t c\u{0}d ünï “q”") == "a b c d ?n? \"q\"")
        #expect(EncodedWord.encodeIfNeeded("plain") == "plain")
        let long = EncodedWord.encodeIfNeeded(String(repeating: "é", count: 40))
        #expect(long.split(separator: " ").allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") })
    }
}

/// The To/Cc rewrite as replies: only on delivered messages, indexes per header name.
@Suite struct RecipientRewriteRepliesTests {
    private func replies(to: Int, cc: Int, leadingSpace: Bool = true) -> DecisionReplies {
        DecisionReplies(
            configuration: Configuration(), headerLeadingSpace: leadingSpace, originalSubject: .text("Trip"),
            recipientHeaders: DecisionReplies.RecipientHeaderCounts(to: to, cc: cc))
    }

    @Test func keptInternalAddressesReplaceTheFirstTo() {
        let report = ScanReport(decisionID: "CH-7", action: .accept,
                                headerRewrite: HeaderRewrite(exposedGroups: 9, visibleAddresses: ["office@school.example", "bad,addr@x"]))
        #expect(self.replies(to: 1, cc: 0, leadingSpace: false).replies(for: report) == [
            .changeHeader(index: 1, name: "To", value: "office@school.example"),
            .addHeader(name: "X-Chaperone", value: "accept; recipients-rewritten; id=CH-7"),
            .accept,
        ])
    }

    @Test func heldRefusedAndUnflaggedMessagesAreNeverRewritten() {
        let rewrite = HeaderRewrite(exposedGroups: 9)
        for action in [Action.quarantine, .reject] {
            let report = ScanReport(decisionID: "CH-8", action: action, sections: [.confidentiality], headerRewrite: rewrite)
            #expect(!self.replies(to: 2, cc: 1).replies(for: report).contains { if case .changeHeader = $0 { true } else { false } })
        }
        let plain = ScanReport(decisionID: "CH-9", action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality])
        #expect(!self.replies(to: 2, cc: 1).replies(for: plain).contains { if case .changeHeader(_, "To", _) = $0 { true } else { false } })
    }

    @Test func aTaggedMessageIsRewrittenAndTagged() {
        let report = ScanReport(
            decisionID: "CH-10", action: .tag, rules: ["5.images-to-partner"], governingSections: [.images],
            headerRewrite: HeaderRewrite(exposedGroups: 6))
        let result = self.replies(to: 1, cc: 1).replies(for: report)
        #expect(Array(result.prefix(2)) == [
            .changeHeader(index: 1, name: "Cc", value: ""),
            .changeHeader(index: 1, name: "To", value: " undisclosed-recipients:;"),
        ])
        #expect(result.contains { if case .addHeader("X-Chaperone-Classification", _) = $0 { true } else { false } })
    }
}

/// Gateway mode: the tenant has DKIM-signed the message, so a tag adds Chaperone's own
/// headers only and never a subject prefix, and To/Cc are never rewritten.
@Suite struct GatewayDecisionRepliesTests {
    private func replies(subject: DecisionReplies.OriginalSubject) -> DecisionReplies {
        var configuration = Configuration()
        configuration.mode = .gateway
        configuration.tagging.subjectPrefix = "[OFFICIAL-SENSITIVE]"
        return DecisionReplies(
            configuration: configuration, headerLeadingSpace: true, originalSubject: subject,
            recipientHeaders: .init(to: 2, cc: 1))
    }

    @Test func aTagAddsOnlyChaperonesOwnHeaders() {
        let report = ScanReport(decisionID: "CH-G1", action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality])
        for subject in [DecisionReplies.OriginalSubject.text("Referral"), .absent] {
            #expect(self.replies(subject: subject).replies(for: report) == [
                .addHeader(name: "X-Chaperone", value: " tag; id=CH-G1"),
                .addHeader(name: "X-Chaperone-Classification", value: " rules=8.sensitive-to-partner; governing_sections=8; id=CH-G1"),
                .accept,
            ])
        }
    }

    @Test func aRewriteInTheReportIsNotApplied() {
        var report = ScanReport(decisionID: "CH-G2", action: .accept)
        report.headerRewrite = HeaderRewrite(exposedGroups: 8, visibleAddresses: [])
        #expect(self.replies(subject: .text("Trip")).replies(for: report) == [
            .addHeader(name: "X-Chaperone", value: " accept; id=CH-G2"), .accept,
        ])
    }
}
