import ChaperoneModel
import Foundation
import Testing

/// Chaperone's milter behind a real Postfix, over real SMTP on loopback. Serialized:
/// each test runs its own private Postfix instance.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct PostfixMilterTests {
    @Test func cleanMailIsDeliveredWithTheTraceHeader() async throws {
        try await MailPath.with { path in
            let reply = try await path.submit(subject: "Trip", body: "See you at the museum. CLEAN-1")
            #expect(reply.code == 250, "\(reply.text)")
            let message = try await path.delivered(containing: "CLEAN-1")
            #expect(message?.contains("\r\nX-Chaperone: accept; id=CH-") == true, "\(path.postfix.log)")
        }
    }

    @Test func taggedMailCarriesTheClassificationAndSubjectPrefix() async throws {
        try await MailPath.with { path in
            let reply = try await path.submit(subject: "Referral notes", body: "TAG-ME for the LA")
            #expect(reply.code == 250, "\(reply.text)")
            let message = try await path.delivered(containing: "TAG-ME")
            #expect(message?.contains("\r\nX-Chaperone-Classification: rules=8.sensitive-to-partner; governing_sections=8; id=CH-") == true)
            #expect(message?.contains("\r\nSubject: [OFFICIAL-SENSITIVE] Referral notes\r\n") == true, "\(message ?? path.postfix.log)")
        }
    }

    @Test func quarantinedMailIsStoredThenDiscardedSoPostfixKeepsNoCopy() async throws {
        try await MailPath.with { path in
            let reply = try await path.submit(subject: "Class list", body: "QUARANTINE-ME")
            #expect(reply.code == 250, "\(reply.text)")
            // The copy is stored before the reply that made Postfix say 250.
            #expect(path.store.quarantinedIDs.count == 1)
            let discarded = try await path.poll { path.postfix.log.contains("milter triggers DISCARD action") ? true : nil }
            #expect(discarded == true, "\(path.postfix.log)")
            let queued = try path.postfix.queue()
            #expect(queued.isEmpty, "Postfix kept a copy: \(queued)")
            #expect(path.sink.messages.isEmpty)
        }
    }

    @Test func rejectedMailGets550WithTheExplanation() async throws {
        try await MailPath.with { path in
            let reply = try await path.submit(subject: "Hi", body: "REJECT-ME call me on my mobile")
            #expect(reply.code == 550)
            #expect(reply.lines.first?.hasPrefix("550-5.7.1 Not sent: this message breaches the school's Online Safety guidance") == true, "\(reply.text)")
            #expect(reply.lines.contains("550-5.7.1 Your message gives a pupil your personal mobile number."))
            #expect(reply.lines.last?.hasPrefix("550 5.7.1 Decision CH-") == true)
        }
    }

    @Test func milterDownMeansPostfixTempfails() async throws {
        try await MailPath.with(milterRunning: false, defaultAction: "tempfail") { path in
            let reply = try await path.submit(subject: "Trip", body: "NO-MILTER")
            #expect((400..<500).contains(reply.code), "\(reply.text)")
            #expect(path.sink.messages.isEmpty)
        }
    }

    @Test func fiftyConcurrentSessionsAreAllDecided() async throws {
        try await MailPath.with { path in
            let codes = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let marker = index.isMultiple(of: 5) ? "REJECT-ME" : "CONCURRENT-\(index)-END"
                        return (index, try await path.submit(subject: "Message \(index)", body: marker).code)
                    }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
            }
            #expect(codes.count == 50)
            #expect(codes.allSatisfy { $0.value == ($0.key.isMultiple(of: 5) ? 550 : 250) }, "\(codes.sorted { $0.key < $1.key })")
            let delivered = try await path.poll { path.sink.messages.count >= 40 ? path.sink.messages.count : nil }
            #expect(delivered == 40)
            #expect(path.store.records.count == 50)
        }
    }

    @Test func twentyMegabyteMessageIsSpooledNotHeldInMemory() async throws {
        try await MailPath.with { path in
            let line = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 1) + "\r\n"
            let body = String(repeating: line, count: 20 * 1024 * 1024 / line.utf8.count + 1) + "BIG-END"
            let reply = try await path.submit(subject: "Big", body: body)
            #expect(reply.code == 250, "\(reply.text)")
            let statistics = path.milter?.statistics
            let limit = Configuration().limits.memorySpoolBytes
            #expect(statistics?.messagesSpooled == 1)
            #expect((statistics?.largestMessageBytes ?? 0) > 20 * 1024 * 1024)
            #expect((statistics?.peakMessageMemoryBytes ?? .max) <= limit)
            let message = try await path.delivered(containing: "BIG-END")
            #expect((message?.utf8.count ?? 0) > 20 * 1024 * 1024)
        }
    }
}
