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
    /// Policy sections this finding contributed to a breach of (rules that held or
    /// refused the message); filled in by the policy engine.
    public var sections: [Section]
    /// Every rule this finding made act, a tag included; filled in by the policy engine.
    public var rules: [String]

    public init(
        detector: DetectorKind,
        location: TextLocation,
        evidence: String,
        confidence: Double,
        pupil: String? = nil,
        detail: String? = nil,
        sections: [Section] = [],
        rules: [String] = []
    ) {
        self.detector = detector
        self.location = location
        self.evidence = evidence
        self.confidence = confidence
        self.pupil = pupil
        self.detail = detail
        self.sections = sections
        self.rules = rules
    }

    /// Reads findings stored before `rules` existed (decision rows keep findings as JSON).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        detector = try container.decode(DetectorKind.self, forKey: .detector)
        location = try container.decode(TextLocation.self, forKey: .location)
        evidence = try container.decode(String.self, forKey: .evidence)
        confidence = try container.decode(Double.self, forKey: .confidence)
        pupil = try container.decodeIfPresent(String.self, forKey: .pupil)
        detail = try container.decodeIfPresent(String.self, forKey: .detail)
        sections = try container.decodeIfPresent([Section].self, forKey: .sections) ?? []
        rules = try container.decodeIfPresent([String].self, forKey: .rules) ?? []
    }
}
