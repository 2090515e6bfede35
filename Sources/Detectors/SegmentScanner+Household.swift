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
        guard !householdPupils.isEmpty, !hits.forenames.isEmpty else { return }
        let taken = TakenRanges(references.map(\.range))
        for hit in hits.forenames {
            // By key node: a lone forename's owners are every pupil of that name (hundreds on
            // a large roster), and no key is made for any of them.
            let owners = hit.owners.filter { index.keyNodes.indices.contains(Int($0)) && householdPupils.contains(index.keyNodes[Int($0)]) }
            guard !owners.isEmpty else { continue }
            let raw = normalised.rawRange(hit.start, hit.end)
            guard isCapitalised(raw), !taken.overlaps(raw) else { continue }
            addNameReference(owners, raw: raw, pattern: "household:" + owners.map { "\($0)" }.joined(separator: ","),
                             confidence: Self.householdForenameConfidence, joinsOnlyItsSentence: true)
        }
    }
}

/// The ranges the segment's stronger references cover, answering "does this range
/// overlap any of them" in O(log n), so a long document full of names costs no more than
/// its length (sorted by start, with the furthest end reached so far).
struct TakenRanges {
    private let starts: [Int]
    private let furthestEnds: [Int]

    init(_ ranges: [Range<Int>]) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        starts = sorted.map(\.lowerBound)
        var furthest = Int.min
        furthestEnds = sorted.map { furthest = max(furthest, $0.upperBound); return furthest }
    }

    func overlaps(_ range: Range<Int>) -> Bool {
        // The ranges starting before `range` ends; one of them overlaps it when the
        // furthest end among them lies past its start.
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < range.upperBound { low = middle + 1 } else { high = middle }
        }
        return low > 0 && furthestEnds[low - 1] > range.lowerBound
    }
}
