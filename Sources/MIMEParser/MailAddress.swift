/// One mailbox from an address header: the addr-spec (domain lower-cased, local part as
/// written, quoted only when it must be) and the display name, RFC 2047 decoded.
public struct MailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `local@domain` with the domain lower-cased.
    public var addrSpec: String
    /// The display name (or the comment that served as one), decoded; `nil` when absent.
    public var displayName: String?
    /// The group this mailbox was listed in (`Group: a@b, c@d;`), if any.
    public var group: String?

    public init(addrSpec: String, displayName: String? = nil, group: String? = nil) {
        self.addrSpec = addrSpec
        self.displayName = displayName
        self.group = group
    }

    /// The domain part, lower-cased.
    public var domain: String {
        addrSpec.split(separator: "@").last.map(String.init) ?? ""
    }

    public var description: String {
        displayName.map { "\($0) <\(addrSpec)>" } ?? addrSpec
    }
}
