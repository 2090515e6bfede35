import ChaperoneModel

/// Redacts the attachment and archive-member names that name a pupil wherever a
/// finding's location or a problem carries them, the way evidence is redacted
/// (`Siobhán Murphy - CIN plan minutes.docx` → `S****** M***** - C** p*** m******.docx`),
/// so decision rows, JSON and logs never hold them. A name is identifying when the
/// detectors found personal data in it; other names stay as sent, for the reviewer.
public struct LocationRedaction: Hashable, Sendable {
    /// One identifying name and what it becomes.
    struct Replacement: Hashable, Sendable {
        var original: String
        var redacted: String
    }

    /// Longest first, so a member path is replaced before a shorter name inside it.
    let replacements: [Replacement]

    public init(identifyingNames: Set<String>) {
        replacements = identifyingNames.filter { !$0.isEmpty }
            .sorted { ($0.count, $0) > ($1.count, $1) }
            .map { Replacement(original: $0, redacted: Redaction.filename($0)) }
    }

    /// True when no name needs redacting.
    public var isEmpty: Bool { replacements.isEmpty }

    public func apply(_ location: TextLocation) -> TextLocation {
        guard !isEmpty, location.kind != .header, location.kind != .body else { return location }
        var redacted = location
        redacted.name = apply(location.name)
        redacted.detail = location.detail.map(apply)
        return redacted
    }

    public func apply(_ finding: Finding) -> Finding {
        var redacted = finding
        redacted.location = apply(finding.location)
        if finding.detector == .unscannableContent { redacted.evidence = apply(finding.evidence) }
        return redacted
    }

    /// The problem with identifying names redacted in its location and message.
    public func apply(_ problem: ScanProblem) -> ScanProblem {
        guard !isEmpty else { return problem }
        var redacted = problem
        redacted.location = apply(problem.location)
        redacted.message = apply(problem.message)
        return redacted
    }

    func apply(_ text: String) -> String {
        var text = text
        for replacement in replacements where text.contains(replacement.original) {
            text = text.replacing(replacement.original, with: replacement.redacted)
        }
        return text
    }
}
