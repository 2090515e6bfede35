/// The client address family in a CONNECT command.
public enum MilterAddressFamily: UInt8, Hashable, Sendable {
    /// `U`: unknown; no port or address follow.
    case unknown = 0x55
    /// `L`: a UNIX-domain socket.
    case unix = 0x4C
    /// `4`: IPv4.
    case inet = 0x34
    /// `6`: IPv6.
    case inet6 = 0x36
}
