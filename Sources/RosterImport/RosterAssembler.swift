import ChaperoneModel
import Detectors

/// Validates pupil rows and assembles the roster: checks UPN check letters and ULN
/// check digits, reads dates of birth, drops rows without a name, skips duplicate UPNs,
/// and merges a parent who appears for several siblings into one contact. Works on the
/// rows' bytes (`PupilCells`) and writes each pupil straight into the `StudentTable`:
/// keys, UPNs and contact identities are found again by `TextKeyIndex`, pupils by
/// position, so no String is made per field and no String-keyed dictionary is used.
struct RosterAssembler {
    private(set) var students = StudentTable()
    private var contacts = ContactBuilder()
    private(set) var problems: [RosterProblem] = []
    /// Valid UPNs in the order first seen; number → the position of its pupil.
    private var upns = TextKeyIndex()
    private var upnPositions: [Int32] = []
    /// Pupil keys in the order first seen; number → the first pupil with the key, which
    /// stands for every pupil with it (contacts link pupils by key).
    private var keys = TextKeyIndex()
    private var keyPositions: [Int32] = []
    private var row = StudentRow()
    private var scratch: [UInt8] = []

    /// Makes room for `count` more pupils.
    mutating func reserveCapacity(_ count: Int) {
        guard count > 0 else { return }
        students.reserveCapacity(count)
        if keys.count == 0 { keys = TextKeyIndex(capacity: count) }
        if upns.count == 0 { upns = TextKeyIndex(capacity: count) }
    }

    /// The contacts, with their pupils' keys.
    var contactTable: ContactTable { contacts.table(students: students) }

    mutating func add(_ cells: PupilCells, file: String) {
        cells.bytes.withUnsafeBufferPointer { add(cells, bytes: $0, file: file) }
    }

    private mutating func add(_ cells: PupilCells, bytes: UnsafeBufferPointer<UInt8>, file: String) {
        func problem(_ column: String?, _ reason: String, _ severity: RosterProblem.Severity = .error) {
            problems.append(RosterProblem(file: file, position: cells.position.description, column: column,
                                          reason: reason, severity: severity))
        }
        func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[range]) }
        func string(_ range: Range<Int>) -> String { String(decoding: text(range), as: UTF8.self) }
        let surname = cells.range(.surname)
        guard let surname, let forename = cells.range(.forename) ?? cells.range(.preferredForename) else {
            problem(surname == nil ? "Surname" : "Forename", "missing name; row skipped")
            return
        }
        var upn: String?
        if let range = cells.range(.upn) {
            scratch.removeAll(keepingCapacity: true)
            CellBytes.appendWithoutSpaces(text(range), uppercase: true, to: &scratch)
            if !scratch.isEmpty { upn = String(decoding: scratch, as: UTF8.self) }
        }
        if let value = upn, UniquePupilNumber.validate(value) == nil {
            problem("UPN", UPNDiagnosis.reason(value))
            upn = nil
        }
        if let value = upn {
            // Every check that skips a row is above: a UPN seen here is its pupil's.
            let (number, isNew) = upns.insert(value)
            guard isNew else {
                problem("UPN", "duplicate UPN (first seen for pupil \(students.key(at: Int(upnPositions[number])))); row skipped")
                return
            }
            upnPositions.append(Int32(students.count))
        }
        var uln: String?
        if let range = cells.range(.uln) {
            scratch.removeAll(keepingCapacity: true)
            CellBytes.appendWithoutSpaces(text(range), uppercase: false, to: &scratch)
            if !scratch.isEmpty { uln = String(decoding: scratch, as: UTF8.self) }
        }
        if let value = uln, !UniqueLearnerNumber.isValid(value) {
            problem("ULN", "not a valid ULN (ten digits, mod-11 check digit); value ignored")
            uln = nil
        }
        row.removeAll()
        if let range = cells.range(.dateOfBirth) {
            row.dateOfBirth = RosterDate.parse(text(range))
            if row.dateOfBirth == nil {
                problem("DOB", "unreadable date of birth (expected dd/mm/yyyy, d/m/yy or yyyy-mm-dd); value ignored")
            }
        }
        let position = students.count
        if let upn {
            row.set(.key) { PupilKey.appendPseudonym(forUPN: upn, to: &$0) }
            row.set(.upn) { $0.append(contentsOf: upn.utf8) }
        } else {
            row.set(.key) { key in
                key.append(contentsOf: file.utf8)
                key.append(58)
                switch cells.position {
                case .line(let line): key.append(contentsOf: String(line).utf8)
                case .path(let path): key.append(contentsOf: path.replacingOccurrencesOfLine.utf8)
                }
            }
        }
        // The pupil every contact link names: the first with this key.
        let keyRange = 0..<row.bytes.count
        let (keyNumber, isNewKey) = row.bytes.withUnsafeBufferPointer { keys.insert($0) }
        if isNewKey { keyPositions.append(Int32(position)) }
        let pupil = PupilLink(position: keyPositions[keyNumber], isFirstWithKey: isNewKey)
        if let uln { row.set(.uln) { $0.append(contentsOf: uln.utf8) } }
        row.set(.legalForename) { $0.append(contentsOf: text(forename)) }
        if let range = cells.range(.preferredForename) { row.set(.preferredForename) { $0.append(contentsOf: text(range)) } }
        if let range = cells.range(.middleNames) { row.set(.middleNames) { $0.append(contentsOf: text(range)) } }
        row.set(.surname) { $0.append(contentsOf: text(surname)) }
        if let range = cells.range(.yearGroup) { row.set(.yearGroup) { $0.append(contentsOf: text(range)) } }
        if let range = cells.range(.regGroup) { row.set(.regGroup) { $0.append(contentsOf: text(range)) } }
        if let range = cells.range(.schoolEmail) { row.set(.schoolEmail) { UTF8Text.appendLowercased(text(range), to: &$0) } }
        for range in cells.personalEmails { row.add(to: .personalEmails) { UTF8Text.appendLowercased(text(range), to: &$0) } }
        for range in cells.addressLines { row.add(to: .addressLines) { $0.append(contentsOf: text(range)) } }
        if let range = cells.range(.postcode) { row.set(.postcode) { UTF8Text.appendUppercased(text(range), to: &$0) } }
        if let range = cells.range(.senStatus) { row.set(.senStatus) { $0.append(contentsOf: text(range)) } }
        row.freeSchoolMeals = cells.range(.freeSchoolMeals).flatMap { CellBytes.flag(text($0)) }
        for cell in cells.consents {
            let value = ConsentValue(string(cell.value))
            if value == .unreadable {
                problem(cell.heading, "'\(string(cell.value))' is not a consent value (Yes/No, Granted/Refused, Given/Withheld); "
                    + "the consent is treated as unknown", .warning)
            }
            guard let granted = value.recorded else { continue }
            for purpose in cell.purposes { row.recordConsent(granted, for: purpose) }
        }
        for contact in cells.contacts {
            let hasItem = { (kind: PupilCells.ContactItem) in
                cells.contactItems.contains { $0.number == contact.number && $0.kind == kind }
            }
            guard contact.name != nil || hasItem(.email) || hasItem(.phone) else { continue }
            let restrictions = hasItem(.restriction)
                ? cells.contactItems.filter { $0.number == contact.number && $0.kind == .restriction }.map { string($0.value) } : []
            let rights = ContactRightsValues(responsibility: contact.responsibility.map(string) ?? "", restrictions: restrictions)
            if let unreadable = rights.unreadableResponsibility {
                problem("Parental Responsibility",
                        "'\(unreadable)' is not Yes or No; the contact is treated as having parental responsibility", .warning)
            }
            let index = row.bytes.withUnsafeBufferPointer { rowBytes in
                contacts.add(ContactBuilder.Cells(name: contact.name, relationship: contact.relationship, number: contact.number),
                             items: cells.contactItems, in: bytes, rights: rights, pupil: pupil,
                             pupilKey: UnsafeBufferPointer(rebasing: rowBytes[keyRange]))
            }
            row.add(to: .contactKeys) { ContactBuilder.appendKey(ofContact: index, to: &$0) }
        }
        students.append(row)
    }

    static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "y", "yes", "true", "1", "t": true
        case "n", "no", "false", "0", "f": false
        default: nil
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
    /// Without any whitespace; a printable ASCII value (a UPN, a ULN) comes back as it is.
    var replacingSpaces: String {
        utf8.allSatisfy({ $0 > 32 && $0 < 0x80 }) ? self : String(filter { !$0.isWhitespace })
    }
    var replacingOccurrencesOfLine: String { hasPrefix("line ") ? String(dropFirst(5)) : self }
}
