import Foundation
import MetricsEndpoint
import Prometheus
import Testing

/// The `/metrics` listener on loopback, scraped with a plain HTTP request.
@Suite struct MetricsEndpointTests {
    static func get(port: Int, _ request: String) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        _ = Array(request.utf8).withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    @Test func servesTheRegistryOnlyAtMetrics() async throws {
        let registry = PrometheusCollectorRegistry()
        let counter = registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "chaperone", metricName: "decisions", unitName: "total", helpText: "decisions"),
            labels: [("action", "quarantine"), ("section", "3")])
        let scrapes = ScrapeCount()
        let endpoint = try await MetricsEndpoint.start(host: "127.0.0.1", port: 0, registry: registry) { scrapes.add() }
        counter.increment(by: Int64(2))
        let response = try Self.get(port: endpoint.port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(response.hasPrefix("HTTP/1.1 200 OK"), "\(response)")
        #expect(response.contains("Content-Type: text/plain; version=0.0.4"))
        #expect(response.contains(#"chaperone_decisions_total{action="quarantine",section="3"} 2"#), "\(response)")
        #expect(scrapes.value == 1)
        #expect(try Self.get(port: endpoint.port, "GET / HTTP/1.1\r\nHost: x\r\n\r\n").hasPrefix("HTTP/1.1 404"))
        #expect(try Self.get(port: endpoint.port, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").hasPrefix("HTTP/1.1 405"))
        #expect(scrapes.value == 1)
        await endpoint.stop()
    }

    @Test(arguments: [("127.0.0.1:9464", "127.0.0.1", 9464), ("[::1]:9000", "::1", 9000), ("localhost:1", "localhost", 1)])
    func listenAddressesSplitIntoHostAndPort(listen: String, host: String, port: Int) throws {
        let split = try #require(MetricsEndpoint.hostAndPort(listen))
        #expect(split.host == host && split.port == port)
    }
}

/// Counts `beforeScrape` calls.
final class ScrapeCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
