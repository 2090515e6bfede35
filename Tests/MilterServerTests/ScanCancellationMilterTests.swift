import ChaperoneModel
import MilterProtocol
import MilterServer
import NIOCore
import Testing

/// The milter's side of cancellation and admission: a scan past its deadline stops at
/// its next checkpoint and frees its worker; a message that cannot get a worker waits or
/// gets the fail action, as configured. Progress is read from counters, never timed.
@Suite struct ScanCancellationMilterTests {
    static let busy = MilterResponse.replyCode(
        "451 4.7.1 Chaperone could not check this message: the mail filter is busy checking other messages. Please try again later.")

    /// Polls `condition` every 10 ms for at most 10 s.
    private func eventually(_ condition: () -> Bool) async throws -> Bool {
        for _ in 0..<1_000 {
            if condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    @Test func aScanPastItsDeadlineStopsAtItsNextCheckpoint() async throws {
        let scanner = CheckpointScanner()
        try await TestServer.with(scanner: scanner, configure: { $0.limits.scanDeadlineSeconds = 0.2 }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("Hello\r\n".utf8))
            }
            #expect(replies?.last == .replyCode(
                "451 4.7.1 Chaperone could not check this message: checking took longer than 0.2 seconds (scan_deadline_seconds). Please try again later."))
            // The worker is freed: the scan returned, having refused exactly one checkpoint.
            #expect(try await self.eventually { scanner.returned == 1 && server.server.statistics.scansInFlight == 0 })
            let cancellation = try #require(scanner.started.first)
            #expect(cancellation.isCancelled)
            #expect(cancellation.refused == 1)
            #expect(cancellation.passedTotal < scanner.maxCheckpoints)
            #expect(try await self.eventually { server.server.statistics.scansCancelled == 1 })
        }
    }

    @Test func aClosedConnectionCancelsItsScan() async throws {
        let scanner = CheckpointScanner()
        try await TestServer.with(scanner: scanner) { server in
            _ = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                try await milter.submit(body: "Hello\r\n")
                // Postfix gives up on the filter while the scan runs.
                #expect(try await self.eventually { scanner.started.count == 1 })
            }
            #expect(try await self.eventually { scanner.returned == 1 })
            #expect(scanner.started.first?.refused == 1)
        }
    }

    @Test func overTheBudgetWithoutWaitingGetsTheFailActionAtOnce() async throws {
        let statistics = try await refusedWhileOneScanRuns(admissionWaitSeconds: 0)
        #expect(statistics.admissionRefusals == 1)
    }

    @Test func overTheBudgetWaitsItsTurnThenIsDecided() async throws {
        let scanner = CheckpointScanner()
        try await TestServer.with(scanner: scanner, configure: {
            $0.milter.scanWorkers = 1
            $0.milter.admissionWaitSeconds = 60
        }) { server in
            try await MilterConversation.with(server.address) { first in
                _ = try await first.negotiate()
                try await first.submit(body: "Hello\r\n")
                #expect(try await self.eventually { scanner.started.count == 1 })
                try await MilterConversation.with(server.address) { second in
                    _ = try await second.negotiate()
                    try await second.submit(body: "Hello again\r\n")
                    #expect(try await self.eventually { server.server.statistics.admissionWaits == 1 })
                    #expect(scanner.started.count == 1, "the second waits without a worker")
                    scanner.open()
                    #expect(try await first.replies()?.last == .accept)
                    #expect(try await second.replies()?.last == .accept)
                }
            }
            #expect(scanner.started.count == 2)
            #expect(server.server.statistics.admissionRefusals == 0)
        }
    }

    @Test func aWaitLongerThanAllowedGetsTheFailAction() async throws {
        let statistics = try await refusedWhileOneScanRuns(admissionWaitSeconds: 0.2)
        #expect(statistics.admissionWaits == 1)
        #expect(statistics.admissionRefusals == 1)
    }

    /// One worker busy with a held scan; a second message gets the busy fail action
    /// (at once, or after `admissionWaitSeconds`) and is never scanned; the first is
    /// decided once the scan is let go. Returns the server's counters afterwards.
    private func refusedWhileOneScanRuns(admissionWaitSeconds: Double) async throws -> MilterStatistics {
        let scanner = CheckpointScanner()
        return try await TestServer.with(scanner: scanner, configure: {
            $0.milter.scanWorkers = 1
            $0.milter.admissionWaitSeconds = admissionWaitSeconds
        }) { server in
            try await MilterConversation.with(server.address) { first in
                _ = try await first.negotiate()
                try await first.submit(body: "Hello\r\n")
                #expect(try await self.eventually { scanner.started.count == 1 })
                let refused = try await MilterConversation.with(server.address) { second in
                    _ = try await second.negotiate()
                    return try await second.message(body: Array("Hello again\r\n".utf8))
                }
                #expect(refused == [Self.busy])
                scanner.open()
                #expect(try await first.replies()?.last == .accept)
            }
            #expect(scanner.started.count == 1, "the refused message was never scanned")
            return server.server.statistics
        }
    }
}
