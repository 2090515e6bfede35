import ChaperoneModel
import Detectors
@testable import RosterImport

// The String-based importer of main 4482ab0 (its `RosterAssembler`, the row reading of its
// `CSVRosterReader`, `NumberedContacts` and `ContactRightsValues(ContactRecord)`), copied
// here unchanged but for the names, so that the byte importer can be compared with it on
// generated and hostile rosters (`ImporterEquivalenceTests`). Test code only.

/// 4482ab0's `RosterAssembler`: validates `PupilRecord`s into `Student` and `Contact` objects.
struct ReferenceAssembler {
    private(set) var students: [Student] = []
    private(set) var contacts: [Contact] = []
    private(set) var problems: [RosterProblem] = []
    private var keyByUPN: [String: String] = [:]
    private var contactIndex: [String: Int] = [:]

    mutating func add(_ record: PupilRecord) {
        func problem(_ column: String?, _ reason: String, _ severity: RosterProblem.Severity = .error) {
            problems.append(RosterProblem(file: record.file, position: record.position, column: column,
                                          reason: reason, severity: severity))
        }
        let forename = record.forename.isEmpty ? record.preferredForename : record.forename
        guard !record.surname.isEmpty, !forename.isEmpty else {
            problem(record.surname.isEmpty ? "Surname" : "Forename", "missing name; row skipped")
            return
        }
        var upn: String? = record.upn.uppercased().replacingSpaces
        if let value = upn, value.isEmpty { upn = nil }
        if let value = upn, UniquePupilNumber.validate(value) == nil {
            problem("UPN", UPNDiagnosis.reason(value))
            upn = nil
        }
        if let value = upn, let other = keyByUPN[value] {
            problem("UPN", "duplicate UPN (first seen for pupil \(other)); row skipped")
            return
        }
        var uln: String? = record.uln.replacingSpaces
        if let value = uln, value.isEmpty { uln = nil }
        if let value = uln, !UniqueLearnerNumber.isValid(value) {
            problem("ULN", "not a valid ULN (ten digits, mod-11 check digit); value ignored")
            uln = nil
        }
        var dateOfBirth: SchoolDate?
        if !record.dateOfBirth.isEmpty {
            dateOfBirth = RosterDate.parse(record.dateOfBirth)
            if dateOfBirth == nil {
                problem("DOB", "unreadable date of birth (expected dd/mm/yyyy, d/m/yy or yyyy-mm-dd); value ignored")
            }
        }
        let key = upn.map(PupilKey.pseudonym(forUPN:)) ?? "\(record.file):\(record.position.replacingOccurrencesOfLine)"
        if let upn { keyByUPN[upn] = key }
        var student = Student(
            key: key, upn: upn, uln: uln, legalForename: forename,
            preferredForename: record.preferredForename.isEmpty ? nil : record.preferredForename,
            middleNames: record.middleNames.nilIfEmpty,
            surname: record.surname, dateOfBirth: dateOfBirth,
            yearGroup: record.yearGroup.nilIfEmpty, regGroup: record.regGroup.nilIfEmpty,
            schoolEmail: record.schoolEmail.nilIfEmpty?.lowercasedIfNeeded,
            personalEmails: record.personalEmails.map(\.lowercasedIfNeeded), addressLines: record.addressLines,
            postcode: record.postcode.nilIfEmpty?.uppercased(), senStatus: record.senStatus.nilIfEmpty,
            freeSchoolMeals: Self.flag(record.freeSchoolMeals))
        for cell in record.consents {
            let value = ConsentValue(cell.value)
            if value == .unreadable {
                problem(cell.heading, "'\(cell.value)' is not a consent value (Yes/No, Granted/Refused, Given/Withheld); "
                    + "the consent is treated as unknown", .warning)
            }
            guard let granted = value.recorded else { continue }
            for purpose in cell.purposes { student.imageConsent.record(granted, for: purpose) }
        }
        for contact in record.contacts {
            let rights = ReferenceRights(contact)
            if let unreadable = rights.unreadableResponsibility {
                problem("Parental Responsibility",
                        "'\(unreadable)' is not Yes or No; the contact is treated as having parental responsibility", .warning)
            }
            student.contactKeys.append(addContact(contact, rights: rights, pupil: key))
        }
        students.append(student)
    }

    private mutating func addContact(_ record: ContactRecord, rights: ReferenceRights, pupil: String) -> String {
        let emails = record.emails.map(\.lowercasedIfNeeded)
        let identity = record.name.lowercased() + "|" + (emails.first ?? record.phones.first ?? pupil)
        let index: Int
        if let existing = contactIndex[identity] {
            index = existing
            if !contacts[index].pupilKeys.contains(pupil) { contacts[index].pupilKeys.append(pupil) }
        } else {
            index = contacts.count
            contactIndex[identity] = index
            contacts.append(Contact(key: "contact-\(index + 1)", name: record.name, relationship: record.relationship.nilIfEmpty,
                                    emails: emails, phones: record.phones, pupilKeys: [pupil]))
        }
        if let responsibility = rights.parentalResponsibility {
            // Two records for one pupil that disagree: the one without responsibility wins.
            contacts[index].parentalResponsibility[pupil] = (contacts[index].parentalResponsibility[pupil] ?? true) && responsibility
        }
        if rights.isRestricted, !contacts[index].restrictedPupilKeys.contains(pupil) {
            contacts[index].restrictedPupilKeys.append(pupil)
        }
        return contacts[index].key
    }

    static func flag(_ value: String) -> Bool? {
        switch value.lowercased() {
        case "y", "yes", "true", "1", "t": true
        case "n", "no", "false", "0", "f": false
        default: nil
        }
    }
}

/// 4482ab0's `ContactRightsValues(ContactRecord)`.
struct ReferenceRights {
    var parentalResponsibility: Bool?
    var unreadableResponsibility: String?
    var isRestricted = false

    init(_ record: ContactRecord) {
        let responsibility = record.parentalResponsibility
        if !responsibility.isEmpty {
            parentalResponsibility = RosterAssembler.flag(responsibility)
            if parentalResponsibility == nil { unreadableResponsibility = responsibility }
        }
        isRestricted = record.restrictions.contains { value in
            let text = value.lowercased()
            if let flag = RosterAssembler.flag(text) { return flag }
            return !text.isEmpty && !ContactRightsValues.noRestriction.contains(text)
        }
    }
}

/// 4482ab0's `CSVRosterReader.read` and its row reading: a file's rows as `PupilRecord`s.
struct ReferenceCSVReader {
    let file: String
    let table: CSVTable
    var consentHeadings = ConsentHeadings()

    func records() -> [PupilRecord] {
        guard let header = table.rows.first else { return [] }
        let layout = CSVRosterReader.layout(of: table.fields(of: header), consentHeadings: consentHeadings)
        let named = Set(layout.columns.values)
        guard named.contains(.surname), named.contains(.forename) || named.contains(.preferredForename) else { return [] }
        let roles = CSVRosterReader.CellRole.roles(of: layout, columns: table.rows.map(table.fieldCount).max() ?? 0)
        return table.rows.dropFirst().map { record($0, roles) }
    }

    /// One pupil row; a String is made only for the cells the roles use.
    private func record(_ row: CSVTable.Row, _ roles: [CSVRosterReader.CellRole]) -> PupilRecord {
        var record = PupilRecord(file: file, position: "line \(row.line)")
        var lines: [(Int, String)] = []
        // Contact blocks by number: a row has a few, so small arrays, not dictionaries.
        var contacts = ReferenceNumberedContacts()
        var contactParts: [(number: Int, forename: String, surname: String)] = []
        func part(_ number: Int) -> Int {
            if let index = contactParts.firstIndex(where: { $0.number == number }) { return index }
            contactParts.append((number, "", ""))
            return contactParts.count - 1
        }
        for position in 0..<table.fieldCount(of: row) {
            let role = roles[position]
            if case .ignored = role { continue }
            let value = table.value(position, in: row)
            guard !value.isEmpty else { continue }
            switch role {
            case .ignored: continue
            case .column(let column):
                assign(value, to: column, in: &record, lines: &lines)
            case .consent(let heading, let purposes):
                record.consents.append(ConsentCell(heading: heading, purposes: purposes, value: value))
            case .addressLine(let line):
                lines.append((line, value))
            case .contact(let heading):
                var contact = contacts[heading.number]
                switch heading.field {
                case .name: contact.name = value
                case .forename: contactParts[part(heading.number)].forename = value
                case .surname: contactParts[part(heading.number)].surname = value
                case .email: contact.emails += RosterText.list(value)
                case .relationship: contact.relationship = value
                case .mobile, .phone: contact.phones.append(value)
                case .parentalResponsibility: contact.parentalResponsibility = value
                case .restriction: contact.restrictions.append(value)
                }
                contacts[heading.number] = contact
            }
        }
        for parts in contactParts {
            var contact = contacts[parts.number]
            if contact.name.isEmpty { contact.name = [parts.forename, parts.surname].filter { !$0.isEmpty }.joined(separator: " ") }
            contacts[parts.number] = contact
        }
        record.addressLines += lines.count == 1 ? RosterText.addressLines(lines[0].1)
            : lines.sorted { $0.0 < $1.0 }.flatMap { RosterText.addressLines($0.1) }
        record.contacts = contacts.inOrder.filter { !$0.isEmpty }
        return record
    }

    private func assign(_ value: String, to column: MISColumn, in record: inout PupilRecord, lines: inout [(Int, String)]) {
        switch column {
        case .upn: record.upn = value
        case .uln: record.uln = value
        case .surname: record.surname = value
        case .forename: record.forename = value
        case .preferredForename: record.preferredForename = value
        case .middleNames: record.middleNames = value
        case .dateOfBirth: record.dateOfBirth = value
        case .yearGroup: record.yearGroup = value
        case .regGroup: record.regGroup = value
        case .pupilEmail: record.schoolEmail = value
        case .personalEmail: record.personalEmails += RosterText.list(value)
        case .address: lines.append((0, value))
        case .postcode: record.postcode = value
        case .senStatus: record.senStatus = value
        case .freeSchoolMeals: record.freeSchoolMeals = value
        case .admissionNumber, .gender, .ethnicity, .preferredSurname: break
        }
    }
}

/// A row's contact blocks (`Contact 1 …`, `Contact 2 …`) by number, in a small array
/// kept in number order: a missing number reads as an empty contact.
struct ReferenceNumberedContacts {
    private var entries: [(number: Int, record: ContactRecord)] = []

    subscript(number: Int) -> ContactRecord {
        get { entries.first { $0.number == number }?.record ?? ContactRecord() }
        set {
            if let index = entries.firstIndex(where: { $0.number == number }) {
                entries[index].record = newValue
            } else {
                let index = entries.firstIndex { $0.number > number } ?? entries.count
                entries.insert((number, newValue), at: index)
            }
        }
    }

    /// The contacts in number order.
    var inOrder: [ContactRecord] { entries.map(\.record) }
}
