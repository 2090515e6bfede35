extension Configuration {
    /// The Prometheus `/metrics` listener of `chaperone serve`.
    public struct Metrics: Codable, Hashable, Sendable {
        /// Loopback `HOST:PORT` to serve `/metrics` on (e.g. `127.0.0.1:9464`); nil (the
        /// default) serves none. Only loopback addresses are accepted: the counts say how
        /// much mail is held and why, which is not for the network.
        public var listen: String? = nil
        public init() {}

        /// `listen` is written even when null, so `config show` lists the setting.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(listen, forKey: .listen)
        }

        private enum CodingKeys: String, CodingKey { case listen }
    }
}
