import ChaperoneModel
import Foundation
import Store
import Testing

/// Two schools of a trust through one real Postfix and one milter (samples/trust.yaml:
/// Ralph Thoresby School and Ash Grove Primary): each message is judged by its own
/// school's rules, the tag header names the school, and mail from no school gets the
/// fail action (tempfail), so Postfix keeps it and nothing is lost.
@Suite(
    .serialized,
    .enabled(if: PostfixInstance.isInstalled, "Postfix is not installed (/usr/sbin/postfix); `apt-get install postfix`, as .ci/run does")
)
struct TrustPostfixTests {
    static func submit(_ path: ProductionPath, _ sample: String, from: String, to: [String], marker: String) async throws -> Int {
        var message = try ProductionPath.sampleMessage(sample)
        message += Array("\r\n\(marker)\r\n".utf8)
        return try await path.submit(message, from: from, to: to).code
    }

    @Test func eachSchoolsRulesApplyAndMailFromNoSchoolIsTempfailed() async throws {
        try await ProductionPath.with(sample: "trust.yaml") { path in
            // Ralph Thoresby's SEN data to Ash Grove, not its partner: held.
            let rt = "s.qureshi@ralphthoresby.example"
            #expect(try await Self.submit(path, "95-sen-to-another-school-of-the-trust.eml", from: rt, to: ["d.fairclough@ashgrove.example"], marker: "TRUST-1") == 250)
            let held = try #require(try await path.poll { try await path.database.decisions(matching: DecisionFilter(sender: rt)).first })
            #expect(held.record.report.action == .quarantine && held.record.report.sections == [.confidentiality])
            let notice = try await path.poll { path.delivered(containing: "Auto-Submitted: auto-replied").first { $0.contains(rt) } }
            #expect(notice?.contains("Ralph Thoresby School's outgoing mail check") == true, "\(path.postfix.log)")

            // Ash Grove's transition record to Ralph Thoresby, its partner school: tagged and delivered.
            let ash = "senco@ashgrove.example"
            #expect(try await Self.submit(path, "96-transition-sen-to-partner-school.eml", from: ash, to: ["h.marsh@ralphthoresby.example"], marker: "TRUST-2") == 250)
            let tagged = try #require(try await path.poll { path.delivered(containing: "TRUST-2").first }, "\(path.postfix.log)")
            #expect(tagged.contains("rules=8.sensitive-to-partner; governing_sections=8; id=CH-"))
            #expect(tagged.contains("; school=ash-grove"))

            // Mail from no school, to no school: tempfailed, nothing delivered or recorded.
            let stranger = "someone@example.org"
            let code = try await Self.submit(path, "01-internal-staff-note.eml", from: stranger, to: ["other@example.net"], marker: "TRUST-3")
            #expect((400..<500).contains(code), "reply \(code)")
            try await Task.sleep(for: .milliseconds(500))
            #expect(path.delivered(containing: "TRUST-3").isEmpty)
            #expect(try await path.database.decisions(matching: DecisionFilter(sender: stranger)).isEmpty)
            #expect(path.delivered(containing: "TRUST-1").isEmpty)
        }
    }
}
