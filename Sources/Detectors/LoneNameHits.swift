/// Forenames and surnames the automaton found on their own in one segment. Alone they
/// are never a reference; `SegmentScanner.scanLongerNameForms` joins them into the
/// forms staff write: "Amara Grace Okafor", "A. Okafor (7C)".
struct LoneNameHits {
    /// One lone name: where it sits in the normalised text and who has it.
    struct Hit {
        var start: Int
        var end: Int
        var owners: [Int32]
    }

    var forenames: [Hit] = []
    /// Surnames by normalised start offset.
    var surnames: [Int: [Hit]] = [:]

    var isEmpty: Bool { forenames.isEmpty && surnames.isEmpty }
}
