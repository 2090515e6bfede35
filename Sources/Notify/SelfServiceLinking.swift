import ChaperoneModel
import Foundation

/// Makes the self-service link that a held sender's notice carries, when the school
/// allows self-service for the rules that held the message and `web.public_url` is set.
public protocol SelfServiceLinking: Sendable {
    /// The link for `report`'s sender, or nil when the notice carries none.
    func link(for report: ScanReport, envelope: Envelope, decidedAt: Date, configuration: Configuration) -> SelfServiceLink?
}

/// A self-service link and what it offers.
public struct SelfServiceLink: Hashable, Sendable {
    public var url: String
    /// `request` or `release` (a link is never made for `none`).
    public var permission: SelfServicePermission
    /// When the link stops working.
    public var expiresAt: Date

    public init(url: String, permission: SelfServicePermission, expiresAt: Date) {
        self.url = url
        self.permission = permission
        self.expiresAt = expiresAt
    }

    /// The notice's blocks that offer the link, placed before the decision reference.
    var blocks: [NoticeDocument.Block] {
        let until = "The link works once, until \(ExplanationComposer.dateText(expiresAt))."
        switch permission {
        case .release:
            return [
                .heading("Release it yourself"),
                .paragraph(
                    "The school lets you release this message yourself if it is right to send it: open the link, say why it needs to go, and it is delivered at once. Your reason is recorded and IT can see it. You can also ask IT to decide, or withdraw the message to send it again correctly. \(until)"),
                .paragraph(url),
            ]
        case .request, .none:
            return [
                .heading("Ask for it to be released"),
                .paragraph(
                    "You can ask IT to release this message, saying why it needs to go, or withdraw it to send it again correctly: open the link. \(until)"),
                .paragraph(url),
            ]
        }
    }
}
