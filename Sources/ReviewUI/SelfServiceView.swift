import ChaperoneModel
import Foundation

/// The values of the sender's page: the decision's sections with the rule and the
/// school's advice, the findings as redacted as on the reviewers' page, the recipients,
/// the explanation, and which forms to offer.
struct SelfServiceView {
    var granted: SelfServiceCheck.Granted

    var values: [String: Any] {
        let record = granted.decision.record
        let report = record.report
        let configuration = granted.configuration
        return [
            "id": granted.decision.decisionID,
            "decided": ViewFormatting.time(record.decidedAt),
            "sections": report.sections.map { section in
                ["number": section.rawValue, "title": section.title, "rule": section.rule, "advice": configuration.advice(for: section)]
            },
            "explanation": report.explanation,
            "findings": report.findings.map { finding in
                [
                    "detector": finding.detector.rawValue, "evidence": finding.evidence, "location": finding.location.description,
                    "sections": finding.sections.map { "§" + $0.rawValue }.joined(separator: ", "),
                ]
            },
            "hasFindings": !report.findings.isEmpty,
            "recipients": report.recipients.map { ["address": $0.address, "class": $0.recipientClass.wording] },
            "canRelease": granted.permission == .release,
            "maxJustification": configuration.selfService.maxJustificationCharacters,
        ]
    }
}
