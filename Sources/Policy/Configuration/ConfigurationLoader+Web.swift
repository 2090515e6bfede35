import ChaperoneModel

extension ConfigurationLoader {
    static let webKeys = [
        "listen", "tls_certificate", "tls_key", "secure_cookies", "session_idle_minutes", "session_absolute_hours",
        "lockout_failures", "lockout_minutes", "address_failure_limit", "page_size", "max_sessions",
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
            default: web.maxSessions = try value.int(in: 1...1_000_000)
            }
        }
        if (web.tlsCertificate == nil) != (web.tlsKey == nil) {
            throw field.error("web.tls_certificate and web.tls_key go together: give both for native TLS, or neither behind a TLS proxy")
        }
    }
}
