import ChaperoneModel
import MilterProtocol
@testable import MilterServer
import ScanPipeline
import Testing

/// The Bcc mistake fixed on the way out: through the milter protocol, with the real
/// pipeline, To and Cc are rewritten by SMFIR_CHGHEADER with indexes that count each
/// header name's occurrences (deleted highest first), and the envelope is left alone.
@Suite struct RecipientRewriteMilterTests {
    static let families = 12

    static func configuration(_ action: Configuration.ExposureAction) -> Configuration {
        var configuration = Configuration()
        configuration.school.domains = ["school.example"]
        configuration.exposedRecipients.action = action
        return configuration
    }

    static func pipeline(_ action: Configuration.ExposureAction = .rewrite) -> ScanPipeline {
        ScanPipeline(
            configuration: configuration(action),
            roster: Roster(
                students: (1...families).map { Student(key: "P\($0)", legalForename: "Invented", surname: "Pupil\($0)") },
                contacts: (1...families).map { Contact(key: "C\($0)", name: "Parent \($0)", emails: ["parent\($0)@gmail.com"], pupilKeys: ["P\($0)"]) }))
    }

    static let parents = (1...families).map { "parent\($0)@gmail.com" }

    /// Twelve parents spread over three To headers and two Cc headers.
    static var headers: [(String, String)] {
        [
            ("From", " teacher@school.example"),
            ("To", " " + parents[0..<4].joined(separator: ", ")),
            ("Subject", " Trip to York"),
            ("Cc", " " + parents[4..<6].joined(separator: ", ")),
            ("to", " " + parents[6..<9].joined(separator: ", ")),
            ("CC", " " + parents[9..<11].joined(separator: ", ")),
            ("To", " " + parents[11]),
        ]
    }

    private func run(
        _ action: Configuration.ExposureAction, headers: [(String, String)], store: InMemoryDecisionStore
    ) async throws -> [MilterResponse] {
        try await TestServer.with(scanner: Self.pipeline(action), store: store, configure: {
            $0.school.domains = ["school.example"]
            $0.exposedRecipients.action = action
        }) { server in
            try await MilterConversation.with(server.address) { milter in
                _ = try await milter.negotiate()
                return try await milter.message(
                    headers: headers, recipients: Self.parents.map { "<\($0)>" }, body: Array("The coach leaves at 8.\r\n".utf8))
            } ?? []
        }
    }

    @Test func repeatedToAndCcHeadersAreRewrittenWithTheirOwnIndexes() async throws {
        let store = InMemoryDecisionStore()
        let replies = try await run(.rewrite, headers: Self.headers, store: store)
        let changes = replies.filter { if case .changeHeader = $0 { true } else { false } }
        #expect(changes == [
            .changeHeader(index: 2, name: "Cc", value: ""),
            .changeHeader(index: 1, name: "Cc", value: ""),
            .changeHeader(index: 3, name: "To", value: ""),
            .changeHeader(index: 2, name: "To", value: ""),
            .changeHeader(index: 1, name: "To", value: " undisclosed-recipients:;"),
        ])
        #expect(replies.contains { if case .addHeader("X-Chaperone", let value) = $0 { value.hasPrefix(" accept; recipients-rewritten; id=CH-") } else { false } })
        #expect(replies.last == .accept)
        let record = try #require(store.records.first)
        #expect(record.envelope.recipients.count == Self.families)
        #expect(record.report.headerRewrite?.exposedGroups == Self.families)
        #expect(record.report.findings.contains { $0.detector == .exposedRecipients && $0.detail == "applied=rewrite" })
    }

    @Test func aMessageWithOnlyCcGetsAnUndisclosedTo() async throws {
        let headers = [("From", " teacher@school.example"), ("Cc", " " + Self.parents.joined(separator: ", "))]
        let replies = try await run(.rewrite, headers: headers, store: InMemoryDecisionStore())
        #expect(replies.contains(.changeHeader(index: 1, name: "Cc", value: "")))
        #expect(replies.contains(.addHeader(name: "To", value: " undisclosed-recipients:;")))
    }

    @Test func holdQuarantinesAndNeverRewrites() async throws {
        let store = InMemoryDecisionStore()
        let replies = try await run(.hold, headers: Self.headers, store: store)
        #expect(replies.contains(.discard))
        #expect(!replies.contains { if case .changeHeader = $0 { true } else { false } })
        #expect(store.quarantine.first?.record.report.sections == [.confidentiality])
    }

    @Test func theSameParentsInBccAreUntouched() async throws {
        let headers = [("From", " teacher@school.example"), ("To", " teacher@school.example"), ("Subject", " Trip")]
        let replies = try await run(.rewrite, headers: headers, store: InMemoryDecisionStore())
        #expect(!replies.contains { if case .changeHeader = $0 { true } else { false } })
        #expect(replies.contains { if case .addHeader("X-Chaperone", let value) = $0 { !value.contains("rewritten") } else { false } })
    }
}
