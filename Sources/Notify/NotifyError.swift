/// What can go wrong handing a message to the local MTA, with the values involved.
public enum NotifyError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A listener that is not `HOST:PORT` (or `[IPv6]:PORT`).
    case badListener(String)
    /// The host name did not resolve.
    case cannotResolve(host: String, code: Int32)
    case cannotConnect(listener: String, errno: Int32)
    /// An address with characters that cannot go into an SMTP command or a header.
    case badAddress(String)
    /// The server closed the connection or the read timed out.
    case connectionLost(stage: String, errno: Int32)
    /// A reply that is not `NNN text`, or longer than the line limit.
    case malformedReply(stage: String)
    /// The server refused a step.
    case refused(stage: String, code: Int, text: String)

    public var description: String {
        switch self {
        case .badListener(let text):
            "listener \"\(text)\" is not HOST:PORT (e.g. 127.0.0.1:10026): fix notifications.submitListener or release.reinjectListener"
        case .cannotResolve(let host, let code):
            "cannot resolve \(host) (getaddrinfo \(code)): use an IP address for the listener"
        case .cannotConnect(let listener, let errno):
            "cannot connect to \(listener) (errno \(errno)): is the milter-free Postfix listener running there?"
        case .badAddress(let address):
            "address \"\(address)\" contains characters not allowed in SMTP"
        case .connectionLost(let stage, let errno):
            "the SMTP server closed the connection or timed out during \(stage) (errno \(errno))"
        case .malformedReply(let stage):
            "the SMTP server sent a malformed reply during \(stage)"
        case .refused(let stage, let code, let text):
            "the SMTP server refused \(stage) with \(code) \(text)"
        }
    }
}
