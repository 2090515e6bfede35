import RosterImport

/// What `chaperone roster check` prints: counts and problems, never pupil data.
struct RosterCheckReport: Encodable {
    struct Problem: Encodable {
        var severity: String
        var file: String
        var position: String
        var column: String?
        var reason: String
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
    var unknownColumns: [String: [String]]
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
        unknownColumns = result.unknownColumns
        problems = result.problems.map {
            Problem(severity: $0.severity.rawValue, file: $0.file, position: $0.position, column: $0.column, reason: $0.reason)
        }
    }

    var text: String {
        var lines = ["pupils: \(pupils) (\(pupilsWithUPN) with a UPN)", "contacts: \(contacts)",
                     "  with parental responsibility: \(contactsWithParentalResponsibility)",
                     "  without parental responsibility: \(contactsWithoutParentalResponsibility)",
                     "  parental responsibility not recorded: \(contactsResponsibilityNotRecorded)",
                     "  restricted (court order or no contact): \(contactsRestricted)",
                     "staff: \(staff)"]
        for (file, columns) in unknownColumns.sorted(by: { $0.key < $1.key }) {
            lines.append("ignored columns in \(file): \(columns.joined(separator: ", "))")
        }
        lines.append("problems: \(problems.count)")
        for problem in problems {
            let column = problem.column.map { ", column \"\($0)\"" } ?? ""
            lines.append("  \(problem.severity): \(problem.file) \(problem.position)\(column): \(problem.reason)")
        }
        lines.append(fatal ? "result: FATAL, the roster cannot be used" : "result: OK")
        return lines.joined(separator: "\n")
    }
}
