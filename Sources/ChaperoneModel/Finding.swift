/// One thing a detector found. Evidence is redacted at the point of detection
/// (`A3831…Z`, `J*** S****`): the raw value never leaves the detector.
public struct Finding: Codable, Hashable, Sendable {
    public var detector: DetectorKind
    public var location: TextLocation
    /// Redacted evidence, enough for a person who knows the data to recognise it.
    public var evidence: String
    /// Confidence from 0 to 1.
    public var confidence: Double
    /// Roster key of the linked pupil, when the finding is tied to one.
    public var pupil: String?
    /// Extra, non-identifying detail (a special-category family, a count, a platform).
    public var detail: String?
    /// Policy sections this finding contributed to; filled in by the policy engine.
    public var sections: [Section]

    public init(
        detector: DetectorKind,
        location: TextLocation,
        evidence: String,
        confidence: Double,
        pupil: String? = nil,
        detail: String? = nil,
        sections: [Section] = []
    ) {
        self.detector = detector
        self.location = location
        self.evidence = evidence
        self.confidence = confidence
        self.pupil = pupil
        self.detail = detail
        self.sections = sections
    }
}
