import ChaperoneModel

/// The wrong-parent mistake: mail meant for one family goes to another family of the
/// same surname (the address book offers both Rahmans). Written to a parent, a pupil is
/// named by forename alone ("Following Alice's seizure today…"), so a lone forename, which
/// is otherwise never a reference, refers to a pupil when that pupil shares a surname with
/// the recipient's own children but is not theirs, or is one of those children (so each
/// term is tied to the nearer child): `DetectionEngine.detect`'s `householdPupils`,
/// chosen by the policy from the recipients.
extension SegmentScanner {
    /// A lone forename read as the addressed household's pupil: weaker than a full name.
    static let householdForenameConfidence = 0.7

    mutating func scanHouseholdForenames(_ hits: LoneNameHits) {
        guard !householdPupils.isEmpty else { return }
        for hit in hits.forenames {
            let raw = normalised.rawRange(hit.start, hit.end)
            guard isCapitalised(raw), !references.contains(where: { $0.range.overlaps(raw) }) else { continue }
            let owners = hit.owners.filter { index.students.indices.contains(Int($0)) && householdPupils.contains(index.students[Int($0)].key) }
            guard !owners.isEmpty else { continue }
            addNameReference(owners, raw: raw, pattern: "household:" + owners.map { "\($0)" }.joined(separator: ","),
                             confidence: Self.householdForenameConfidence, joinsOnlyItsSentence: true)
        }
    }
}
