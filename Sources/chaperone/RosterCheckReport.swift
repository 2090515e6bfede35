import ChaperoneModel
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
    /// Image-consent counts per purpose (`school_publications`, `website`, `press_and_media`).
    var consent: [String: ConsentCount]
    /// An image-consent heading read, with the purposes it covers.
    struct ConsentColumn: Encodable {
        var file: String
        var heading: String
        var purposes: [String]
    }

    /// A consent heading skipped because it is not an image consent; map it in
    /// `roster.consent_columns` if it is.
    struct SkippedConsentColumn: Encodable {
        var file: String
        var heading: String
    }

    /// Listed as items, not keyed by heading: JSON keys are snake_cased, headings are data.
    var consentColumns: [ConsentColumn]
    var skippedConsentColumns: [SkippedConsentColumn]
    var fatal: Bool
    /// False when the check fails: fatal, or a column error (no UPN/ULN column, a
    /// required column empty in every row).
    var ok: Bool
    var ignoredColumns: [IgnoredColumn]
    var columnErrors: [Problem]
    var problems: [Problem]

    /// Pupils by consent state for one purpose. Unknown: the export recorded nothing.
    struct ConsentCount: Encodable {
        var granted = 0
        var refused = 0
        var unknown = 0
    }

    init(_ result: RosterImportResult) {
        var consent: [String: ConsentCount] = [:]
        for purpose in ConsentPurpose.allCases {
            var count = ConsentCount()
            for student in result.roster.students {
                switch student.imageConsent.state(for: purpose) {
                case .granted: count.granted += 1
                case .refused: count.refused += 1
                case .unknown: count.unknown += 1
                }
            }
            consent[purpose.rawValue] = count
        }
        self.consent = consent
        consentColumns = result.consentColumns.sorted(by: { $0.key < $1.key }).flatMap { file, columns in
            columns.sorted(by: { $0.key < $1.key }).map {
                ConsentColumn(file: file, heading: $0.key, purposes: $0.value.map(\.rawValue))
            }
        }
        skippedConsentColumns = result.skippedConsentColumns.sorted(by: { $0.key < $1.key }).flatMap { file, headings in
            headings.map { SkippedConsentColumn(file: file, heading: $0) }
        }
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
                     "staff: \(staff)", "image consent (granted / refused / unknown):"]
        for purpose in ConsentPurpose.allCases {
            let count = consent[purpose.rawValue] ?? ConsentCount()
            lines.append("  \(purpose.rawValue): \(count.granted) / \(count.refused) / \(count.unknown)")
        }
        for file in Set(consentColumns.map(\.file)).sorted() {
            let read = consentColumns.filter { $0.file == file }.map { "\($0.heading) → \($0.purposes.joined(separator: ", "))" }
            lines.append("consent columns read in \(file): \(read.joined(separator: "; "))")
        }
        for file in Set(skippedConsentColumns.map(\.file)).sorted() {
            let headings = skippedConsentColumns.filter { $0.file == file }.map(\.heading)
            lines.append("skipped consent columns in \(file) (not image consent; map in roster.consent_columns if they are): "
                + headings.joined(separator: ", "))
        }
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
