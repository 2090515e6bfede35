import ChaperoneModel
import Foundation
import Policy

extension ScanPipeline {
    /// Decides a recorded decision again under this pipeline's configuration, from what
    /// the record keeps rather than the message (whose copy is gone): its findings (the
    /// rules' marks cleared; terms this configuration ignores dropped, as the detectors
    /// would), its sender's role, and its recipients (reclassified, except pupils' and
    /// parents' addresses, which were recorded redacted and keep their recorded class).
    /// Policy changes are answered exactly; changes to what the detectors find (the
    /// roster, thresholds, limits) and the exposed-recipients count (To and Cc are not
    /// recorded) need the message itself.
    public func redecide(_ recorded: ScanReport, envelope: Envelope) -> ScanReport {
        guard recorded.sender.scanned else { return recorded }
        let ignored = Set(configuration.learned.ignoredSpecialCategoryTerms)
        let findings = recorded.findings.compactMap { finding -> Finding? in
            if finding.detector == .exposedRecipients { return nil }
            if finding.detector == .specialCategory, !ignored.isEmpty,
               let near = finding.evidence.range(of: " near "),
               ignored.contains(finding.evidence[..<near.lowerBound].lowercased()) {
                return nil
            }
            var cleared = finding
            cleared.rules = []
            cleared.sections = []
            return cleared
        }
        let classified = recorded.recipients.map { recipient -> Recipient in
            guard !recipient.isPupilOrParentAddress else { return recipient }
            var again = policy.classifier.classify(recipient.address, sender: envelope.sender)
            again.list = recipient.list
            return again
        }
        let decision = policy.decide(envelope: envelope, findings: findings, sender: recorded.sender, classified: classified)
        var report = ScanReport(
            decisionID: recorded.decisionID, messageID: recorded.messageID, action: decision.action, sections: decision.sections,
            rules: decision.rules, governingSections: decision.governingSections, findings: decision.findings,
            recipients: decision.recipients, explanation: decision.explanation, problems: recorded.problems,
            sizeBytes: recorded.sizeBytes, scanSeconds: 0, isAutoSubmitted: recorded.isAutoSubmitted, sender: decision.sender,
            alertsSafeguardingLead: decision.alertsSafeguardingLead, headerRewrite: decision.headerRewrite, parts: recorded.parts)
        report.shadow = decision.shadow
        return report
    }
}

extension SchoolPipelines {
    /// `ScanPipeline.redecide(_:)` on the pipeline of the school the envelope
    /// belongs to, the report stamped with that school as a scan's is.
    public func redecide(_ recorded: ScanReport, envelope: Envelope) throws(UnknownSchoolError) -> ScanReport {
        switch try route(envelope, size: recorded.sizeBytes) {
        case .school(let school, let reason): stamp(schools[school].pipeline.redecide(recorded, envelope: envelope), school: school, reason: reason)
        case .unread(let report): report
        }
    }
}
