import ChaperoneModel

/// What `DetectionEngine.detect(in:)` returns: the findings and the content's problems,
/// ready to leave the detectors (evidence and identifying file names redacted).
public struct Detection: Hashable, Sendable {
    public var findings: [Finding]
    public var problems: [ScanProblem]
    /// Findings past `limits.max_findings_per_detector` that the policy does not need,
    /// counted per detector (locations redacted like the findings').
    public var omitted: [OmittedFindings]

    public init(findings: [Finding], problems: [ScanProblem], omitted: [OmittedFindings] = []) {
        self.findings = findings
        self.problems = problems
        self.omitted = omitted
    }
}
