import ChaperoneModel
import Policy
import Testing

/// `store:`: the SQLite `database` by default; `url` (+ `password_file`) for a shared
/// PostgreSQL store, never with a password in it.
@Suite struct StoreConfigurationTests {
    static func load(_ store: String) throws(ConfigurationError) -> Configuration {
        try ConfigurationLoader.load(yaml: "school:\n  domains: [a.example]\nstore:\n\(store)\n", source: "s.yaml", baseDirectory: "/etc/chaperone")
    }

    @Test func sqliteIsTheDefault() throws {
        let configuration = try ConfigurationLoader.load(yaml: "school:\n  domains: [a.example]\n")
        #expect(configuration.store.url == nil)
        #expect(configuration.store.database == "/var/lib/chaperone/chaperone.sqlite")
        #expect(configuration.store.hostID == nil)
        #expect(configuration.store.timeoutSeconds == 10)
        #expect(configuration.store.maxConnections == 10)
    }

    @Test func aPostgresStoreIsReadWithItsPasswordFileAndHost() throws {
        let configuration = try Self.load("""
              url: postgresql://chaperone@db.trust.example:5432/chaperone
              password_file: store-password
              host_id: mx2
              timeout_seconds: 5
              max_connections: 4
            """)
        #expect(configuration.store.url == "postgresql://chaperone@db.trust.example:5432/chaperone")
        #expect(configuration.store.passwordFile == "/etc/chaperone/store-password")
        #expect(configuration.store.hostID == "mx2")
        #expect(configuration.store.timeoutSeconds == 5)
        #expect(configuration.store.maxConnections == 4)
    }

    @Test(arguments: [
        "postgresql://chaperone:s3cret@db.trust.example/chaperone", "mysql://chaperone@db/chaperone",
        "postgresql://db.trust.example/chaperone", "postgresql://chaperone@db.trust.example/", "not a url",
    ])
    func badURLsAreRefusedWithTheLineAndNeverEchoAPassword(url: String) {
        do {
            _ = try Self.load("  url: \"\(url)\"")
            Issue.record("\(url) was accepted")
        } catch {
            #expect(error.description.contains("s.yaml:4:"), "\(error.description)")
            #expect(error.description.contains("store.url"))
            #expect(!error.description.contains("s3cret"))
        }
    }
}
