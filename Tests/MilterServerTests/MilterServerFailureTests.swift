import ChaperoneModel
import MilterProtocol
import MilterServer
import NIOCore
import Store
import Testing

@Suite struct MilterServerFailureTests {
    @Test func scannerErrorGetsTheFailAction() async throws {
        try await TestServer.with { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("THROW-ME\r\n".utf8))
            }
            #expect(replies == [.replyCode("451 4.7.1 Chaperone could not check this message: an internal error occurred while checking. Please try again later.")])
            #expect(server.server.statistics.failActions == 1)
        }
    }

    @Test func failActionAcceptDeliversWithAnUnscannedTrace() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(store: store, configure: { $0.milter.failAction = .accept }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("THROW-ME\r\n".utf8))
            }
            #expect(replies == [.addHeader(name: "X-Chaperone", value: " unscanned; reason=error"), .accept])
            // Delivered unscanned, so it is logged as a decision with the reason.
            var logged: [DecisionRecord] = []
            for _ in 0..<100 where logged.isEmpty {
                logged = store.records
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(logged.count == 1)
            #expect(logged.first?.report.action == .accept)
            #expect(logged.first?.report.problems.first?.message.contains("not scanned: an internal error") == true)
        }
    }

    @Test func tempfailIsNotLoggedAsADecision() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(store: store) { server in
            _ = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("THROW-ME\r\n".utf8))
            }
            try await Task.sleep(for: .milliseconds(200))
            #expect(store.records.isEmpty)
        }
    }

    @Test func slowScanSendsProgressThenItsDecision() async throws {
        try await TestServer.with(configure: { $0.milter.progressIntervalSeconds = 0.05 }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("SLOW-ME\r\n".utf8))
            }
            #expect(replies?.first == .progress)
            #expect(replies?.last == .accept)
        }
    }

    @Test func scanPastItsDeadlineGetsTheFailAction() async throws {
        let scanner = MarkerScanner(slowSeconds: 2)
        try await TestServer.with(scanner: scanner, configure: { $0.limits.scanDeadlineSeconds = 0.2 }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("SLOW-ME\r\n".utf8))
            }
            #expect(replies?.last == .replyCode(
                "451 4.7.1 Chaperone could not check this message: checking took longer than 0.2 seconds (scan_deadline_seconds). Please try again later."))
        }
    }

    @Test func messageOverTheSizeLimitIsSkippedAndFailed() async throws {
        let scanner = MarkerScanner()
        try await TestServer.with(scanner: scanner, configure: { $0.limits.maxMessageBytes = 100_000 }) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: [UInt8](repeating: 0x61, count: 300_000), chunkSize: 65_535)
            }
            #expect(replies?.last == .replyCode(
                "451 4.7.1 Chaperone could not check this message: the message is larger than the 100000-byte limit (max_message_bytes). Please try again later."))
            #expect(scanner.scanned.isEmpty)
        }
    }

    @Test func malformedFramesCloseTheConnectionCleanly() async throws {
        try await TestServer.with { server in
            let closed = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                try await milter.send([.body(ByteBuffer(string: "body before MAIL"))])
                return await milter.closedByFilter()
            }
            #expect(closed)
            // The server still serves new connections.
            let options = try await MilterConversation.with(server.address) { try await $0.negotiate() }
            #expect(options == .chaperone)
        }
    }
}
