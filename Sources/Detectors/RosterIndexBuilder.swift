import ChaperoneModel

/// Turns roster pupils and term families into automaton patterns and lookup tables.
/// Names are read as bytes from the roster's table and normalised once; places and lone
/// names are found again by their bytes (`PlaceKeys`), not by String keys.
struct RosterIndexBuilder {
    var automaton = WordAutomatonBuilder()
    var entries: [RosterEntry] = []
    var upns: [String: Int32] = [:]
    var ulns: [String: Int32] = [:]
    private var places = PlaceKeys()

    /// The tag of each kind of place key (a surname and a forename that are the same
    /// word are two places).
    private enum PlaceTag {
        static let surname: UInt8 = 0x73, forename: UInt8 = 0x66, postcode: UInt8 = 0x70, addressLine: UInt8 = 0x61
    }

    /// Makes room for the places of `pupils` pupils (a surname, a forename or two, a
    /// postcode and an address line each, shared ones counted once).
    mutating func reserve(pupils: Int) {
        places.reserve(keys: pupils * 3)
    }

    /// Adds pupil `position` of `pupils`, its names' forms made from the table's bytes.
    mutating func addStudent(_ pupils: StudentTable, at position: Int) {
        let index = Int32(position)
        if let upn = pupils.string(.upn, at: position).map(Self.uppercased), !upn.isEmpty { upns[upn] = index }
        if let uln = pupils.string(.uln, at: position), !uln.isEmpty { ulns[uln] = index }
        let surnameForms = pupils.withUTF8(.surname, at: position, Self.variants(utf8:))
        let surnameIsCommon = Self.containsCommonWord(surnameForms[0])
        for family in surnameForms {
            addPlace(tag: PlaceTag.surname, key: family, owner: index, kind: .surname) { [family] }
        }
        let forenameForms = Self.forenameForms(pupils, at: position)
        let middleNameForms = Self.middleNameForms(pupils, at: position)
        for forms in forenameForms {
            for given in forms {
                addPlace(tag: PlaceTag.forename, key: given, owner: index, kind: .forename) { [given] }
            }
        }
        for forms in forenameForms {
            let needsCapitals = surnameIsCommon || Self.containsCommonWord(forms[0])
            let name = RosterEntry(kind: .name, student: index, needsCapitals: needsCapitals)
            let reversed = RosterEntry(kind: .reversedName, student: index, needsCapitals: needsCapitals)
            for given in forms {
                for family in surnameForms {
                    add(given, family, name)
                    add(family, given, reversed)
                    // "SURNAME Forename Middle" is already the SIMS form's reference.
                    for middle in middleNameForms {
                        add(given, middle, family, name)
                    }
                }
            }
        }
        if let postcode = pupils.string(.postcode, at: position), postcode.count >= 5 {
            let compact = RosterIndex.compactPostcode(postcode)
            addPlace(tag: PlaceTag.postcode, key: Array(compact.utf8), owner: index, kind: .postcode) {
                [NormalisedText.pattern(postcode), NormalisedText.pattern(compact)]
            }
        }
        if let line = pupils.firstAddressLine(at: position) {
            let normalised = NormalisedText.pattern(line)
            if normalised.count >= 8, normalised.contains(NormalisedText.separator) {
                addPlace(tag: PlaceTag.addressLine, key: normalised, owner: index, kind: .addressLine) { [normalised] }
            }
        }
    }

    /// One entry per distinct place or lone name; pupils sharing it become its owners.
    /// `patterns` are made only for a new place.
    private mutating func addPlace(
        tag: UInt8, key: [UInt8], owner: Int32, kind: RosterEntry.Kind, patterns: () -> [[UInt8]]
    ) {
        if let existing = places.existingValue(tag: tag, bytes: key, orInsert: Int32(entries.count)) {
            let id = Int(existing)
            if entries[id].owners.last != owner { entries[id].owners.append(owner) }
            return
        }
        entries.append(RosterEntry(kind: kind, student: -1, owners: [owner]))
        let id = Int32(entries.count - 1)
        let patterns = patterns()
        for (position, pattern) in patterns.enumerated() where !pattern.isEmpty && !patterns[..<position].contains(pattern) {
            automaton.add(pattern, value: id)
        }
    }

    /// `text` upper-cased; ASCII text with no lower-case letter (every real UPN) is returned as it is.
    static func uppercased(_ text: String) -> String {
        text.utf8.contains(where: { (97...122).contains($0) || $0 >= 0x80 }) ? text.uppercased() : text
    }

    /// The normalised forms of every forename pupil `position` is known by, as
    /// `pupils.forenames(at:).map(variants)`, read from the table's bytes.
    static func forenameForms(_ pupils: StudentTable, at position: Int) -> [[[UInt8]]] {
        let legal = pupils.withUTF8(.legalForename, at: position, variants(utf8:))
        guard pupils.has(.preferredForename, at: position) else { return [legal] }
        let distinct = pupils.withUTF8(.legalForename, at: position) { legalBytes -> Bool? in
            pupils.withUTF8(.preferredForename, at: position) { preferredBytes -> Bool? in
                if preferredBytes.isEmpty { return false }
                return asciiCaseInsensitiveEqual(legalBytes, preferredBytes).map { !$0 }
            }
        }
        switch distinct {
        case false?: return [legal]
        case true?: return [legal, pupils.withUTF8(.preferredForename, at: position, variants(utf8:))]
        case nil: return pupils.forenames(at: position).map(variants)
        }
    }

    /// Whether two ASCII strings are equal ignoring case; nil when either is not ASCII
    /// (then `String.lowercased()` decides).
    static func asciiCaseInsensitiveEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !a.contains(where: { $0 >= 0x80 }), !b.contains(where: { $0 >= 0x80 }) else { return nil }
        guard a.count == b.count else { return false }
        for offset in 0..<a.count {
            let x = a[offset], y = b[offset]
            let lowerX = (65...90).contains(x) ? x | 0x20 : x, lowerY = (65...90).contains(y) ? y | 0x20 : y
            if lowerX != lowerY { return false }
        }
        return true
    }

    /// `middleNameForms(normalised:)` of pupil `position`'s middle names, read from the table's bytes.
    static func middleNameForms(_ pupils: StudentTable, at position: Int) -> [[UInt8]] {
        guard pupils.has(.middleNames, at: position) else { return [] }
        return middleNameForms(normalised: pupils.withUTF8(.middleNames, at: position) { NormalisedText(patternOf: $0).bytes })
    }

    mutating func addTerm(_ term: String, family: Int16) {
        let exact = term.hasPrefix("=")
        let text = exact ? String(term.dropFirst()) : term
        let entry = RosterEntry(kind: .term, student: -1, family: family, exactCase: exact ? Array(text.utf8) : nil)
        add(NormalisedText.pattern(text), entry)
    }

    /// Adds the pattern of two or three words (a name's normalised forms) joined by separators.
    private mutating func add(_ first: [UInt8], _ second: [UInt8], _ entry: RosterEntry) {
        entries.append(entry)
        automaton.add(first, second, nil, value: Int32(entries.count - 1))
    }

    private mutating func add(_ first: [UInt8], _ second: [UInt8], _ third: [UInt8], _ entry: RosterEntry) {
        entries.append(entry)
        automaton.add(first, second, third, value: Int32(entries.count - 1))
    }

    private mutating func add(_ pattern: [UInt8], _ entry: RosterEntry) {
        guard !pattern.isEmpty else { return }
        entries.append(entry)
        automaton.add(pattern, value: Int32(entries.count - 1))
    }

    /// The roster's middle names as written in full ("grace elizabeth") and, when there
    /// are several, the first alone ("grace"): staff write "Amara Grace Okafor" either
    /// way. `full` is the middle names' normalised bytes.
    static func middleNameForms(normalised full: [UInt8]) -> [[UInt8]] {
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

    /// `normalised` (a name's `NormalisedText` bytes) has a word that is an ordinary word.
    static func containsCommonWord(_ normalised: [UInt8]) -> Bool {
        var start = 0
        while start < normalised.count {
            var end = start
            while end < normalised.count, normalised[end] != NormalisedText.separator { end += 1 }
            if end > start, CommonWordNames.contains(normalised[start..<end]) { return true }
            start = end + 1
        }
        return false
    }
}
