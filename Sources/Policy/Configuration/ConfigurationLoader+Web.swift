import ChaperoneModel

extension ConfigurationLoader {
    static let webKeys = [
        "listen", "tls_certificate", "tls_key", "secure_cookies", "session_idle_minutes", "session_absolute_hours",
        "lockout_failures", "lockout_minutes", "address_failure_limit", "page_size", "max_sessions",
        "public_url",
    ]

    /// The `web:` section (`chaperone web`).
    static func readWeb(_ field: YAMLField, into web: inout Configuration.Web, base: String?) throws(ConfigurationError) {
        try field.mapping(known: webKeys) { (key, value) throws(ConfigurationError) in
            switch key {
            case "listen": web.listen = try hostPort(value)
            case "tls_certificate": web.tlsCertificate = resolve(try value.string(), base: base)
            case "tls_key": web.tlsKey = resolve(try value.string(), base: base)
            case "secure_cookies": web.secureCookies = try value.bool()
            case "session_idle_minutes": web.sessionIdleMinutes = try value.int(in: 1...1_440)
            case "session_absolute_hours": web.sessionAbsoluteHours = try value.int(in: 1...168)
            case "lockout_failures": web.lockoutFailures = try value.int(in: 1...100)
            case "lockout_minutes": web.lockoutMinutes = try value.int(in: 1...1_440)
            case "address_failure_limit": web.addressFailureLimit = try value.int(in: 1...10_000)
            case "page_size": web.pageSize = try value.int(in: 5...500)
            case "public_url": web.publicURL = try publicURL(value)
            default: web.maxSessions = try value.int(in: 1...1_000_000)
            }
        }
        if (web.tlsCertificate == nil) != (web.tlsKey == nil) {
            throw field.error("web.tls_certificate and web.tls_key go together: give both for native TLS, or neither behind a TLS proxy")
        }
    }

    /// `web.public_url`: null, or an `https://host[:port][/path]` base without query or fragment.
    static func publicURL(_ value: YAMLField) throws(ConfigurationError) -> String? {
        guard let text = try value.optionalString() else { return nil }
        let rest = text.hasPrefix("https://") ? text.dropFirst(8) : nil
        guard let rest, let host = rest.split(separator: "/", omittingEmptySubsequences: false).first, !host.isEmpty,
              !text.contains("?"), !text.contains("#"), !text.contains(" "), !host.contains("@") else {
            throw value.error("web.public_url '\(text)' is not an HTTPS address: give the address staff open the web app at, e.g. https://chaperone.myschool.sch.uk (no query or fragment), or null for no self-service links")
        }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }
}
