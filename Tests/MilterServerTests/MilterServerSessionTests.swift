import ChaperoneModel
import Foundation
import MilterProtocol
import MilterServer
import NIOCore
import Testing

@Suite struct MilterServerSessionTests {
    @Test func severalMessagesPerConnectionWithAnAbortInBetween() async throws {
        let scanner = MarkerScanner()
        try await TestServer.with(scanner: scanner) { server in
            let results = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                let first = try await milter.message(body: Array("one\r\n".utf8), queueID: "Q1")
                try await milter.exchange([.abort, .mail(sender: "<x@school.example>", arguments: []), .abort])
                let second = try await milter.message(body: Array("TAG-ME\r\n".utf8), queueID: "Q2")
                try await milter.send([.abort, .quit])
                return [first?.last, second?.last]
            }
            #expect(results == [.accept, .accept])
            #expect(scanner.scanned.map(\.envelope.queueID) == ["Q1", "Q2"])
        }
    }

    @Test func bigMessageIsSpooledAndReadBackExactly() async throws {
        let scanner = MarkerScanner()
        try await TestServer.with(scanner: scanner, configure: { $0.limits.memorySpoolBytes = 64 * 1024 }) { server in
            let body = (0..<400_000).map { UInt8(truncatingIfNeeded: $0 % 251) }
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: body)
            }
            #expect(replies?.last == .accept)
            #expect(scanner.scanned.first.map { Array($0.message.suffix(body.count)) } == body)
            let statistics = server.server.statistics
            #expect(statistics.messagesSpooled == 1)
            #expect(statistics.peakMessageMemoryBytes <= 64 * 1024)
            // TestServer checks, after shutdown, that no spool file was left behind.
        }
    }

    @Test func reloadSwapsTheScannerForNewMessages() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(store: store) { server in
            server.server.reload(scanner: MarkerScanner(configVersion: "test-2"), configuration: server.server.snapshot.configuration)
            _ = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("x\r\n".utf8))
            }
            #expect(store.records.map(\.configVersion) == ["test-2"])
        }
    }

    @Test func fiftyConcurrentConnectionsAreAllDecided() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(store: store) { server in
            let outcomes = try await withThrowingTaskGroup(of: MilterResponse?.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        try await MilterConversation.with(server.address) { milter in
                            _ = try await milter.negotiate()
                            let marker = index.isMultiple(of: 2) ? "REJECT-ME" : "fine"
                            return try await milter.message(body: Array("\(marker)\r\n".utf8))?.last
                        }
                    }
                }
                return try await group.reduce(into: [MilterResponse?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .accept }.count == 25)
            #expect(outcomes.filter { if case .replyCode = $0 { true } else { false } }.count == 25)
            #expect(store.records.count == 50)
        }
    }
}
