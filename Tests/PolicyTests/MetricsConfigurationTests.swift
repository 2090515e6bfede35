import ChaperoneModel
import Policy
import Testing

/// `metrics.listen`: off by default, a loopback HOST:PORT, never a network address.
@Suite struct MetricsConfigurationTests {
    static func load(_ metrics: String) throws(ConfigurationError) -> Configuration {
        try ConfigurationLoader.load(yaml: "school:\n  domains: [a.example]\nmetrics:\n\(metrics)\n", source: "m.yaml")
    }

    @Test func offByDefault() throws {
        #expect(try ConfigurationLoader.load(yaml: "school:\n  domains: [a.example]\n").metrics.listen == nil)
        #expect(try Self.load("  listen: null").metrics.listen == nil)
    }

    @Test(arguments: ["127.0.0.1:9464", "127.1.2.3:1", "[::1]:9464", "localhost:9100"])
    func loopbackAddressesAreAccepted(listen: String) throws {
        #expect(try Self.load("  listen: \"\(listen)\"").metrics.listen == listen)
    }

    @Test(arguments: ["0.0.0.0:9464", "192.168.1.5:9464", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:70000", "example.org:9464", "[::]:9464"])
    func networkAddressesAndBadPortsAreRefusedWithTheLine(listen: String) {
        #expect(throws: ConfigurationError.self) { try Self.load("  listen: \"\(listen)\"") }
        do {
            _ = try Self.load("  listen: \"\(listen)\"")
        } catch {
            #expect(error.description.contains("m.yaml:4:"), "\(error.description)")
            #expect(error.description.contains("loopback"))
        }
    }

    @Test func unknownKeysAreRefused() {
        #expect(throws: ConfigurationError.self) { try Self.load("  port: 9464") }
    }
}
