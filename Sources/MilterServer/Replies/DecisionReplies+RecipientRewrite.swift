import ChaperoneModel
import MilterProtocol

extension DecisionReplies {
    /// How many To and Cc headers a message has, as Postfix sent them.
    struct RecipientHeaderCounts: Hashable, Sendable {
        var to = 0
        var cc = 0
    }

    /// The value the single remaining To header gets.
    static let undisclosedRecipients = "undisclosed-recipients:;"

    /// SMFIR_CHGHEADER replies that hide the recipients from each other: every Cc and
    /// every To after the first are deleted (CHGHEADER with an empty value), highest
    /// index first so the indexes of those still to come do not move; the first To
    /// becomes `undisclosed-recipients:;` (or the school's addresses kept visible). The
    /// index counts occurrences of that header name, from 1. The envelope is untouched.
    func recipientRewriteReplies(_ report: ScanReport) -> [MilterResponse] {
        guard let rewrite = report.headerRewrite, report.action <= .tag, !self.configuration.isGateway else { return [] }
        var replies: [MilterResponse] = []
        for index in stride(from: self.recipientHeaders.cc, through: 1, by: -1) {
            replies.append(.changeHeader(index: UInt32(index), name: "Cc", value: ""))
        }
        for index in stride(from: self.recipientHeaders.to, through: 2, by: -1) {
            replies.append(.changeHeader(index: UInt32(index), name: "To", value: ""))
        }
        let visible = rewrite.visibleAddresses.filter(Self.isPlainAddress)
        let value = visible.isEmpty ? Self.undisclosedRecipients : visible.joined(separator: ", ")
        let spaced = self.headerLeadingSpace ? " " + value : value
        if self.recipientHeaders.to >= 1 {
            replies.append(.changeHeader(index: 1, name: "To", value: spaced))
        } else {
            replies.append(.addHeader(name: "To", value: spaced))
        }
        return replies
    }

    /// The trace header value, saying when the recipients were rewritten.
    func traceValue(_ action: String, _ report: ScanReport) -> String {
        let rewritten = report.headerRewrite != nil && report.action <= .tag && !self.configuration.isGateway
        return "\(action)\(rewritten ? "; recipients-rewritten" : ""); id=\(report.decisionID)"
    }

    /// An address safe to write back into a header: printable ASCII, no separators.
    static func isPlainAddress(_ address: String) -> Bool {
        !address.isEmpty && address.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: ";") }
    }
}
