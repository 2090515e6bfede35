import ChaperoneModel

/// Turns roster pupils and term families into automaton patterns and lookup tables.
struct RosterIndexBuilder {
    var automaton = WordAutomatonBuilder()
    var entries: [RosterEntry] = []
    var upns: [String: Int32] = [:]
    var ulns: [String: Int32] = [:]
    var postcodes: [String: [Int32]] = [:]

    mutating func addStudent(_ student: Student, index: Int32) {
        if let upn = student.upn?.uppercased(), !upn.isEmpty { upns[upn] = index }
        if let uln = student.uln, !uln.isEmpty { ulns[uln] = index }
        let surnameForms = Self.variants(student.surname)
        for forename in student.forenames {
            let needsCapitals = Self.containsCommonWord(forename) || Self.containsCommonWord(student.surname)
            for given in Self.variants(forename) {
                for family in surnameForms {
                    add(given + [NormalisedText.separator] + family,
                        RosterEntry(kind: .name, student: index, needsCapitals: needsCapitals))
                    add(family + [NormalisedText.separator] + given,
                        RosterEntry(kind: .reversedName, student: index, needsCapitals: needsCapitals))
                }
            }
        }
        if let postcode = student.postcode, postcode.count >= 5 {
            let compact = RosterIndex.compactPostcode(postcode)
            postcodes[compact, default: []].append(index)
            let entry = RosterEntry(kind: .postcode, student: index)
            add(NormalisedText(postcode).bytes, entry)
            add(NormalisedText(compact).bytes, entry)
        }
        if let line = student.addressLines.first {
            let normalised = NormalisedText(line).bytes
            if normalised.count >= 8, normalised.contains(NormalisedText.separator) {
                add(normalised, RosterEntry(kind: .addressLine, student: index))
            }
        }
    }

    mutating func addTerm(_ term: String, family: Int16) {
        let exact = term.hasPrefix("=")
        let text = exact ? String(term.dropFirst()) : term
        let entry = RosterEntry(kind: .term, student: -1, family: family, exactCase: exact ? Array(text.utf8) : nil)
        add(NormalisedText(text).bytes, entry)
    }

    private mutating func add(_ pattern: [UInt8], _ entry: RosterEntry) {
        guard !pattern.isEmpty else { return }
        entries.append(entry)
        automaton.add(pattern, value: Int32(entries.count - 1))
    }

    /// A name's normalised forms: as written, and with apostrophes dropped (`O'Neill`
    /// matches both "o neill" and "oneill").
    static func variants(_ name: String) -> [[UInt8]] {
        let plain = NormalisedText(name).bytes
        let joined = NormalisedText(String(name.filter { $0 != "'" && $0 != "’" && $0 != "`" })).bytes
        return plain == joined ? [plain] : [plain, joined]
    }

    static func containsCommonWord(_ name: String) -> Bool {
        let words = NormalisedText(name).bytes.split(separator: NormalisedText.separator)
        return words.contains { CommonWordNames.words.contains(String(decoding: $0, as: UTF8.self)) }
    }
}
