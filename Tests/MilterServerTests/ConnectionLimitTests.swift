import ChaperoneModel
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
                _ = try await milter.negotiate()
                return await milter.closedByFilter()  // we say nothing more
            }
            #expect(closed)
            #expect(server.server.statistics.connectionsTimedOut == 1)
        }
    }

    @Test func aScanLongerThanTheIdleTimeoutIsNotCutOff() async throws {
        // Idle 2 s, scan 5 s: generous gaps, so that a loaded machine's pauses between
        // commands cannot pass for idleness.
        let scanner = MarkerScanner(slowSeconds: 5)
        try await TestServer.with(scanner: scanner, configure: { $0.milter.idleTimeoutSeconds = 2 }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("SLOW-ME\r\n".utf8))
            }
            #expect(replies?.last == .accept)
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
