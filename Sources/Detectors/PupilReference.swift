/// A place in a segment that refers to a pupil: a roster name, a roster identifier,
/// an address that belongs to a pupil or their contact, or any valid UPN.
struct PupilReference {
    /// Who a reference is about, as bulk counting and the joins count pupils: a roster
    /// pupil by its key node (`Roster.keyNodes`: equal exactly when the roster keys are
    /// equal, so two rows of one pupil are one), or a stand-in for an unlinked reference
    /// (`upn#…`, `name#…`). A number, not the key String, so counting hashes no text.
    enum Identity: Hashable {
        case pupil(keyNode: Int32)
        case unlinked(String)
    }

    /// What bulk counting counts.
    var identity: Identity
    /// Roster position when the reference is linked to exactly one pupil.
    var student: Int32?
    var range: Range<Int>
    var confidence: Double
    /// A weak reference (a lone forename read through the recipient's household) takes
    /// only the sensitive terms of its own sentence or table row, not those in the window.
    var joinsOnlyItsSentence = false
}

/// A sensitive attribute waiting for a nearby pupil reference.
struct SensitiveMention {
    enum Kind {
        case term(family: Int)
        case date(DateScanner.Hit)
        case place(owners: [Int32], isPostcode: Bool)
    }

    var kind: Kind
    var range: Range<Int>
}
