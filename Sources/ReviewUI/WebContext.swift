import Hummingbird
import NIOCore

/// The request context of the review web app: Hummingbird's core storage, the client's
/// address (for sign-in limits and the audit trail), and, once the session is checked,
/// who is signed in and the form the request posted.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or `unknown` (tests without a socket).
    public var clientAddress: String
    /// Set by the access check for every route that needs a session.
    public var session: WebSession?
    /// The fields of a POSTed form, read (bounded) by the access check.
    public var form = FormFields()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Forms are small: a reason, a few ids.
    public var maxUploadSize: Int { FormFields.maxBytes }
}
