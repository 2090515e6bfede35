extension Configuration {
    /// Where Chaperone sits in the school's mail, which decides who vouches for the
    /// sender and which changes to a message are safe.
    public enum Mode: String, CaseIterable, Codable, Hashable, Sendable {
        /// The school's own outbound Postfix: staff submit with a SASL login, and
        /// nothing has signed the message before Chaperone sees it.
        case mailServer = "mail_server"
        /// An outbound gateway (smart host) behind Microsoft 365 or Google Workspace
        /// (`deploy/gateway/`): there is no SASL login, the tenant vouches for the envelope
        /// sender, and the tenant has already DKIM-signed the message, so Chaperone adds
        /// only its own headers and never changes Subject, From, To, Cc or any other
        /// header a signature covers.
        case gateway
    }

    /// Settings that apply in gateway mode only.
    public struct Gateway: Codable, Hashable, Sendable {
        /// An internal mailbox (e.g. the IT office's) that receives the explanation of
        /// every held or refused message instead of its sender; nil sends each
        /// explanation to its sender through the gateway's milter-free listener.
        public var noticeMailbox: String?
        public init() {}
    }

    /// True when Chaperone runs as an outbound gateway for a cloud tenant.
    public var isGateway: Bool { mode == .gateway }

    /// The exposed-recipients action in force: in gateway mode `rewrite` (which changes
    /// To and Cc, covered by the tenant's DKIM signature) becomes `hold`. The loader
    /// refuses an explicit `rewrite` in gateway mode; this covers configurations built
    /// in code.
    public var effectiveExposureAction: ExposureAction {
        isGateway && exposedRecipients.action == .rewrite ? .hold : exposedRecipients.action
    }

    /// The subject prefix in force: none in gateway mode, where Subject is signed.
    public var effectiveSubjectPrefix: String? {
        isGateway ? nil : tagging.subjectPrefix
    }
}
