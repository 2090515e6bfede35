import ChaperoneModel

/// The image consents the roster holds, by pupil key, and how a group of pupils stands
/// for one purpose. A pupil the roster does not hold, or a purpose it did not record,
/// is `unknown`.
public struct ConsentRegister: Sendable {
    private let consents: [String: ImageConsent]

    public init(roster: Roster) {
        var consents: [String: ImageConsent] = [:]
        for position in roster.students.indices where roster.students.hasRecordedConsent(at: position) {
            consents[roster.students.key(at: position)] = roster.students.imageConsent(at: position)
        }
        self.consents = consents
    }

    public func state(of pupil: String, for purpose: ConsentPurpose) -> ConsentState {
        consents[pupil]?.state(for: purpose) ?? .unknown
    }

    /// How many of `pupils` have refused, and how many have no recorded consent, for `purpose`.
    func tally(_ pupils: [String], for purpose: ConsentPurpose) -> ConsentTally {
        var tally = ConsentTally(purpose: purpose, pupils: pupils.count)
        for pupil in pupils {
            switch state(of: pupil, for: purpose) {
            case .granted: break
            case .refused: tally.refused += 1
            case .unknown: tally.unknown += 1
            }
        }
        return tally
    }
}

/// Counts (never names) of the pupils in a message lacking one consent.
struct ConsentTally: Hashable {
    var purpose: ConsentPurpose
    var pupils: Int
    var refused = 0
    var unknown = 0

    var lacking: Int { refused + unknown }

    /// "of the 5 students named, 2 have refused consent and 1 has no consent recorded
    /// for the press and media", or "the student named has refused consent for …".
    var wording: String {
        guard pupils > 1 else {
            let state = refused > 0 ? "has refused consent" : "has no consent recorded"
            return "the student named \(state) for \(purpose.wording)"
        }
        var parts: [String] = []
        if refused > 0 { parts.append("\(refused) \(refused == 1 ? "has" : "have") refused consent") }
        if unknown > 0 { parts.append("\(unknown) \(unknown == 1 ? "has" : "have") no consent recorded") }
        return "of the \(pupils) students named, " + parts.joined(separator: " and ") + " for \(purpose.wording)"
    }
}
