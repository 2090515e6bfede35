import ChaperoneModel

/// Reads the staff list CSV: a school email column (`Email`, `School Email`, `Work
/// Email`), a name (`Name`, or `Forename` + `Surname`), and optional known personal
/// addresses (`Personal Email`, several separated by `;`).
struct StaffListReader {
    let file: String
    let table: CSVTable

    static let emailKeys: Set<String> = ["email", "schoolemail", "workemail", "emailaddress", "staffemail"]
    static let personalKeys: Set<String> = ["personalemail", "personalemails", "homeemail", "knownpersonalemails"]
    static let nameKeys: Set<String> = ["name", "fullname", "staffname"]
    static let forenameKeys: Set<String> = ["forename", "firstname", "legalforename"]
    static let surnameKeys: Set<String> = ["surname", "lastname", "legalsurname"]

    /// The headings the staff list knows, spelt for people, for `HeadingSuggestion`.
    static let knownHeadings = [
        "Email", "School Email", "Work Email", "Email Address", "Staff Email", "Name", "Full Name", "Staff Name",
        "Forename", "First Name", "Legal Forename", "Surname", "Last Name", "Legal Surname",
        "Personal Email", "Personal Emails", "Home Email", "Known Personal Emails",
    ]

    /// A heading as the key sets spell it.
    static func key(_ heading: String) -> String { heading.trimmingCharacters.lowercased().filter { $0.isLetter } }

    /// The headings of the header row that the reader does not use, or nil for an empty file.
    func unknownHeadings() -> [String]? {
        guard let header = table.rows.first else { return nil }
        let known = Self.emailKeys.union(Self.personalKeys).union(Self.nameKeys).union(Self.forenameKeys).union(Self.surnameKeys)
        return table.fields(of: header).map(\.trimmingCharacters).filter { !$0.isEmpty && !known.contains(Self.key($0)) }
    }

    /// No Email column, or the Email or name column empty in every row: what makes
    /// `roster check` and `check-config` fail for the staff list.
    func columnProblems() -> [RosterProblem] {
        guard let header = table.rows.first else { return [] }
        let headings = table.fields(of: header)
        let keys = headings.map(Self.key)
        guard let email = keys.firstIndex(where: { Self.emailKeys.contains($0) }) else {
            let hints = (unknownHeadings() ?? []).compactMap { heading in
                HeadingSuggestion.closest(to: heading, among: Self.knownHeadings).map { "\"\(heading)\" (did you mean \($0)?)" }
            }
            return [RosterProblem(file: file, position: "line \(header.line)",
                reason: "no Email column, so no member of staff is recognised"
                    + (hints.isEmpty ? "" : "; misspelt heading " + hints.joined(separator: ", "))
                    + ": the staff list needs Email, Name and optionally Personal Email",
                severity: .error)]
        }
        let rows = table.rows.dropFirst()
        guard !rows.isEmpty else { return [] }
        let name = keys.firstIndex { Self.nameKeys.contains($0) }
        return [email, name].compactMap { $0 }.filter { index in
            !rows.contains { table.hasValue(index, in: $0) }
        }.map { index in
            RosterProblem(file: file, position: "line \(header.line)", column: headings[index].trimmingCharacters,
                reason: "the column is empty in all \(rows.count) rows: export the staff list again with its values",
                severity: .error)
        }
    }

    func read(into problems: inout [RosterProblem]) -> [StaffMember] {
        guard let header = table.rows.first else {
            problems.append(RosterProblem(file: file, position: "line 1", reason: "the staff list is empty", severity: .error))
            return []
        }
        let headings = table.fields(of: header)
        let keys = headings.map(Self.key)
        let email = keys.firstIndex { Self.emailKeys.contains($0) }
        let name = keys.firstIndex { Self.nameKeys.contains($0) }
        let forename = keys.firstIndex { Self.forenameKeys.contains($0) }
        let surname = keys.firstIndex { Self.surnameKeys.contains($0) }
        let personal = keys.indices.filter { Self.personalKeys.contains(keys[$0]) }
        guard let email else {
            problems.append(RosterProblem(file: file, position: "line \(header.line)",
                reason: "no Email column in the staff list header (expected Email, Name, Personal Email)", severity: .error))
            return []
        }
        var staff: [StaffMember] = []
        for row in table.rows.dropFirst() {
            func field(_ index: Int?) -> String {
                guard let index else { return "" }
                return table.value(index, in: row)
            }
            let address = field(email).lowercased()
            guard address.contains("@") else {
                problems.append(RosterProblem(file: file, position: "line \(row.line)", column: headings[email],
                    reason: "missing or malformed school email; row skipped", severity: .error))
                continue
            }
            let fullName = name != nil ? field(name) : [field(forename), field(surname)].filter { !$0.isEmpty }.joined(separator: " ")
            let personalEmails = personal.flatMap { RosterText.list(field($0)) }.map { $0.lowercased() }
            staff.append(StaffMember(email: address, name: fullName, personalEmails: personalEmails))
        }
        return staff
    }
}
