/// Where the milter listens, in Postfix's own syntax: `inet:HOST:PORT` (IPv6 hosts in
/// brackets: `inet:[::1]:8891`) or `unix:PATH`.
public enum MilterListenAddress: Hashable, Sendable, CustomStringConvertible {
    case inet(host: String, port: Int)
    case unix(path: String)

    public init(parsing text: String) throws(MilterServerError) {
        if text.hasPrefix("unix:"), text.count > 5 {
            self = .unix(path: String(text.dropFirst(5)))
            return
        }
        guard text.hasPrefix("inet:"), let colon = text.lastIndex(of: ":"), colon > text.index(text.startIndex, offsetBy: 4),
            let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port)
        else { throw .invalidListenAddress(text) }
        var host = String(text[text.index(text.startIndex, offsetBy: 5)..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .invalidListenAddress(text) }
        self = .inet(host: host, port: port)
    }

    public var description: String {
        switch self {
        case .inet(let host, let port): host.contains(":") ? "inet:[\(host)]:\(port)" : "inet:\(host):\(port)"
        case .unix(let path): "unix:\(path)"
        }
    }
}
