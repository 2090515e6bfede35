extension Configuration {
    /// Expanding envelope recipients the way Postfix will deliver them (virtual aliases,
    /// local aliases, lists kept elsewhere), so policy judges who really receives a
    /// message. Each limit's config key is under `expansion:`.
    public struct Expansion: Codable, Hashable, Sendable {
        /// `postfix_config_directory`: the Postfix whose `virtual_alias_maps` and
        /// `alias_maps` are queried (`postconf -c DIR`); nil queries no Postfix.
        public var postfixConfigDirectory: String?
        /// `list_file`: lists kept outside Postfix (e.g. on the school's cloud mail),
        /// `list@domain: member, member` per line; nil for none.
        public var listFile: String?
        /// `max_depth`: alias nesting followed before the expansion is refused (default 20).
        public var maxDepth: Int = 20
        /// `max_addresses`: addresses one message may reach after expansion (default 2,000).
        public var maxAddresses: Int = 2_000
        /// `cache_seconds`: how long a lookup result is reused (default 60 s; 0 disables).
        public var cacheSeconds: Double = 60
        /// `cache_entries`: most lookup results kept (default 50,000).
        public var cacheEntries: Int = 50_000
        /// `lookup_timeout_seconds`: longest one `postmap`/`postalias`/`postconf` run may
        /// take before the lookup fails (default 5 s).
        public var lookupTimeoutSeconds: Double = 5
        /// `max_list_bytes`: largest list file, `:include:` file or lookup answer read
        /// (default 16 MiB); a larger one fails the lookup.
        public var maxListBytes: Int = 16 * 1024 * 1024
        public init() {}

        /// True when any source of expansion is configured.
        public var isEnabled: Bool { postfixConfigDirectory != nil || listFile != nil }
    }
}
