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

    /// What one file gave besides its pupils (which go straight to the assembler): the
    /// headings it ignored, and the consent headings it skipped because they are not
    /// image consents.
    struct Output {
        var unknown: [String] = []
        var otherConsents: [String] = []
        /// Image-consent headings read, with their purposes.
        var consentColumns: [String: [ConsentPurpose]] = [:]
    }

    /// Columns that matching relies on: a file where one is present but empty in every
    /// row lost its values in the export (an MIS permission, a wrong report).
    static let requiredValues: [MISColumn] = [.upn, .uln, .surname, .forename, .dateOfBirth, .pupilEmail]

    /// Reads the rows into `assembler`, one reused `PupilCells` per row, and adds to
    /// `columnErrors` what is wrong with the file's columns.
    func read(into problems: inout [RosterProblem], columnErrors: inout [RosterProblem],
              assembler: inout RosterAssembler) -> Output {
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
        let roles = CellRole.roles(of: layout, columns: table.rows.map(table.fieldCount).max() ?? 0)
        var filledPositions = Array(repeating: false, count: roles.count)
        var cells = PupilCells()
        assembler.reserveCapacity(table.rows.count - 1)
        table.bytes.withUnsafeBufferPointer { bytes in
            for row in table.rows.dropFirst() {
                fill(&cells, row: row, roles: roles, bytes: bytes, filled: &filledPositions)
                assembler.add(cells, file: file)
            }
        }
        let filled = Set(layout.columns.keys.filter { filledPositions[$0] })
        columnErrors += columnProblems(header, layout, filled: filled, rows: table.rows.count - 1)
        var columns: [String: [ConsentPurpose]] = [:]
        for (heading, purposes) in layout.consents.values { columns[heading] = purposes }
        return Output(unknown: layout.unknown, otherConsents: layout.otherConsents, consentColumns: columns)
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
}
