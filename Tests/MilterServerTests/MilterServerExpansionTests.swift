import ChaperoneModel
import MilterProtocol
import MilterServer
import NIOCore
import RecipientExpansion
import Testing

/// The milter expands recipients on the scan thread before scanning, and a lookup
/// that fails gives the fail action rather than a guess.
@Suite struct MilterServerExpansionTests {
    struct FailingExpander: RecipientExpanding {
        func expand(_ envelope: Envelope) throws(ExpansionError) -> Envelope {
            throw .lookupTimedOut(map: "ldap:/etc/postfix/ldap-aliases.cf", seconds: 5)
        }
    }

    @Test func aFailedLookupGetsTheFailActionNamingTheLimit() async throws {
        try await TestServer.with(expander: FailingExpander()) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(body: Array("hello\r\n".utf8))
            }
            #expect(replies == [.replyCode(
                "451 4.7.1 Chaperone could not check this message: the recipients could not be looked up in the school's mailing lists and aliases. Please try again later.")])
            #expect(server.server.statistics.failActions == 1)
        }
    }

    @Test func theScannerIsGivenTheExpandedRecipients() async throws {
        struct ExpansionMarker: MessageScanning {
            let configVersion = "t"
            func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
                let reachesWebmail = envelope.judgedRecipients.contains { $0.address.hasSuffix("@gmail.com") }
                return ScanReport(action: reachesWebmail ? .reject : .accept, explanation: "reaches webmail", sizeBytes: message.count)
            }
        }
        let lists = AliasTable(["list@school.example": ["someone@gmail.com"]])
        let expander = RecipientExpander(lookup: lists, settings: Configuration.Expansion(), schoolDomains: ["school.example"])
        try await TestServer.with(scanner: ExpansionMarker(), expander: expander) { server in
            let replies = try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(recipients: ["<list@school.example>"], body: Array("hello\r\n".utf8))
            }
            #expect(replies?.last.map { if case .replyCode(let text) = $0 { text.hasPrefix("550") } else { false } } == true, "\(String(describing: replies))")
        }
    }
}
