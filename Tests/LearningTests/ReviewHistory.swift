import ChaperoneModel
import Foundation
import Store

/// A history of reviewed holds fed to a store through the same operations reviewers use
/// (label false positive and release, release, delete), so that each suggestion kind has
/// evidence for it and near misses have evidence against.
struct ReviewHistory {
    /// How a reviewer settled one hold.
    enum Outcome {
        case falsePositive
        case released
        case confirmed
    }

    let decisions: any DecisionStore
    let review: any WebStore
    let decidedAt: Date
    private(set) var ids: [String: [String]] = [:]
    private var next = 0

    init(decisions: any DecisionStore, review: any WebStore, decidedAt: Date) {
        self.decisions = decisions
        self.review = review
        self.decidedAt = decidedAt
    }

    /// Holds one message (recipient at `domain`, `rule` acting on `findings`) and settles
    /// it with `outcome`; its id is kept under `label`.
    mutating func hold(
        _ label: String, rule: String, domain: String, recipientClass: RecipientClass = .external,
        findings: [Finding] = [], outcome: Outcome
    ) async throws {
        next += 1
        let id = String(format: "CH-20261201-L%07d", next)
        let address = "office@\(domain)"
        let acting = findings.map { finding -> Finding in
            var marked = finding
            marked.rules = [rule]
            return marked
        }
        let report = ScanReport(
            decisionID: id, action: .quarantine, sections: [.confidentiality], rules: [rule], findings: acting,
            recipients: [Recipient(address: address, recipientClass: recipientClass)], explanation: "held", sizeBytes: 100)
        let record = DecisionRecord(
            report: report, envelope: Envelope(sender: "teacher@school.example", recipients: [address]),
            decidedAt: decidedAt, configVersion: "test")
        try await decisions.recordQuarantine(record, rawMessage: Array("Subject: t\r\n\r\nbody\r\n".utf8))
        switch outcome {
        case .falsePositive:
            try await review.markFalsePositive(decisionID: id, actor: "it", reason: "fine", at: decidedAt)
            try await release(id)
        case .released:
            try await release(id)
        case .confirmed:
            try await review.deleteHeld(decisionID: id, actor: "it", reason: "breach", at: decidedAt)
        }
        ids[label, default: []].append(id)
    }

    /// Holds `count` messages alike.
    mutating func hold(
        _ count: Int, _ label: String, rule: String, domain: String, recipientClass: RecipientClass = .external,
        findings: [Finding] = [], outcome: Outcome
    ) async throws {
        for _ in 0..<count {
            try await hold(label, rule: rule, domain: domain, recipientClass: recipientClass, findings: findings, outcome: outcome)
        }
    }

    private func release(_ id: String) async throws {
        let claim = try await review.claim(decisionID: id, for: .release)
        try await review.finish(claim, outcome: .releasedByReinjection, actor: "it", reason: "fine", detail: nil, at: decidedAt)
    }

    static func name(_ pupil: String, _ evidence: String) -> Finding {
        Finding(detector: .pupilName, location: .body("1"), evidence: evidence, confidence: 0.9, pupil: pupil)
    }

    static func term(_ term: String) -> Finding {
        Finding(detector: .specialCategory, location: .body("1"), evidence: "\(term) near J*** S****",
                confidence: 0.9, pupil: "R900", detail: "send")
    }
}
