import ChaperoneModel

/// Imports MIS CSV exports and DfE CTF XML files (format sniffed from the content)
/// plus an optional staff list into one `Roster`. Pure over bytes: the caller reads
/// the files. Every bad row is reported with file, line or XML path, column and
/// reason, and the import carries on unless nothing usable remains.
public struct RosterImporter {
    public static func importFiles(_ sources: [RosterSource], staff: RosterSource?,
                                   consentHeadings: ConsentHeadings = ConsentHeadings()) -> RosterImportResult {
        importFiles(sources, staff: staff, limits: RosterImportLimits(), consentHeadings: consentHeadings)
    }

    /// `consentHeadings` says which CSV headings carry image consent (the built-in
    /// vendor words plus `roster.consent_columns`).
    public static func importFiles(_ sources: [RosterSource], staff: RosterSource?, limits: RosterImportLimits,
                                   consentHeadings: ConsentHeadings = ConsentHeadings()) -> RosterImportResult {
        var problems: [RosterProblem] = []
        var unknown: [String: [String]] = [:]
        var skippedConsents: [String: [String]] = [:]
        var consentColumns: [String: [String: [ConsentPurpose]]] = [:]
        var columnErrors: [RosterProblem] = []
        var assembler = RosterAssembler()
        for source in sources {
            var fileProblems: [RosterProblem] = []
            let before = assembler.problems.count
            switch RosterFormat.sniff(source.bytes) {
            case .ctf:
                let records = CTFReader(file: source.name, bytes: source.bytes, limits: limits).read(into: &fileProblems)
                var cells = PupilCells()
                assembler.reserveCapacity(records.count)
                for record in records {
                    cells.load(record)
                    assembler.add(cells, file: source.name)
                }
            case .csv:
                let table = csvTable(source, limits: limits, problems: &fileProblems)
                let result = CSVRosterReader(file: source.name, table: table, consentHeadings: consentHeadings)
                    .read(into: &fileProblems, columnErrors: &columnErrors, assembler: &assembler)
                if !result.unknown.isEmpty { unknown[source.name] = result.unknown }
                if !result.otherConsents.isEmpty { skippedConsents[source.name] = result.otherConsents }
                if !result.consentColumns.isEmpty { consentColumns[source.name] = result.consentColumns }
            }
            fileProblems += assembler.problems[before...]
            problems += capped(fileProblems, file: source.name, limit: limits.maxProblemsPerFile)
        }
        var staffMembers: [StaffMember] = []
        if let staff {
            var staffProblems: [RosterProblem] = []
            let table = csvTable(staff, limits: limits, problems: &staffProblems)
            let reader = StaffListReader(file: staff.name, table: table)
            staffMembers = reader.read(into: &staffProblems)
            columnErrors += reader.columnProblems()
            if let headings = reader.unknownHeadings(), !headings.isEmpty { unknown[staff.name] = headings }
            problems += capped(staffProblems, file: staff.name, limit: limits.maxProblemsPerFile)
        }
        let roster = Roster(students: assembler.students, contacts: assembler.contactTable, staff: staffMembers)
        var isFatal = false
        if roster.students.isEmpty {
            isFatal = true
            problems.append(RosterProblem(file: sources.map(\.name).joined(separator: ", "), position: "",
                reason: "no usable pupils were read; fix the problems above or export the roster again",
                severity: .fatal))
        }
        var result = RosterImportResult(roster: roster, problems: problems, unknownColumns: unknown, isFatal: isFatal,
                                        skippedConsentColumns: skippedConsents, consentColumns: consentColumns)
        result.columnErrors = columnErrors
        let staffName = staff?.name
        for (file, headings) in unknown {
            let known = file == staffName ? StaffListReader.knownHeadings : HeadingSuggestion.pupilHeadings
            for heading in headings {
                if let suggestion = HeadingSuggestion.closest(to: heading, among: known) { result.headingSuggestions[heading] = suggestion }
            }
        }
        return result
    }

    static func csvTable(_ source: RosterSource, limits: RosterImportLimits, problems: inout [RosterProblem]) -> CSVTable {
        let (text, encoding) = SourceText.utf8(source.bytes)
        if encoding == .windows1252 {
            problems.append(RosterProblem(file: source.name, position: "",
                reason: "not valid UTF-8; read as windows-1252 (export as UTF-8 to avoid this)", severity: .warning))
        }
        let table = CSVTable(utf8: text, limits: limits)
        for note in table.notes {
            problems.append(RosterProblem(file: source.name, position: "line \(note.line)", reason: note.reason, severity: .warning))
        }
        return table
    }

    private static func capped(_ problems: [RosterProblem], file: String, limit: Int) -> [RosterProblem] {
        guard problems.count > limit else { return problems }
        return Array(problems.prefix(limit)) + [RosterProblem(file: file, position: "",
            reason: "\(problems.count - limit) more problems not listed (roster_max_problems)", severity: .warning)]
    }
}
