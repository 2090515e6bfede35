import RosterImport

/// What `chaperone roster check` prints: counts and problems, never pupil data.
struct RosterCheckReport: Encodable {
    struct Problem: Encodable {
        var severity: String
        var file: String
        var position: String
        var column: String?
        var reason: String

        init(_ problem: RosterProblem) {
            severity = problem.severity.rawValue
            file = problem.file
            position = problem.position
            column = problem.column
            reason = problem.reason
        }
    }

    /// A heading no reader uses, with the known heading it most likely meant.
    struct IgnoredColumn: Encodable {
        var file: String
        var heading: String
        var didYouMean: String?
    }

    var pupils: Int
    var pupilsWithUPN: Int
    var contacts: Int
    /// Contacts recorded with parental responsibility for at least one pupil.
    var contactsWithParentalResponsibility: Int
    /// Contacts recorded without parental responsibility for at least one pupil.
    var contactsWithoutParentalResponsibility: Int
    /// Contacts with no parental-responsibility value in the export (treated as having it).
    var contactsResponsibilityNotRecorded: Int
    /// Contacts with a court order or contact restriction for at least one pupil.
    var contactsRestricted: Int
    var staff: Int
    var fatal: Bool
    /// False when the check fails: fatal, or a column error (no UPN/ULN column, a
    /// required column empty in every row).
    var ok: Bool
    var ignoredColumns: [IgnoredColumn]
    var columnErrors: [Problem]
    var problems: [Problem]

    init(_ result: RosterImportResult) {
        pupils = result.roster.students.count
        pupilsWithUPN = result.roster.students.filter { $0.upn != nil }.count
        contacts = result.roster.contacts.count
        contactsWithParentalResponsibility = result.roster.contacts.filter { $0.parentalResponsibility.values.contains(true) }.count
        contactsWithoutParentalResponsibility = result.roster.contacts.filter { $0.parentalResponsibility.values.contains(false) }.count
        contactsResponsibilityNotRecorded = result.roster.contacts.filter { $0.parentalResponsibility.isEmpty }.count
        contactsRestricted = result.roster.contacts.filter { !$0.restrictedPupilKeys.isEmpty }.count
        staff = result.roster.staff.count
        fatal = result.isFatal
        ok = !result.failsCheck
        ignoredColumns = result.unknownColumns.sorted(by: { $0.key < $1.key }).flatMap { file, headings in
            headings.map { IgnoredColumn(file: file, heading: $0, didYouMean: result.headingSuggestions[$0]) }
        }
        columnErrors = result.columnErrors.map(Problem.init)
        problems = result.problems.map(Problem.init)
    }

    var text: String {
        var lines = ["pupils: \(pupils) (\(pupilsWithUPN) with a UPN)", "contacts: \(contacts)",
                     "  with parental responsibility: \(contactsWithParentalResponsibility)",
                     "  without parental responsibility: \(contactsWithoutParentalResponsibility)",
                     "  parental responsibility not recorded: \(contactsResponsibilityNotRecorded)",
                     "  restricted (court order or no contact): \(contactsRestricted)",
                     "staff: \(staff)"]
        for file in Set(ignoredColumns.map(\.file)).sorted() {
            let columns = ignoredColumns.filter { $0.file == file }.map { column in
                column.didYouMean.map { "\(column.heading) — did you mean \($0)?" } ?? column.heading
            }
            lines.append("ignored columns in \(file): \(columns.joined(separator: ", "))")
        }
        lines.append("problems: \(problems.count + columnErrors.count)")
        for problem in columnErrors + problems {
            let column = problem.column.map { ", column \"\($0)\"" } ?? ""
            lines.append("  \(problem.severity): \(problem.file) \(problem.position)\(column): \(problem.reason)")
        }
        if fatal {
            lines.append("result: FATAL, the roster cannot be used")
        } else if !ok {
            lines.append("result: FAILED, the roster loads but its columns are wrong (see the errors above)")
        } else {
            lines.append("result: OK")
        }
        return lines.joined(separator: "\n")
    }
}
