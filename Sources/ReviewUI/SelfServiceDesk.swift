import ChaperoneModel
import Foundation
import Notify
import Store

/// What the self-service page needs beyond the web app's store and workflow: the signer
/// with the store's key, the per-address limit on links that do not work, and where the
/// DSL alert of a self-release is submitted (`notifications.submit_listener`).
public struct SelfServiceDesk: Sendable {
    public let signer: SelfServiceSigner
    /// Refused links per client address within `web.lockout_minutes`, as sign-in failures are counted.
    public let throttle: LoginThrottle
    /// Where the alert of a self-release goes; nil: no alert (notifications are off).
    public let alertSubmitter: (any MailSubmitter)?

    /// The form's CSRF cookie (double submit, as the sender has no session).
    public static let formCookie = "chaperone_self_service"

    public init(signer: SelfServiceSigner, web: Configuration.Web, alertSubmitter: (any MailSubmitter)?) {
        self.signer = signer
        throttle = LoginThrottle(limit: web.addressFailureLimit, window: TimeInterval(web.lockoutMinutes * 60))
        self.alertSubmitter = alertSubmitter
    }
}
