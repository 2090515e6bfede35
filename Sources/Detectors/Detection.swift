import ChaperoneModel

/// What `DetectionEngine.detect(in:)` returns: the findings and the content's problems,
/// ready to leave the detectors (evidence and identifying file names redacted).
public struct Detection: Hashable, Sendable {
    public var findings: [Finding]
    public var problems: [ScanProblem]

    public init(findings: [Finding], problems: [ScanProblem]) {
        self.findings = findings
        self.problems = problems
    }
}
