import ChaperoneModel
import Detectors

/// Reads an MIS CSV export (SIMS, Arbor, Bromcom, IRIS) into pupil records. Columns
/// are matched through `MISColumn`'s alias table, contact blocks (`Contact N …`) and
/// numbered address lines; any other column is listed as unknown and ignored.
struct CSVRosterReader {
    let file: String
    let table: CSVTable
    var consentHeadings = ConsentHeadings()

    struct Layout {
        var columns: [Int: MISColumn] = [:]
        var contacts: [Int: ContactHeading] = [:]
        var addressLines: [Int: Int] = [:]
        /// Column → (heading, purposes) for image-consent columns.
        var consents: [Int: (heading: String, purposes: [ConsentPurpose])] = [:]
        var unknown: [String] = []
        /// Consent headings that are not image consents (school trips, internet access).
        var otherConsents: [String] = []
    }

    static func layout(of header: [String], consentHeadings: ConsentHeadings = ConsentHeadings()) -> Layout {
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
                switch consentHeadings.meaning(of: heading) {
                case .imageConsent(let purposes): layout.consents[position] = (heading, purposes)
                case .otherConsent: layout.otherConsents.append(heading)
                case .none: layout.unknown.append(heading)
                }
            }
        }
        return layout
    }

    /// What one file gave: its pupil records, the headings it ignored, and the consent
    /// headings it skipped because they are not image consents.
    struct Output {
        var records: [PupilRecord] = []
        var unknown: [String] = []
        var otherConsents: [String] = []
        /// Image-consent headings read, with their purposes.
        var consentColumns: [String: [ConsentPurpose]] = [:]
    }

    /// Columns that matching relies on: a file where one is present but empty in every
    /// row lost its values in the export (an MIS permission, a wrong report).
    static let requiredValues: [MISColumn] = [.upn, .uln, .surname, .forename, .dateOfBirth, .pupilEmail]

    func read(into problems: inout [RosterProblem]) -> Output {
        var columnErrors: [RosterProblem] = []
        return read(into: &problems, columnErrors: &columnErrors)
    }

    /// Reads the rows, and adds to `columnErrors` what is wrong with the file's columns.
    func read(into problems: inout [RosterProblem], columnErrors: inout [RosterProblem]) -> Output {
        guard let header = table.rows.first else {
            problems.append(RosterProblem(file: file, position: "line 1", reason: "the file is empty", severity: .error))
            return Output()
        }
        let layout = Self.layout(of: table.fields(of: header), consentHeadings: consentHeadings)
        let named = Set(layout.columns.values)
        guard named.contains(.surname), named.contains(.forename) || named.contains(.preferredForename) else {
            problems.append(RosterProblem(
                file: file, position: "line \(header.line)",
                reason: "no Surname and Forename columns in the header row; is this an MIS pupil export? "
                    + "Export with headings such as UPN, Legal Surname, Legal Forename, DOB",
                severity: .error))
            return Output(unknown: layout.unknown, otherConsents: layout.otherConsents)
        }
        var records: [PupilRecord] = []
        records.reserveCapacity(table.rows.count)
        let roles = CellRole.roles(of: layout, columns: table.rows.map(table.fieldCount).max() ?? 0)
        var unfilled = Array(layout.columns.keys)
        for row in table.rows.dropFirst() {
            records.append(record(row, roles))
            unfilled.removeAll { table.hasValue($0, in: row) }
        }
        let filled = Set(layout.columns.keys).subtracting(unfilled)
        columnErrors += columnProblems(header, layout, filled: filled, rows: records.count)
        var columns: [String: [ConsentPurpose]] = [:]
        for (heading, purposes) in layout.consents.values { columns[heading] = purposes }
        return Output(records: records, unknown: layout.unknown, otherConsents: layout.otherConsents, consentColumns: columns)
    }

    /// No UPN or ULN column, or a required column with no value in any of `rows` rows.
    private func columnProblems(_ header: CSVTable.Row, _ layout: Layout, filled: Set<Int>, rows: Int) -> [RosterProblem] {
        var found: [RosterProblem] = []
        let named = Set(layout.columns.values)
        if !named.contains(.upn), !named.contains(.uln) {
            let hints = layout.unknown.compactMap { heading in
                HeadingSuggestion.closest(to: heading, among: HeadingSuggestion.pupilHeadings).map { "\"\(heading)\" (did you mean \($0)?)" }
            }
            found.append(RosterProblem(
                file: file, position: "line \(header.line)",
                reason: "no pupil identifier column (UPN or ULN), so UPNs are not matched in mail"
                    + (hints.isEmpty ? "" : "; misspelt heading " + hints.joined(separator: ", "))
                    + ": export the roster with its UPN column",
                severity: .error))
        }
        guard rows > 0 else { return found }
        for (position, column) in layout.columns.sorted(by: { $0.key < $1.key })
        where Self.requiredValues.contains(column) && !filled.contains(position) {
            found.append(RosterProblem(
                file: file, position: "line \(header.line)", column: table.value(position, in: header),
                reason: "the column is empty in all \(rows) rows: the export left its values out (check the MIS report and the exporting user's permissions)",
                severity: .error))
        }
        return found
    }

    /// One pupil row; a String is made only for the cells the roles use.
    private func record(_ row: CSVTable.Row, _ roles: [CellRole]) -> PupilRecord {
        var record = PupilRecord(file: file, position: "line \(row.line)")
        var lines: [(Int, String)] = []
        // Contact blocks by number: a row has a few, so small arrays, not dictionaries.
        var contacts = NumberedContacts()
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
