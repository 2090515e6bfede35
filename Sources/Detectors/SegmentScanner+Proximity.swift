import ChaperoneModel

extension SegmentScanner {
    /// Joins each sensitive mention with the pupil references near it: same table row
    /// (a table-row segment is one row), same sentence, or within
    /// `thresholds.proximityWindow` characters.
    mutating func joinMentions() {
        guard !mentions.isEmpty else { return }
        let sorted = references.sorted { $0.range.lowerBound < $1.range.lowerBound }
        // A table row is one record: every reference is near, and sentences are not asked.
        let sentences = segment.role == .tableRow ? nil : SentenceBreaks(bytes)
        var reported = Set<ReportedJoin>()
        var unlinkedPostcodes = Set<Int>()
        for mention in mentions {
            let near = Self.withoutDistantWeakReferences(nearbyReferences(mention.range, in: sorted, sentences: sentences),
                                                         to: mention.range)
            switch mention.kind {
            case .term(let family):
                for (reference, close) in near where reported.insert(.term(family: family, reference.identity)).inserted {
                    emit(.specialCategory, bytes.string(mention.range) + " near " + describe(reference),
                         termConfidence(reference, close: close), pupil: reference.student,
                         detail: index.familyNames.indices.contains(family) ? index.familyNames[family] : nil)
                }
            case .date(let hit):
                joinDate(hit, near: near, reported: &reported)
            case .place(let owners, let isPostcode):
                if let owner = near.lazy.compactMap({ $0.0.student }).first(where: { owners.contains($0) }) {
                    if reported.insert(.place(owner)).inserted {
                        emit(.pupilAddress, isPostcode ? Redaction.postcode(bytes.string(mention.range))
                                                       : Redaction.name(bytes.string(mention.range)), 0.9, pupil: owner)
                    }
                } else if isPostcode, unlinkedPostcodes.insert(mention.range.lowerBound).inserted {
                    emit(.pupilPostcode, Redaction.postcode(bytes.string(mention.range)), 0.4, pupil: owners.count == 1 ? owners[0] : nil)
                }
            }
        }
    }

    /// A weak reference (`PupilReference.joinsOnlyItsSentence`) joins a mention only in
    /// its own sentence or row, and only when no other reference stands nearer the
    /// mention: "Sienna and Niamh played; Sienna's asthma was fine" ties the asthma to
    /// Sienna alone.
    static func withoutDistantWeakReferences(_ near: [(PupilReference, Bool)], to range: Range<Int>) -> [(PupilReference, Bool)] {
        guard near.contains(where: { $0.0.joinsOnlyItsSentence }) else { return near }
        func distance(_ reference: PupilReference) -> Int {
            reference.range.upperBound <= range.lowerBound ? range.lowerBound - reference.range.upperBound
                : max(0, reference.range.lowerBound - range.upperBound)
        }
        let nearest = near.map { distance($0.0) }.min() ?? 0
        return near.filter { !$0.0.joinsOnlyItsSentence || ($0.1 && distance($0.0) <= nearest) }
    }

    private mutating func joinDate(_ hit: DateScanner.Hit, near: [(PupilReference, Bool)], reported: inout Set<ReportedJoin>) {
        // Asked only for a reference whose roster date differs (most rows of an export match).
        // The function reads a local copy of the bytes: capturing `self` in a mutating
        // method copied the whole scanner for every date.
        var introducedAnswer: Bool?
        let bytes = self.bytes
        func introduced() -> Bool {
            if let introducedAnswer { return introducedAnswer }
            let answer = ContextWords.appear(ContextWords.dateOfBirth, in: bytes, around: hit.range, before: 40, after: 0)
            introducedAnswer = answer
            return answer
        }
        for (reference, _) in near {
            let matchesRoster = reference.student.map { index.students.dateOfBirth(at: Int($0)) == hit.date } ?? false
            guard matchesRoster || introduced(), reported.insert(.date(reference.identity)).inserted else { continue }
            emit(.dateOfBirth, Redaction.date(year: hit.date.year) + " for " + describe(reference),
                 matchesRoster ? 0.95 : 0.8, pupil: reference.student,
                 detail: matchesRoster ? "matches roster" : "introduced as a date of birth")
        }
    }

    /// Ranks a term by the reference beside it, but a term beside a reference that fires
    /// on its own is sensitive data whatever the arithmetic: it never falls below the
    /// firing threshold (`thresholds.minimumConfidence`).
    private func termConfidence(_ reference: PupilReference, close: Bool) -> Double {
        let ranked = reference.confidence * (close ? 0.95 : 0.8)
        let threshold = settings.thresholds.minimumConfidence
        return reference.confidence >= threshold ? max(ranked, threshold) : ranked
    }

    private func describe(_ reference: PupilReference) -> String {
        reference.student.map { Redaction.name(studentName($0)) } ?? "a pupil"
    }

    /// References near `range`, each with whether it is close (same row or sentence).
    /// A mention belongs to the pupils of its own sentence when that sentence names any;
    /// otherwise to those of the nearest earlier sentence within the window that does, as
    /// a sentence without a name goes on about the pupil last named ("Ivy Pickersgill
    /// (7C). Notes: asthma. Noah Calloway (8B). Notes: none." ties the asthma to Ivy
    /// alone); and only when no earlier sentence names one, to the nearest later one (a
    /// heading above a name). A reply's new text is so not read as being about a pupil
    /// named only further down in the quoted history.
    private func nearbyReferences(_ range: Range<Int>, in sorted: [PupilReference],
                                  sentences: SentenceBreaks?) -> [(PupilReference, Bool)] {
        guard let sentences, segment.role != .tableRow else { return sorted.map { ($0, true) } }
        let window = max(0, settings.thresholds.proximityWindow)
        let sentence = sentences.sentence(at: range.lowerBound)
        let bounds = sentences.bounds(ofSentence: sentence)
        // A "sentence" longer than this is a run of text without punctuation, not a sentence;
        // the cap keeps the join linear on pathological input.
        let longestSentence = 2_000
        let lower = min(max(bounds.lowerBound, range.lowerBound - longestSentence), range.lowerBound - window - 256)
        let upper = max(min(bounds.upperBound, range.upperBound + longestSentence), range.upperBound + window)
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid].range.lowerBound < lower { low = mid + 1 } else { high = mid }
        }
        var result: [(PupilReference, Bool)] = []
        var position = low
        while position < sorted.count, sorted[position].range.lowerBound <= upper {
            let reference = sorted[position]
            position += 1
            let sameSentence = sentences.sentence(at: reference.range.lowerBound) == sentence
            let distance = max(0, max(reference.range.lowerBound - range.upperBound, range.lowerBound - reference.range.upperBound))
            if sameSentence || distance <= window { result.append((reference, sameSentence)) }
        }
        return Self.nearestSentenceOnly(result, to: range, sentences: sentences)
    }

    /// `near` cut down to the references of the mention's own sentence, or when that names
    /// none, to those of the nearest earlier sentence that does, else the nearest later one.
    static func nearestSentenceOnly(_ near: [(PupilReference, Bool)], to range: Range<Int>,
                                    sentences: SentenceBreaks) -> [(PupilReference, Bool)] {
        guard near.count > 1 else { return near }
        if near.contains(where: { $0.1 }) { return near.filter { $0.1 } }
        // The last reference starting before the mention, else the first after it.
        var nearestEarlier: Int?, nearestLater: Int?
        for (reference, _) in near {
            let start = reference.range.lowerBound
            if start < range.lowerBound {
                if start > nearestEarlier ?? Int.min { nearestEarlier = start }
            } else if start < nearestLater ?? Int.max {
                nearestLater = start
            }
        }
        guard let nearest = nearestEarlier ?? nearestLater else { return near }
        let sentence = sentences.sentence(at: nearest)
        return near.filter { sentences.sentence(at: $0.0.range.lowerBound) == sentence }
    }
}

/// What one segment's joins have reported already, so each (term family, pupil), date of
/// birth per pupil and address per owner is reported once.
enum ReportedJoin: Hashable {
    case term(family: Int, PupilReference.Identity)
    case date(PupilReference.Identity)
    case place(Int32)
}
