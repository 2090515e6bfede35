/// A pupil's recorded image consents, by purpose. Only what the MIS export said is
/// stored; every other purpose reads as `unknown`.
public struct ImageConsent: Codable, Hashable, Sendable {
    /// Purposes the export recorded, granted (`true`) or refused (`false`).
    public var recorded: [ConsentPurpose: Bool]

    public init(recorded: [ConsentPurpose: Bool] = [:]) {
        self.recorded = recorded
    }

    /// The consent for one purpose.
    public func state(for purpose: ConsentPurpose) -> ConsentState {
        switch recorded[purpose] {
        case true?: .granted
        case false?: .refused
        case nil: .unknown
        }
    }

    /// Records a value read from the roster. Two values for one purpose that disagree
    /// (a general photo consent and a specific one): the refusal wins.
    public mutating func record(_ granted: Bool, for purpose: ConsentPurpose) {
        recorded[purpose] = (recorded[purpose] ?? true) && granted
    }
}
