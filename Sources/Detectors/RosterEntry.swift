/// What an automaton pattern stands for: a pupil's name in one form, a pupil's
/// postcode or first address line, or a special-category term.
struct RosterEntry: Sendable {
    enum Kind: UInt8, Sendable {
        /// "Forename Surname" (legal or preferred forename).
        case name
        /// "Surname, Forename": counts only with a comma or a table cell between.
        case reversedName
        case postcode
        case addressLine
        case term
        /// A forename alone: never a reference by itself, only the start of a longer
        /// form ("Amara Grace Okafor"). `owners` are the pupils with that forename.
        case forename
        /// A surname alone: never a reference by itself, only part of a longer form
        /// ("OKAFOR Amara", "A. Okafor 7C"). `owners` are the pupils with that surname.
        case surname
    }

    var kind: Kind
    /// Index into `roster.students` (−1 for terms and places).
    var student: Int32
    /// For postcodes and address lines: every pupil living there (one entry per place,
    /// however many pupils share it); for lone forenames and surnames, every pupil with
    /// that name; ascending (the builder adds pupils in roster order).
    var owners: [Int32] = []
    /// Names containing an ordinary word need a capitalised full name.
    var needsCapitals: Bool = false
    /// Index into the term families (terms only).
    var family: Int16 = -1
    /// For case-sensitive terms, the exact bytes that must appear.
    var exactCase: [UInt8]?
}
