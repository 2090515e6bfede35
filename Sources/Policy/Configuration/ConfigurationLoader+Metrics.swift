import ChaperoneModel

extension ConfigurationLoader {
    /// `metrics.listen`: null, or a loopback `HOST:PORT` (127.x.x.x, ::1 in brackets, localhost).
    static func readMetrics(_ field: YAMLField, into metrics: inout Configuration.Metrics) throws(ConfigurationError) {
        try field.mapping(known: ["listen"]) { (_, value) throws(ConfigurationError) in
            guard let text = try value.optionalString() else {
                metrics.listen = nil
                return
            }
            guard let address = loopbackHostPort(text) else {
                throw value.error("metrics.listen '\(text)' is not a loopback HOST:PORT: use 127.0.0.1:9464 (or [::1]:9464), or null for no metrics listener")
            }
            metrics.listen = address
        }
    }

    /// `text` when it is `HOST:PORT` with a loopback host and a port in 1…65535.
    static func loopbackHostPort(_ text: String) -> String? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
            return nil
        }
        let host = String(text[..<colon])
        let loopback = host == "localhost" || host == "[::1]" || (host.hasPrefix("127.") && host.split(separator: ".").count == 4
            && host.split(separator: ".").allSatisfy { UInt8($0) != nil })
        return loopback ? text : nil
    }
}
