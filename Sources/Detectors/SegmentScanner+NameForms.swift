import ChaperoneModel

/// The name forms beyond "Forename Surname" and "Surname, Forename":
/// - forename, one or two capitalised middle names or initials, surname ("Amara Grace
///   Okafor", "Amara G. Okafor"), on one line (or across table cells), whatever the
///   roster's middle names (those are full-name patterns of the automaton);
/// - "SURNAME Forename" as SIMS prints it (surname in capitals, forename not), and
///   "Surname Forename" inside a table column headed Name or Pupil;
/// - initial and surname ("A. Okafor") only when no other roster pupil shares that
///   surname and initial and the pupil's year or registration group stands beside it.
/// Lone forenames and surnames, names split by commas, and names across line breaks
/// in prose stay no reference.
extension SegmentScanner {
    /// How far either side of "A. Okafor" the year or registration group may stand.
    static let groupWindow = 32
    /// Titles that make "Mr A. Okafor" an adult, not a pupil.
    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "rev", "cllr"]

    mutating func scanLongerNameForms(_ hits: LoneNameHits) {
        guard !hits.isEmpty else { return }
        for forename in hits.forenames { addMiddleNameForm(after: forename, surnames: hits.surnames) }
        for start in hits.surnames.keys.sorted() {
            for surname in hits.surnames[start] ?? [] where addInitialForm(surname) { break }
        }
    }

    /// "Surname Forename" written without a comma: SIMS capitals, or a Name/Pupil column.
    func isUncommaedReversal(_ raw: Range<Int>) -> Bool {
        for byte in bytes[raw] where byte < 0x80 && !EmailScanner.isAlphanumeric(byte) {
            guard byte == 32 || byte == 45 || byte == 39 || byte == 96 else { return false }
        }
        if isSIMSCapitals(raw) { return true }
        guard segment.role == .tableRow, !nameColumns.isEmpty else { return false }
        let column = bytes[..<raw.lowerBound].reduce(0) { $1 == 9 ? $0 + 1 : $0 }
        return nameColumns.contains(column)
    }

    /// The leading words in capitals, the rest capitalised with lower case: "OKAFOR Amara".
    private func isSIMSCapitals(_ raw: Range<Int>) -> Bool {
        var sawLowerWord = false
        var wordCount = 0
        var position = raw.lowerBound
        while position < raw.upperBound {
            guard isLetter(bytes[position]) else { position += 1; continue }
            let start = position
            while position < raw.upperBound, isLetter(bytes[position]) { position += 1 }
            let word = bytes[start..<position]
            let hasLower = word.contains { $0 >= 97 && $0 <= 122 }
            if hasLower {
                guard wordCount > 0, !(word.first! >= 97 && word.first! <= 122) else { return false }
                sawLowerWord = true
            } else if sawLowerWord {
                return false
            }
            wordCount += 1
        }
        return sawLowerWord
    }

    private mutating func addMiddleNameForm(after forename: LoneNameHits.Hit, surnames: [Int: [LoneNameHits.Hit]]) {
        let text = normalised.bytes
        var wordStart = forename.end + 1
        for _ in 1...2 {
            guard wordStart < text.count, text[wordStart - 1] == NormalisedText.separator else { return }
            var wordEnd = wordStart
            while wordEnd < text.count, text[wordEnd] != NormalisedText.separator { wordEnd += 1 }
            guard isMiddleName(normalised.rawRange(wordStart, wordEnd)) else { return }
            let next = wordEnd + 1
            for surname in (surnames[next] ?? []).sorted(by: { $0.end > $1.end }) {
                let shared = forename.sharedOwners(with: surname)
                let raw = normalised.rawRange(forename.start, surname.end)
                guard !shared.isEmpty, middleFormGapIsValid(raw), isCapitalised(raw) else { continue }
                // The roster's own middle names already made this a full-name reference.
                if references.contains(where: { $0.range == raw }) { return }
                addNameReference(shared, raw: raw, pattern: "m\(forename.start)", confidence: 0.85)
                return
            }
            wordStart = next
        }
    }

    /// A capitalised word of letters ("Grace", "G", "Zoë").
    private func isMiddleName(_ raw: Range<Int>) -> Bool {
        guard let first = raw.first.map({ bytes[$0] }), first >= 0x80 || (first >= 65 && first <= 90) else { return false }
        return bytes[raw].allSatisfy(isLetter)
    }

    /// Spaces (tabs in a table row) between the words, and a dot only after an initial.
    private func middleFormGapIsValid(_ raw: Range<Int>) -> Bool {
        for position in raw where bytes[position] < 0x80 && !EmailScanner.isAlphanumeric(bytes[position]) {
            switch bytes[position] {
            case 32, 45, 39, 96: continue
            case 9 where segment.role == .tableRow: continue
            case 46 where position >= 2 && bytes[position - 1] >= 65 && bytes[position - 1] <= 90
                && bytes[position - 2] == 32: continue
            default: return false
            }
        }
        return true
    }

    /// "A. Okafor" / "A Okafor": unique surname + initial and the pupil's group beside it.
    private mutating func addInitialForm(_ surname: LoneNameHits.Hit) -> Bool {
        let text = normalised.bytes
        let start = surname.start
        guard start >= 2, text[start - 1] == NormalisedText.separator,
              start == 2 || text[start - 3] == NormalisedText.separator else { return false }
        let initialRaw = normalised.rawRange(start - 2, start - 1)
        let surnameRaw = normalised.rawRange(start, surname.end)
        guard initialRaw.count == 1, bytes[initialRaw.lowerBound] >= 65, bytes[initialRaw.lowerBound] <= 90,
              isCapitalised(surnameRaw) else { return false }
        for position in initialRaw.upperBound..<surnameRaw.lowerBound {
            let byte = bytes[position]
            guard byte == 32 || (byte == 46 && position == initialRaw.upperBound) else { return false }
        }
        if start >= 4, let previous = previousWord(before: start - 2), Self.titles.contains(previous) { return false }
        let initial = text[start - 2]
        let matching = surname.owners.filter { owner in
            index.students.forenames(at: Int(owner)).contains { NormalisedText($0).bytes.first == initial }
        }
        guard matching.count == 1, groupStandsBeside(matching[0], initialRaw.lowerBound..<surnameRaw.upperBound) else {
            return false
        }
        addNameReference(matching, raw: initialRaw.lowerBound..<surnameRaw.upperBound, pattern: "i\(start)", confidence: 0.75)
        return true
    }

    private func previousWord(before wordStart: Int) -> String? {
        let text = normalised.bytes
        guard wordStart >= 2 else { return nil }
        var start = wordStart - 1
        while start > 0, text[start - 1] != NormalisedText.separator { start -= 1 }
        return String(decoding: text[start..<(wordStart - 1)], as: UTF8.self)
    }

    /// The pupil's registration group ("7C") or year ("Y7", "Year 7") within `groupWindow`.
    private func groupStandsBeside(_ student: Int32, _ range: Range<Int>) -> Bool {
        let pupil = index.students, position = Int(student)
        let reg = pupil.string(.regGroup, at: position).map { Array($0.uppercased().utf8.filter(EmailScanner.isAlphanumeric)) } ?? []
        var year = pupil.string(.yearGroup, at: position).map { Array($0.uppercased().utf8.filter(EmailScanner.isAlphanumeric)) } ?? []
        for prefix in ["YEAR", "YR", "Y"] where year.starts(with: Array(prefix.utf8)) && year.count > prefix.count {
            year.removeFirst(prefix.count)
            break
        }
        guard !reg.isEmpty || !year.isEmpty else { return false }
        let lower = range.lowerBound - Self.groupWindow, upper = range.upperBound + Self.groupWindow
        let nearby = tokens.filter { $0.end > lower && $0.start < upper && ($0.end <= range.lowerBound || $0.start >= range.upperBound) }
        for (position, token) in nearby.enumerated() {
            let word = bytes.upperCased(token.start..<token.end)
            if !reg.isEmpty, word == reg { return true }
            guard !year.isEmpty else { continue }
            for prefix in ["YEAR", "YR", "Y"] {
                let prefixBytes = Array(prefix.utf8)
                if word == prefixBytes + year { return true }
                if word == prefixBytes, position + 1 < nearby.count,
                   bytes.upperCased(nearby[position + 1].start..<nearby[position + 1].end) == year { return true }
            }
        }
        return false
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) >= 97 && (byte | 0x20) <= 122
    }
}
