import ChaperoneModel
import Foundation
import Store

extension WebFixture {
    /// Records a hold to an outside organisation at `domain` and releases it, as a
    /// reviewer would: evidence for a partner suggestion.
    func recordReleased(id: String, domain: String) async throws {
        let address = "office@\(domain)"
        let report = ScanReport(
            decisionID: id, action: .quarantine, sections: [.confidentiality], rules: ["8.sensitive-to-outside"],
            recipients: [Recipient(address: address, recipientClass: .external)])
        let envelope = Envelope(sender: "teacher@hollowbrook.example", recipients: [address], queueID: "4WEB2")
        try await recorder.recordQuarantine(
            DecisionRecord(report: report, envelope: envelope, decidedAt: clock.now(), configVersion: "cfg"),
            rawMessage: Self.raw + Array("\(id)\r\n".utf8))
        let claim = try await database.claim(decisionID: id, for: .release)
        try await database.finish(claim, outcome: .releasedByReinjection, actor: "it", reason: "fine", detail: nil, at: clock.now())
    }
}
