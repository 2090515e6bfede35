import ChaperoneModel
import Foundation
import Notify
import Store

/// The self-service link of a held staff sender's notice: `web.public_url` +
/// `/self-service?t=` + a token signed with the store's key for the decision and the
/// sender, valid for `self_service.token_hours` after the decision. Nil when the school
/// allows nothing for the rules that held the message, or has no public URL.
public struct SelfServiceLinker: SelfServiceLinking {
    let signer: SelfServiceSigner

    /// The path of the self-service page; the token goes in the query, which the web
    /// app's request log never writes.
    public static let path = "/self-service"

    public init(signer: SelfServiceSigner) {
        self.signer = signer
    }

    public func link(for report: ScanReport, envelope: Envelope, decidedAt: Date, configuration: Configuration) -> SelfServiceLink? {
        guard let base = configuration.web.publicURL, !envelope.sender.isEmpty else { return nil }
        let permission = SelfServiceScope.permission(for: report, configuration: configuration)
        guard permission != .none else { return nil }
        let expiresAt = decidedAt.addingTimeInterval(TimeInterval(configuration.selfService.tokenHours * 3600))
        let token = signer.token(decisionID: report.decisionID, sender: envelope.sender, expiresAt: expiresAt)
        return SelfServiceLink(url: base + Self.path + "?t=" + token.text, permission: permission, expiresAt: token.expiryDate)
    }
}
