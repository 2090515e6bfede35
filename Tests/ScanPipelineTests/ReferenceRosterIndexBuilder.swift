import ChaperoneModel
@testable import Detectors

/// The roster index builder as it was at 4482ab0 (String place keys, patterns made per
/// call), kept as the reference the new builder must equal. It records every addition
/// in order, for the sort's reference.
struct ReferenceRosterIndexBuilder {
    var additions: [(pattern: [UInt8], value: Int32)] = []
    var automaton = WordAutomatonBuilder()
    var entries: [RosterEntry] = []
    var upns: [String: Int32] = [:]
    var ulns: [String: Int32] = [:]
    private var places: [String: Int] = [:]

    /// Adds pupil `position` of `pupils`, its names' forms made from the table's bytes.
    mutating func addStudent(_ pupils: StudentTable, at position: Int) {
        let index = Int32(position)
        if let upn = pupils.string(.upn, at: position)?.uppercased(), !upn.isEmpty { upns[upn] = index }
        if let uln = pupils.string(.uln, at: position), !uln.isEmpty { ulns[uln] = index }
        let surnameForms = pupils.withUTF8(.surname, at: position, RosterIndexBuilder.variants(utf8:))
        let surnameIsCommon = ReferenceRosterIndexBuilder.containsCommonWord(surnameForms[0])
        for family in surnameForms {
            addPlace("s:" + String(decoding: family, as: UTF8.self), owner: index, kind: .surname, patterns: [family])
        }
        let forenameForms = pupils.forenames(at: position).map(RosterIndexBuilder.variants)
        let middleNameForms = ReferenceRosterIndexBuilder.middleNameForms(pupils.string(.middleNames, at: position))
        for forms in forenameForms {
            for given in forms {
                addPlace("f:" + String(decoding: given, as: UTF8.self), owner: index, kind: .forename, patterns: [given])
            }
        }
        for forms in forenameForms {
            let needsCapitals = surnameIsCommon || ReferenceRosterIndexBuilder.containsCommonWord(forms[0])
            for given in forms {
                for family in surnameForms {
                    add(words: [given, family], RosterEntry(kind: .name, student: index, needsCapitals: needsCapitals))
                    add(words: [family, given], RosterEntry(kind: .reversedName, student: index, needsCapitals: needsCapitals))
                    // "SURNAME Forename Middle" is already the SIMS form's reference.
                    for middle in middleNameForms {
                        add(words: [given, middle, family], RosterEntry(kind: .name, student: index, needsCapitals: needsCapitals))
                    }
                }
            }
        }
        if let postcode = pupils.string(.postcode, at: position), postcode.count >= 5 {
            let compact = RosterIndex.compactPostcode(postcode)
            addPlace("p:" + compact, owner: index, kind: .postcode,
                     patterns: [NormalisedText.pattern(postcode), NormalisedText.pattern(compact)])
        }
        if let line = pupils.firstAddressLine(at: position) {
            let normalised = NormalisedText.pattern(line)
            if normalised.count >= 8, normalised.contains(NormalisedText.separator) {
                addPlace("a:" + String(decoding: normalised, as: UTF8.self), owner: index, kind: .addressLine,
                         patterns: [normalised])
            }
        }
    }

    /// One entry per distinct place or lone name; pupils sharing it become its owners.
    private mutating func addPlace(_ key: String, owner: Int32, kind: RosterEntry.Kind, patterns: [[UInt8]]) {
        if let existing = places[key] {
            if entries[existing].owners.last != owner { entries[existing].owners.append(owner) }
            return
        }
        entries.append(RosterEntry(kind: kind, student: -1, owners: [owner]))
        let id = entries.count - 1
        places[key] = id
        for (position, pattern) in patterns.enumerated() where !pattern.isEmpty && !patterns[..<position].contains(pattern) {
            automaton.add(pattern, value: Int32(id))
            additions.append((pattern, Int32(id)))
        }
    }

    mutating func addTerm(_ term: String, family: Int16) {
        let exact = term.hasPrefix("=")
        let text = exact ? String(term.dropFirst()) : term
        let entry = RosterEntry(kind: .term, student: -1, family: family, exactCase: exact ? Array(text.utf8) : nil)
        add(NormalisedText.pattern(text), entry)
    }

    /// Adds the pattern of two or three `words` (a name's normalised forms) joined by separators.
    private mutating func add(words: [[UInt8]], _ entry: RosterEntry) {
        entries.append(entry)
        automaton.add(words: words, value: Int32(entries.count - 1))
        additions.append((Array(words.joined(separator: [NormalisedText.separator])), Int32(entries.count - 1)))
    }

    private mutating func add(_ pattern: [UInt8], _ entry: RosterEntry) {
        guard !pattern.isEmpty else { return }
        entries.append(entry)
        automaton.add(pattern, value: Int32(entries.count - 1))
        additions.append((pattern, Int32(entries.count - 1)))
    }

    static func middleNameForms(_ middleNames: String?) -> [[UInt8]] {
        guard let middleNames else { return [] }
        let full = NormalisedText.pattern(middleNames)
        guard !full.isEmpty else { return [] }
        guard let split = full.firstIndex(of: NormalisedText.separator) else { return [full] }
        return [full, Array(full[..<split])]
    }

    static func containsCommonWord(_ normalised: [UInt8]) -> Bool {
        normalised.split(separator: NormalisedText.separator).contains { CommonWordNames.words.contains(String(decoding: $0, as: UTF8.self)) }
    }

    /// The additions' order as the old builder sorted them: a comparator over the bytes.
    static func referenceOrder(_ additions: [(pattern: [UInt8], value: Int32)]) -> [Int] {
        additions.indices.sorted { left, right in
            let a = additions[left].pattern, b = additions[right].pattern
            if a.lexicographicallyPrecedes(b) { return true }
            if b.lexicographicallyPrecedes(a) { return false }
            return left < right
        }
    }
}
