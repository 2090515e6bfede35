/// Forenames and surnames the automaton found on their own in one segment. Alone they
/// are never a reference; `SegmentScanner.scanLongerNameForms` joins them into the
/// forms staff write: "Amara Grace Okafor", "A. Okafor (7C)".
struct LoneNameHits {
    /// One lone name: where it sits in the normalised text and who has it.
    struct Hit {
        var start: Int
        var end: Int
        /// Roster positions, ascending (`RosterEntry.owners`).
        var owners: [Int32]

        /// The owners `other` has too, ascending: one merge of the two sorted lists, so
        /// a forename and a surname each shared by hundreds of pupils on a large roster
        /// cost their lengths, not their product.
        func sharedOwners(with other: Hit) -> [Int32] {
            var shared: [Int32] = []
            var mine = 0, theirs = 0
            while mine < owners.count, theirs < other.owners.count {
                let left = owners[mine], right = other.owners[theirs]
                if left == right { shared.append(left) }
                if left <= right { mine += 1 }
                if right <= left { theirs += 1 }
            }
            return shared
        }
    }

    var forenames: [Hit] = []
    /// Surnames by normalised start offset.
    var surnames: [Int: [Hit]] = [:]

    var isEmpty: Bool { forenames.isEmpty && surnames.isEmpty }
}
