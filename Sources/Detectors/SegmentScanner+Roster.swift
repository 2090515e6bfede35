import ChaperoneModel

extension SegmentScanner {
    /// One automaton pass: names become references, postcodes and address lines and
    /// special-category terms become mentions.
    mutating func scanRosterWords() {
        let matches = index.automaton.wholeWordMatches(in: normalised.bytes)
        var loneNames = LoneNameHits()
        for (start, end, pattern) in matches {
            let raw = normalised.rawRange(start, end)
            var nameStudents: [Int32] = []
            var needsCapitals = false
            for entry in index.entries(of: pattern) {
                switch entry.kind {
                case .name, .reversedName:
                    guard nameGapIsValid(raw, reversed: entry.kind == .reversedName)
                        || entry.kind == .reversedName && isUncommaedReversal(raw) else { continue }
                    if !nameStudents.contains(entry.student) { nameStudents.append(entry.student) }
                    needsCapitals = needsCapitals || entry.needsCapitals
                case .postcode, .addressLine:
                    mentions.append(SensitiveMention(kind: .place(owners: entry.owners, isPostcode: entry.kind == .postcode),
                                                     range: raw))
                case .term:
                    if let exact = entry.exactCase, !bytes[raw].elementsEqual(exact) { continue }
                    mentions.append(SensitiveMention(kind: .term(family: Int(entry.family)), range: raw))
                case .forename:
                    loneNames.forenames.append(LoneNameHits.Hit(start: start, end: end, owners: entry.owners))
                case .surname:
                    loneNames.surnames[start, default: []].append(LoneNameHits.Hit(start: start, end: end, owners: entry.owners))
                }
            }
            guard !nameStudents.isEmpty else { continue }
            let capitalised = isCapitalised(raw)
            // An ordinary-word name needs capitals, or the stronger context of a table row.
            if needsCapitals && !capitalised && segment.role != .tableRow { continue }
            addNameReference(nameStudents, raw: raw, pattern: "\(pattern)",
                             confidence: needsCapitals ? 0.7 : (capitalised ? 0.9 : 0.75))
        }
        scanLongerNameForms(loneNames)
        scanHouseholdForenames(loneNames)
    }

    /// `pattern` names the reference only when the name is shared (built only then).
    mutating func addNameReference(_ students: [Int32], raw: Range<Int>, pattern: @autoclosure () -> String,
                                   confidence: Double, joinsOnlyItsSentence: Bool = false) {
        let unique = students.count == 1 ? students[0] : nil
        let identity = unique.map(index.identity(ofStudent:)) ?? .unlinked("name#" + pattern())
        references.append(PupilReference(identity: identity, student: unique, range: raw, confidence: confidence,
                                         joinsOnlyItsSentence: joinsOnlyItsSentence))
        emit(.pupilName, Redaction.name(bytes.string(raw)), confidence, pupil: unique,
             detail: unique == nil ? "name shared by \(students.count) pupils" : nil)
    }

    /// Forward names may only be split by spaces, line breaks, hyphens, apostrophes or a
    /// table cell; "Surname, Forename" needs the comma or a table cell between the parts.
    private func nameGapIsValid(_ raw: Range<Int>, reversed: Bool) -> Bool {
        var sawComma = false
        var sawCell = false
        for byte in bytes[raw] where byte < 0x80 && !EmailScanner.isAlphanumeric(byte) {
            switch byte {
            case 32, 10, 13, 45, 39, 96: continue
            case 44: sawComma = true
            case 9: sawCell = true
            default: return false
            }
        }
        return reversed ? (sawComma || sawCell) : !sawComma
    }

    /// True when every word in `raw` starts with a capital (or a non-ASCII letter).
    func isCapitalised(_ raw: Range<Int>) -> Bool {
        var atWordStart = true
        for byte in bytes[raw] {
            let isLetter = byte >= 0x80 || (byte | 0x20) >= 97 && (byte | 0x20) <= 122
            if isLetter {
                if atWordStart, byte >= 97 && byte <= 122 { return false }
                atWordStart = false
            } else {
                atWordStart = true
            }
        }
        return true
    }
}
