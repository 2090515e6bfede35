import ChaperoneModel

/// Turns roster pupils and term families into automaton patterns and lookup tables.
struct RosterIndexBuilder {
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
        let surnameForms = pupils.withUTF8(.surname, at: position, Self.variants(utf8:))
        let surnameIsCommon = Self.containsCommonWord(surnameForms[0])
        for family in surnameForms {
            addPlace("s:" + String(decoding: family, as: UTF8.self), owner: index, kind: .surname, patterns: [family])
        }
        let forenameForms = pupils.forenames(at: position).map(Self.variants)
        let middleNameForms = Self.middleNameForms(pupils.string(.middleNames, at: position))
        for forms in forenameForms {
            for given in forms {
                addPlace("f:" + String(decoding: given, as: UTF8.self), owner: index, kind: .forename, patterns: [given])
            }
        }
        for forms in forenameForms {
            let needsCapitals = surnameIsCommon || Self.containsCommonWord(forms[0])
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
    }

    private mutating func add(_ pattern: [UInt8], _ entry: RosterEntry) {
        guard !pattern.isEmpty else { return }
        entries.append(entry)
        automaton.add(pattern, value: Int32(entries.count - 1))
    }

    /// The roster's middle names as written in full ("grace elizabeth") and, when there
    /// are several, the first alone ("grace"): staff write "Amara Grace Okafor" either way.
    static func middleNameForms(_ middleNames: String?) -> [[UInt8]] {
        guard let middleNames else { return [] }
        let full = NormalisedText.pattern(middleNames)
        guard !full.isEmpty else { return [] }
        guard let split = full.firstIndex(of: NormalisedText.separator) else { return [full] }
        return [full, Array(full[..<split])]
    }

    /// A name's normalised forms: as written, and with apostrophes dropped (`O'Neill`
    /// matches both "o neill" and "oneill"). Never empty: the first is as written.
    static func variants(_ name: String) -> [[UInt8]] {
        let plain = NormalisedText.pattern(name)
        // No ', ` or ’ (whose last UTF-8 byte is 0x99): one form, normalised once.
        guard name.utf8.contains(where: { $0 == 39 || $0 == 96 || $0 == 0x99 }) else { return [plain] }
        let joined = NormalisedText.pattern(String(name.filter { $0 != "'" && $0 != "’" && $0 != "`" }))
        return plain == joined ? [plain] : [plain, joined]
    }

    /// `variants` of a name's UTF-8 bytes; a name with an apostrophe goes through the
    /// String form, which drops apostrophes as characters.
    static func variants(utf8 name: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        guard name.contains(where: { $0 == 39 || $0 == 96 || $0 == 0x99 }) else { return [NormalisedText(patternOf: name).bytes] }
        return variants(String(decoding: name, as: UTF8.self))
    }

    static func containsCommonWord(_ name: String) -> Bool {
        containsCommonWord(NormalisedText.pattern(name))
    }

    /// `normalised` (a name's `NormalisedText` bytes) has a word that is an ordinary word.
    static func containsCommonWord(_ normalised: [UInt8]) -> Bool {
        normalised.split(separator: NormalisedText.separator).contains { CommonWordNames.words.contains(String(decoding: $0, as: UTF8.self)) }
    }
}
