import Foundation
import Store
import Testing

/// Gateway mode end to end (issue 17): a tenant Postfix presenting a TLS client
/// certificate relays DKIM-signed mail through the gateway Postfix built from
/// deploy/gateway/, with `chaperone serve` in `mode: gateway` as its milter. Fixtures:
/// certificates and the DKIM key are made in the test by `openssl`; the messages are
/// samples/messages (all people invented), signed by dkimpy (Debian python3-dkim).
/// Each test starts two Postfix instances and `chaperone serve`; every wait is bounded
/// (Postfix start 20 s, SMTP sessions 120 s, relay probes 30 s, arrivals 60 s).
@Suite(
    .serialized,
    .enabled(if: GatewayPath.isRunnable, "needs Postfix, openssl and python3-dkim (`apt-get install postfix python3-dkim`, as .ci/run does)")
)
struct GatewayModeTests {
    @Test func tenantMailIsJudgedAndSignaturesSurvive() async throws {
        try await GatewayPath.with { path in
            // Clean: a pupil's name alone to a sports club.
            let clean = try ProductionPath.sampleMessage("04-name-alone-to-club.eml")
            let cleanReply = try await path.sendSignedThroughTenant(clean, from: "t.hargreaves@ralphthoresby.example", to: ["coach@leedsharriers.example"])
            #expect(cleanReply.code == 250, "\(cleanReply.text)")
            // Tagged: sensitive pupil data to a partner; the configured subject prefix must not be applied.
            let tagged = try ProductionPath.sampleMessage("18-partner-sensitive.eml")
            let taggedReply = try await path.sendSignedThroughTenant(tagged, from: "s.whitfield@ralphthoresby.example", to: ["j.baxter@leeds.gov.uk"])
            #expect(taggedReply.code == 250, "\(taggedReply.text)")
            // Held: pupil data with a date of birth to a personal address.
            let held = try ProductionPath.sampleMessage("30-pupil-report-to-gmail.eml")
            let heldReply = try await path.sendSignedThroughTenant(held, from: "c.bennett@ralphthoresby.example", to: ["friend.of.claire@gmail.com"])
            #expect(heldReply.code == 250, "\(heldReply.text)")

            let arrivedClean = try await path.poll { path.sink.message(containing: "<sample-04@ralphthoresby.example>") }
            let arrivedTagged = try await path.poll { path.sink.message(containing: "<sample-18@ralphthoresby.example>") }
            let notice = try await path.poll { path.sink.message(containing: "To: <\(GatewayPath.noticeMailbox)>") }
            guard let arrivedClean, let arrivedTagged else {
                Issue.record("not delivered to the sink:\n\(path.logs)")
                return
            }
            #expect(arrivedClean.contains("\r\nX-Chaperone: accept; id=CH-"), "\(arrivedClean)")
            #expect(try path.dkim.verifies(Array(arrivedClean.utf8)), "DKIM fails after the gateway:\n\(arrivedClean)")
            #expect(arrivedTagged.contains("\r\nX-Chaperone-Classification: rules=8.sensitive-to-partner; governing_sections=8; id=CH-"), "\(arrivedTagged)")
            #expect(arrivedTagged.contains("\r\nSubject: Referral\r\n"), "the subject was changed:\n\(arrivedTagged)")
            #expect(!arrivedTagged.contains("[OFFICIAL-SENSITIVE]"))
            #expect(try path.dkim.verifies(Array(arrivedTagged.utf8)), "DKIM fails after tagging:\n\(arrivedTagged)")
            // The received copy names the tenant's certificate (smtpd_tls_received_header).
            #expect(arrivedClean.contains("tenant.outbound.example"), "\(arrivedClean)")

            // The held message never reached the sink; its copy is in the store, and the
            // explanation went to the IT mailbox (gateway.notice_mailbox) through the relay.
            #expect(!path.sink.messages.contains { String(decoding: $0, as: UTF8.self).contains("Subject: can you proofread?") })
            let observer = try AppDatabase(path: path.database.path)
            let decisions = try await observer.decisions(matching: DecisionFilter(limit: 100))
            let quarantined = decisions.filter { $0.record.report.action == .quarantine }
            #expect(quarantined.count == 1, "\(decisions.map { ($0.record.report.action, $0.record.envelope.sender) })")
            #expect(quarantined.first?.record.envelope.sender == "c.bennett@ralphthoresby.example")
            #expect(quarantined.first?.quarantine != nil)
            #expect(decisions.allSatisfy { $0.record.report.sender.reason.hasPrefix("gateway mode") }, "\(decisions.map(\.record.report.sender.reason))")
            #expect(notice != nil, "no notice reached \(GatewayPath.noticeMailbox):\n\(path.logs)")
            #expect(notice?.contains(quarantined.first?.decisionID ?? "no decision") == true, "\(notice ?? "")")
        }
    }

    /// What the gateway answers clients it must not relay for, probed with
    /// `openssl s_client -starttls smtp` (with or without a client certificate).
    @Test
    func clientsWithoutTheTenantCertificateCannotRelay() async throws {
        try await GatewayPath.with { path in
            let port = path.gateway.smtpPort
            let ca = path.certificates.caFile
            let anonymous = try TLSRelayProbe.replies(
                port: port, caFile: ca, from: "t.hargreaves@ralphthoresby.example", to: "anyone@example.net")
            #expect(anonymous.contains("554 5.7.1 <anyone@example.net>: Relay access denied"), "\(anonymous)\n\(path.gateway.log)")
            // A certificate from a trusted CA is not enough: only a listed fingerprint relays.
            let stranger = try TLSRelayProbe.replies(
                port: port, certificate: path.certificates.strangerCertificate, key: path.certificates.strangerKey, caFile: ca,
                from: "t.hargreaves@ralphthoresby.example", to: "anyone@example.net")
            #expect(stranger.contains("554 5.7.1 <anyone@example.net>: Relay access denied"), "\(stranger)\n\(path.gateway.log)")
            // The tenant's certificate relays, but only for the school's sender domains.
            let tenant = try TLSRelayProbe.replies(
                port: port, certificate: path.certificates.tenantCertificate, key: path.certificates.tenantKey, caFile: ca,
                from: "someone@other-school.example", to: "anyone@example.net")
            #expect(tenant.contains("554 5.7.1 <someone@other-school.example>: Sender address rejected"), "\(tenant)\n\(path.gateway.log)")
            // Without TLS nothing is accepted at all (smtpd_tls_security_level=encrypt).
            let plain = try await SMTPSubmission.send(port: port, from: "t.hargreaves@ralphthoresby.example", to: ["anyone@example.net"], message: Array("Subject: x\r\n\r\nx\r\n".utf8))
            #expect(plain.code == 530, "\(plain.text)")
            #expect(path.sink.messages.isEmpty)
        }
    }
}
