/// The SMTP client as described by the MTA's CONNECT command.
public struct MilterClientInfo: Hashable, Sendable {
    /// The client's host name as the MTA resolved it (or `[address]`, `unknown`).
    public var hostname: String
    public var family: MilterAddressFamily
    public var port: UInt16
    public var address: String

    public init(hostname: String, family: MilterAddressFamily, port: UInt16 = 0, address: String = "") {
        self.hostname = hostname
        self.family = family
        self.port = port
        self.address = address
    }
}
