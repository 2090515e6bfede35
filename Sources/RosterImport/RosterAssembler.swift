import ChaperoneModel
import Detectors

/// Validates pupil records and assembles the roster: checks UPN check letters and ULN
/// check digits, reads dates of birth, drops rows without a name, skips duplicate UPNs,
/// and merges a parent who appears for several siblings into one contact.
struct RosterAssembler {
    private(set) var students = StudentTable()
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
            let rights = ContactRightsValues(contact)
            if let unreadable = rights.unreadableResponsibility {
                problem("Parental Responsibility",
                        "'\(unreadable)' is not Yes or No; the contact is treated as having parental responsibility", .warning)
            }
            student.contactKeys.append(addContact(contact, rights: rights, pupil: key))
        }
        students.append(student)
    }

    private mutating func addContact(_ record: ContactRecord, rights: ContactRightsValues, pupil: String) -> String {
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

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
    /// Without any whitespace; a printable ASCII value (a UPN, a ULN) comes back as it is.
    var replacingSpaces: String {
        utf8.allSatisfy({ $0 > 32 && $0 < 0x80 }) ? self : String(filter { !$0.isWhitespace })
    }
    var replacingOccurrencesOfLine: String { hasPrefix("line ") ? String(dropFirst(5)) : self }
}
