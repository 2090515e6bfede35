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
    /// File → image-consent headings read, with the purposes each covers.
    var consentColumns: [String: [String: [String]]]
    /// File → consent headings skipped because they are not image consents; map one in
    /// `roster.consent_columns` if it is.
    var skippedConsentColumns: [String: [String]]
    var fatal: Bool
    var unknownColumns: [String: [String]]
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
        consentColumns = result.consentColumns.mapValues { $0.mapValues { $0.map(\.rawValue) } }
        skippedConsentColumns = result.skippedConsentColumns
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
                     "staff: \(staff)", "image consent (granted / refused / unknown):"]
        for purpose in ConsentPurpose.allCases {
            let count = consent[purpose.rawValue] ?? ConsentCount()
            lines.append("  \(purpose.rawValue): \(count.granted) / \(count.refused) / \(count.unknown)")
        }
        for (file, columns) in consentColumns.sorted(by: { $0.key < $1.key }) {
            let read = columns.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value.joined(separator: ", "))" }
            lines.append("consent columns read in \(file): \(read.joined(separator: "; "))")
        }
        for (file, columns) in skippedConsentColumns.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped consent columns in \(file) (not image consent; map in roster.consent_columns if they are): "
                + columns.joined(separator: ", "))
        }
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
