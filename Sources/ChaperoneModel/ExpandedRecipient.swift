/// An address a message will really be delivered to once Postfix's aliases and the
/// school's lists are expanded, with the envelope recipient it was reached through.
public struct ExpandedRecipient: Codable, Hashable, Sendable {
    /// The final delivery address, lower-cased.
    public var address: String
    /// The envelope recipient (a list or alias) the address was reached through; nil
    /// when it is an envelope recipient delivered as it stands.
    public var list: String?

    public init(address: String, list: String? = nil) {
        self.address = address
        self.list = list
    }
}
