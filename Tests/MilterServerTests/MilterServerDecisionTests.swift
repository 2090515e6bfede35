import ChaperoneModel
import MilterProtocol
import MilterServer
import NIOCore
import Testing

@Suite struct MilterServerDecisionTests {
    static let client = MilterCommand.connect(MilterClientInfo(hostname: "localhost", family: .inet, port: 4000, address: "127.0.0.1"))

    @Test func negotiatesOnlyWhatChaperoneNeeds() async throws {
        try await TestServer.with { server in
            try await MilterConversation.with(server.address) { milter in
                let options = try await milter.negotiate()
                #expect(options == .chaperone)
                #expect(options?.protocolFlags.contains(.noReplyBody) == false)
            }
        }
    }

    @Test func cleanMailGetsTheTraceHeaderAndIsRecordedWithItsEnvelope() async throws {
        let scanner = MarkerScanner()
        let store = InMemoryDecisionStore()
        try await TestServer.with(scanner: scanner, store: store) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                try await milter.exchange([Self.client])
                return try await milter.message(body: Array("Hello\r\n".utf8))
            }
            guard case .addHeader(let name, let value) = replies?.first else {
                Issue.record("no trace header in \(String(describing: replies))")
                return
            }
            #expect(name == "X-Chaperone")
            #expect(value.hasPrefix(" accept; id=CH-"))
            #expect(replies?.last == .accept)
            #expect(scanner.scanned.first?.envelope == Envelope(
                sender: "teacher@school.example", recipients: ["parent@example.net"],
                authenticatedUser: "jsmith", queueID: "4AbCdE", clientAddress: "127.0.0.1"))
            #expect(scanner.scanned.first.map { String(decoding: $0.message, as: UTF8.self) }
                == "From: teacher@school.example\r\nSubject: Trip\r\n\r\nHello\r\n")
            #expect(store.records.map(\.configVersion) == ["test-1"])
        }
    }

    @Test func taggedMailGetsTheClassificationHeaderAndSubjectPrefix() async throws {
        try await TestServer.with { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("TAG-ME\r\n".utf8))
            }
            #expect(replies?.contains { if case .addHeader("X-Chaperone-Classification", let v) = $0 { v.hasPrefix(" rules=8.sensitive-to-partner; governing_sections=8; id=") } else { false } } == true)
            #expect(replies?.contains(.changeHeader(index: 1, name: "Subject", value: " [SENSITIVE] Trip")) == true)
            #expect(replies?.last == .accept)
        }
    }

    @Test func quarantineIsStoredBeforeADiscardSoPostfixKeepsNoCopy() async throws {
        let store = InMemoryDecisionStore()
        try await TestServer.with(store: store) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("QUARANTINE-ME\r\n".utf8))
            }
            // DISCARD alone: no QUARANTINE (Postfix's hold queue), no trace header.
            #expect(replies == [.discard])
            #expect(store.quarantine.count == 1)
            #expect(store.quarantine.first.map { String(decoding: $0.message, as: UTF8.self).hasSuffix("QUARANTINE-ME\r\n") } == true)
            #expect(store.quarantine.first.map { String(decoding: $0.message, as: UTF8.self).contains("X-Chaperone") } == false)
        }
    }

    @Test func aDecisionThatCannotBeRecordedIsTempfailedNotAccepted() async throws {
        try await TestServer.with(store: InMemoryDecisionStore(refusesDecisions: true)) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("Hello\r\n".utf8))
            }
            guard case .replyCode(let text) = replies?.last, replies?.count == 1 else {
                Issue.record("expected one reply code, got \(String(describing: replies))")
                return
            }
            #expect(text.hasPrefix("451 4.7.1 Chaperone could not check this message: the decision could not be recorded"))
        }
    }

    @Test func quarantineThatCannotBeStoredIsTempfailed() async throws {
        try await TestServer.with(store: InMemoryDecisionStore(refusesQuarantine: true)) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("QUARANTINE-ME\r\n".utf8))
            }
            #expect(replies?.count == 1)
            #expect(replies?.contains(.discard) == false)
            guard case .replyCode(let text) = replies?.last else {
                Issue.record("expected a reply code, got \(String(describing: replies))")
                return
            }
            #expect(text.hasPrefix("451 4.7.1 Chaperone could not check this message: the decision could not be recorded"))
        }
    }

    @Test func rejectIsA550WithTheExplanationAndNoInjectedLines() async throws {
        try await TestServer.with { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("REJECT-ME\r\n".utf8))
            }
            guard case .replyCode(let text) = replies?.first, replies?.count == 1 else {
                Issue.record("expected one reply code, got \(String(describing: replies))")
                return
            }
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.first?.hasPrefix("550-5.7.1 Not sent:") == true)
            #expect(lines.dropLast().allSatisfy { $0.hasPrefix("550-5.7.1 ") })
            #expect(lines.last?.hasPrefix("550 5.7.1 Decision CH-") == true)
            #expect(lines.contains("550-5.7.1 You gave a pupil your personal number. 550 5.0.0 injected 100%% sure"))
            #expect(lines.allSatisfy { $0.utf8.count < 512 })
        }
    }
}
