/// The To and Cc rewrite a decision asks the milter for: every To and Cc header is
/// replaced by one `To:` header naming only `visibleAddresses`, or
/// `undisclosed-recipients:;` when there are none. The envelope is left as it is, so
/// every recipient still gets the message. Set only on delivered (accepted or tagged)
/// messages, never on held or refused ones.
public struct HeaderRewrite: Codable, Hashable, Sendable {
    /// Distinct families or organisations that were exposed to each other.
    public var exposedGroups: Int
    /// The school's own addresses kept visible (`exposed_recipients.keep_internal_visible`).
    public var visibleAddresses: [String]

    public init(exposedGroups: Int, visibleAddresses: [String] = []) {
        self.exposedGroups = exposedGroups
        self.visibleAddresses = visibleAddresses
    }
}

extension ScanReport {
    /// True when the message is delivered with its To and Cc rewritten.
    public var recipientsRewritten: Bool {
        headerRewrite != nil && action <= .tag
    }
}
