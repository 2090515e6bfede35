import ChaperoneModel
@testable import Policy
import Testing

/// The `web:` section of the configuration (`chaperone web`).
@Suite struct WebConfigurationTests {
    @Test func readsEveryWebKeyAndResolvesTheTLSPaths() throws {
        let yaml = """
        school: {domains: [school.example]}
        web:
          listen: 0.0.0.0:8443
          tls_certificate: tls/web.crt
          tls_key: /etc/ssl/web.key
          secure_cookies: true
          session_idle_minutes: 20
          session_absolute_hours: 8
          lockout_failures: 4
          lockout_minutes: 30
          address_failure_limit: 50
          page_size: 25
          max_sessions: 200
        """
        let web = try ConfigurationLoader.load(yaml: yaml, source: "c.yaml", baseDirectory: "/etc/chaperone").web
        #expect(web.listen == "0.0.0.0:8443")
        #expect(web.tlsCertificate == "/etc/chaperone/tls/web.crt")
        #expect(web.tlsKey == "/etc/ssl/web.key")
        #expect(web.secureCookies && web.usesSecureCookies)
        #expect(web.sessionIdleMinutes == 20 && web.sessionAbsoluteHours == 8)
        #expect(web.lockoutFailures == 4 && web.lockoutMinutes == 30 && web.addressFailureLimit == 50)
        #expect(web.pageSize == 25 && web.maxSessions == 200)
    }

    @Test func defaultsListenOnLoopbackWithoutTLS() throws {
        let web = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}").web
        #expect(web.listen == "127.0.0.1:8025")
        #expect(!web.usesSecureCookies)
        #expect(web.lockoutFailures == 5)
    }

    @Test(arguments: [
        ("web: {listen: 8025}", "HOST:PORT"),
        ("web: {tls_certificate: a.crt}", "go together"),
        ("web: {session_idle_minutes: 0}", "session_idle_minutes"),
        ("web: {colour: blue}", "colour"),
    ])
    func refusesBadWebSettings(_ section: String, _ expected: String) {
        do {
            _ = try ConfigurationLoader.load(yaml: "school: {domains: [school.example]}\n" + section)
            Issue.record("accepted \(section)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }
}
