/// A checksum-valid identifier found in a segment, before confidence is set.
struct IdentifierHit {
    enum Kind { case upn, uln, nhs, nino }

    var kind: Kind
    /// Raw UTF-8 range in the segment.
    var range: Range<Int>
    /// The compact, upper-case value (only ever used for roster lookup and redaction).
    var value: String
    /// True when the value was written in its conventional grouping (`943 476 5870`,
    /// `AB 12 34 56 C`), which makes a coincidence less likely.
    var isGrouped: Bool
    var upn: UniquePupilNumber.Validation?
}
