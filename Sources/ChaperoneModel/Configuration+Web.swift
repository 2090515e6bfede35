extension Configuration {
    /// The review web app (`chaperone web`): where it listens, TLS, sessions and the
    /// sign-in limits.
    public struct Web: Codable, Hashable, Sendable {
        /// `HOST:PORT` to listen on; loopback by default (put a TLS proxy in front, or
        /// give a certificate and key).
        public var listen: String = "127.0.0.1:8025"
        /// PEM certificate chain for native TLS; with `tlsKey`, cookies are `Secure`.
        public var tlsCertificate: String?
        /// PEM private key for `tlsCertificate`.
        public var tlsKey: String?
        /// Mark session cookies `Secure` even without native TLS (behind a TLS proxy).
        public var secureCookies: Bool = false
        /// Minutes without a request after which a session ends.
        public var sessionIdleMinutes: Int = 30
        /// Hours after sign-in after which a session ends whatever its use.
        public var sessionAbsoluteHours: Int = 10
        /// Failed sign-ins in a row that lock an account.
        public var lockoutFailures: Int = 5
        /// Minutes a locked account stays locked.
        public var lockoutMinutes: Int = 15
        /// Failed sign-ins from one client address within `lockoutMinutes` after which
        /// that address may not try again until the window passes.
        public var addressFailureLimit: Int = 20
        /// Rows per page on the quarantine and log pages.
        public var pageSize: Int = 50
        /// Sessions open at once; the oldest is ended when a new one would pass it.
        public var maxSessions: Int = 1_000
        /// The HTTPS address staff reach the web app at (`https://chaperone.myschool.sch.uk`),
        /// the base of the self-service links in notices; nil: notices carry no link.
        public var publicURL: String?
        public init() {}

        /// True when cookies must carry `Secure`.
        public var usesSecureCookies: Bool { secureCookies || tlsCertificate != nil }
    }
}
