import Detectors

/// Reads an MIS CSV export (SIMS, Arbor, Bromcom, IRIS) into pupil records. Columns
/// are matched through `MISColumn`'s alias table, contact blocks (`Contact N …`) and
/// numbered address lines; any other column is listed as unknown and ignored.
struct CSVRosterReader {
    let file: String
    let table: CSVTable

    struct Layout {
        var columns: [Int: MISColumn] = [:]
        var contacts: [Int: ContactHeading] = [:]
        var addressLines: [Int: Int] = [:]
        var unknown: [String] = []
    }

    static func layout(of header: [String]) -> Layout {
        var layout = Layout()
        for (position, raw) in header.enumerated() {
            let heading = raw.trimmingCharacters
            if let column = MISColumn.column(forHeading: heading), !layout.columns.values.contains(column) {
                layout.columns[position] = column
            } else if let contact = ContactHeading(heading) {
                layout.contacts[position] = contact
            } else if let line = AddressHeading.lineNumber(heading) {
                layout.addressLines[position] = line
            } else if !heading.isEmpty {
                layout.unknown.append(heading)
            }
        }
        return layout
    }

    func read(into problems: inout [RosterProblem]) -> (records: [PupilRecord], unknown: [String]) {
        guard let header = table.rows.first else {
            problems.append(RosterProblem(file: file, position: "line 1", reason: "the file is empty", severity: .error))
            return ([], [])
        }
        let layout = Self.layout(of: header.fields)
        let named = Set(layout.columns.values)
        guard named.contains(.surname), named.contains(.forename) || named.contains(.preferredForename) else {
            problems.append(RosterProblem(
                file: file, position: "line \(header.line)",
                reason: "no Surname and Forename columns in the header row; is this an MIS pupil export? "
                    + "Export with headings such as UPN, Legal Surname, Legal Forename, DOB",
                severity: .error))
            return ([], layout.unknown)
        }
        var records: [PupilRecord] = []
        records.reserveCapacity(table.rows.count)
        for row in table.rows.dropFirst() {
            records.append(record(row, layout))
        }
        return (records, layout.unknown)
    }

    private func record(_ row: CSVTable.Row, _ layout: Layout) -> PupilRecord {
        var record = PupilRecord(file: file, position: "line \(row.line)")
        var lines: [(Int, String)] = []
        var contacts: [Int: ContactRecord] = [:]
        var contactParts: [Int: (forename: String, surname: String)] = [:]
        for (position, raw) in row.fields.enumerated() {
            let value = raw.trimmingCharacters
            guard !value.isEmpty else { continue }
            if let column = layout.columns[position] {
                assign(value, to: column, in: &record, lines: &lines)
            } else if let line = layout.addressLines[position] {
                lines.append((line, value))
            } else if let heading = layout.contacts[position] {
                var contact = contacts[heading.number] ?? ContactRecord()
                switch heading.field {
                case .name: contact.name = value
                case .forename: contactParts[heading.number, default: ("", "")].forename = value
                case .surname: contactParts[heading.number, default: ("", "")].surname = value
                case .email: contact.emails += RosterText.list(value)
                case .relationship: contact.relationship = value
                case .mobile, .phone: contact.phones.append(value)
                case .parentalResponsibility: contact.parentalResponsibility = value
                case .restriction: contact.restrictions.append(value)
                }
                contacts[heading.number] = contact
            }
        }
        for (number, parts) in contactParts {
            var contact = contacts[number] ?? ContactRecord()
            if contact.name.isEmpty { contact.name = [parts.forename, parts.surname].filter { !$0.isEmpty }.joined(separator: " ") }
            contacts[number] = contact
        }
        record.addressLines += lines.sorted { $0.0 < $1.0 }.flatMap { RosterText.addressLines($0.1) }
        record.contacts = contacts.keys.sorted().compactMap { contacts[$0] }.filter { !$0.isEmpty }
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
