import ChaperoneModel
import Foundation
import Logging
import MilterServer
import NIOCore
import RecipientExpansion
import Testing

/// A milter server on a free loopback port with a private spool directory, stopped and
/// cleaned up after `body`; it also checks that no spool file outlives the server.
struct TestServer {
    let server: MilterServer
    let address: SocketAddress
    let spoolDirectory: String

    static func configuration(spool: String) -> Configuration {
        var configuration = Configuration()
        configuration.milter.listen = "inet:127.0.0.1:0"
        configuration.milter.spoolDirectory = spool
        // Long enough that PROGRESS never comes between a quick scan and its reply on a
        // loaded machine; the progress test sets its own short interval.
        configuration.milter.progressIntervalSeconds = 30
        configuration.tagging.subjectPrefix = "[SENSITIVE]"
        return configuration
    }

    static func with<T>(
        scanner: any MessageScanning = MarkerScanner(),
        store: InMemoryDecisionStore = InMemoryDecisionStore(),
        configure: (inout Configuration) -> Void = { _ in },
        address: MilterListenAddress? = nil,
        expander: (any RecipientExpanding)? = nil,
        _ body: (TestServer) async throws -> T
    ) async throws -> T {
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-milter-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: spool) }
        var configuration = Self.configuration(spool: spool)
        configure(&configuration)
        let server = MilterServer(
            configuration: configuration, scanner: scanner, store: store,
            logger: Logger(label: "test"), scanThreads: configuration.milter.scanWorkers > 0 ? nil : 2, expander: expander)
        guard let address = try await server.start(address: address) else { throw MilterServerError.notRunning }
        do {
            let result = try await body(TestServer(server: server, address: address, spoolDirectory: spool))
            await server.shutdown(drainTimeout: .seconds(5))
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: spool)) ?? []
            #expect(leftovers.isEmpty, "spool files left behind: \(leftovers)")
            return result
        } catch {
            await server.shutdown(drainTimeout: .seconds(1))
            throw error
        }
    }
}
