import ChaperoneModel
import Foundation
import MilterProtocol
import MilterServer
import NIOCore
import Testing

/// Bounded connections: a silent connection is closed after `milter.idle_timeout_seconds`
/// (2,000 silent connections were once held forever), and past `milter.max_connections`
/// a new one is closed at once (Postfix then applies `milter_default_action`). Both are
/// counted. No timing is asserted: only that the close comes.
@Suite struct ConnectionLimitTests {
    @Test func aSilentConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await TestServer.with(configure: { $0.milter.idleTimeoutSeconds = 1 }) { server in
            let closed = try await MilterConversation.with(server.address) { milter in
                await milter.closedByFilter()  // connected, and we say nothing at all
            }
            #expect(closed)
            #expect(server.server.statistics.connectionsTimedOut == 1)
        }
    }

    /// The idle clock stops while a decision is under way and starts again from the
    /// decision's reply. It once ran from the last command read (a plain read-idle
    /// timer, whose events were ignored during the scan): after a scan nearly as long as
    /// the timeout the next check came moments after the reply, and a client that was
    /// slow to send its next command — the whole suite on a loaded 2-core machine stalls
    /// test clients for seconds — found the connection closed ("I/O on closed channel").
    /// The timeout here (60 s) is far above any stall between the client's commands
    /// (a whole-suite run next to the Postfix fault tests once stalled this client past
    /// 15 s, and a whole-suite run beside three builds past 30 s: blocking process waits
    /// hold the 2-core machine's cooperative threads); the scan is held open past it,
    /// and the same connection then carries a second message.
    @Test func aScanLongerThanTheIdleTimeoutIsNotCutOff() async throws {
        let scanner = GatedScanner()
        let idleSeconds = 60.0
        try await TestServer.with(scanner: scanner, configure: {
            $0.milter.idleTimeoutSeconds = idleSeconds
            $0.limits.scanDeadlineSeconds = idleSeconds * 3  // the scan's own bound, not reached here
        }) { server in
            let (first, second) = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                // Once the scan has started, hold it past the idle timeout.
                let opener = Task {
                    while server.server.statistics.scansInFlight == 0 { try await Task.sleep(for: .milliseconds(50)) }
                    try await Task.sleep(for: .seconds(idleSeconds + 3))
                    scanner.open()
                }
                defer { opener.cancel() }
                let first = try await milter.message(body: Array("Hello\r\n".utf8))
                return (first, try await milter.message(body: Array("Hello again\r\n".utf8)))
            }
            #expect(first?.last == .accept)
            #expect(second?.last == .accept)
            #expect(server.server.statistics.connectionsTimedOut == 0)
        }
    }

    @Test func connectionsBeyondTheLimitAreClosedAtOnce() async throws {
        try await TestServer.with(configure: { $0.milter.maxConnections = 2 }) { server in
            try await MilterConversation.with(server.address) { first in
                _ = try await first.negotiate()
                try await MilterConversation.with(server.address) { second in
                    _ = try await second.negotiate()
                    let refused = try await MilterConversation.with(server.address) { third in
                        await third.closedByFilter()
                    }
                    #expect(refused)
                    #expect(server.server.statistics.connectionsRefused == 1)
                    // The two admitted connections still work.
                    #expect(try await second.message(body: Array("Hello\r\n".utf8))?.last == .accept)
                }
                #expect(try await first.message(body: Array("Hello\r\n".utf8))?.last == .accept)
            }
        }
    }
}

/// A scanner that accepts, but only once `open()` is called.
final class GatedScanner: MessageScanning, @unchecked Sendable {
    let configVersion = "gated"
    private let gate = DispatchSemaphore(value: 0)

    func open() { gate.signal() }

    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        gate.wait()
        gate.signal()
        return ScanReport(action: .accept, sizeBytes: message.count)
    }
}
