import ChaperoneModel

/// Reads the staff list CSV: a school email column (`Email`, `School Email`, `Work
/// Email`), a name (`Name`, or `Forename` + `Surname`), and optional known personal
/// addresses (`Personal Email`, several separated by `;`).
struct StaffListReader {
    let file: String
    let table: CSVTable

    static let emailKeys: Set<String> = ["email", "schoolemail", "workemail", "emailaddress", "staffemail"]
    static let personalKeys: Set<String> = ["personalemail", "personalemails", "homeemail", "knownpersonalemails"]

    func read(into problems: inout [RosterProblem]) -> [StaffMember] {
        guard let header = table.rows.first else {
            problems.append(RosterProblem(file: file, position: "line 1", reason: "the staff list is empty", severity: .error))
            return []
        }
        let keys = header.fields.map { $0.trimmingCharacters.lowercased().filter { $0.isLetter } }
        let email = keys.firstIndex { Self.emailKeys.contains($0) }
        let name = keys.firstIndex { ["name", "fullname", "staffname"].contains($0) }
        let forename = keys.firstIndex { ["forename", "firstname", "legalforename"].contains($0) }
        let surname = keys.firstIndex { ["surname", "lastname", "legalsurname"].contains($0) }
        let personal = keys.indices.filter { Self.personalKeys.contains(keys[$0]) }
        guard let email else {
            problems.append(RosterProblem(file: file, position: "line \(header.line)",
                reason: "no Email column in the staff list header (expected Email, Name, Personal Email)", severity: .error))
            return []
        }
        var staff: [StaffMember] = []
        for row in table.rows.dropFirst() {
            func field(_ index: Int?) -> String {
                guard let index, row.fields.indices.contains(index) else { return "" }
                return row.fields[index].trimmingCharacters
            }
            let address = field(email).lowercased()
            guard address.contains("@") else {
                problems.append(RosterProblem(file: file, position: "line \(row.line)", column: header.fields[email],
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
