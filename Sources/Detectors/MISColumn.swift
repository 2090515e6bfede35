/// The roster fields an MIS export (SIMS, Arbor, Bromcom, IRIS) can carry, with the
/// column headings each is known by. Headings are compared after `key(_:)`: lower-cased
/// with spaces, underscores, dots and hyphens removed ("Legal Surname" → "legalsurname").
/// RosterImport maps CSV columns with this table; the MIS-export detector counts how
/// many of a table's headings it recognises.
public enum MISColumn: String, CaseIterable, Sendable, Hashable {
    case upn, uln, surname, forename, preferredForename, dateOfBirth, yearGroup, regGroup
    case pupilEmail, personalEmail, address, postcode, senStatus, freeSchoolMeals
    case admissionNumber, gender, ethnicity, preferredSurname, middleNames

    /// Headings for each column (contact blocks and numbered address lines are parsed separately).
    public static let aliases: [MISColumn: [String]] = [
        .upn: ["UPN", "Unique Pupil Number"],
        .uln: ["ULN", "Unique Learner Number", "UniqueLearnerNumber"],
        .surname: ["Surname", "Legal Surname", "Last Name", "LastName", "Family Name"],
        .forename: ["Forename", "Legal Forename", "First Name", "FirstName", "Given Name"],
        .preferredForename: ["Preferred Forename", "Preferred First Name", "PreferredFirstName",
                             "Preferred Name", "Known As", "KnownAsFirstName", "PreferredName"],
        .preferredSurname: ["Preferred Surname", "KnownAsLastName", "PreferredLastName"],
        .middleNames: ["Middle Names", "Middle Name", "Middle Name(s)", "Legal Middle Name", "Legal Middle Names",
                       "Legal Middle Name(s)"],
        .dateOfBirth: ["DOB", "Date of Birth", "DateOfBirth", "Birth Date", "D.O.B."],
        .yearGroup: ["Year", "Year Group", "NC Year", "NCyearActual", "Curriculum Year"],
        .regGroup: ["Reg", "Reg Group", "Registration Group", "Tutor Group", "Tutor", "Form", "Form Group"],
        .pupilEmail: ["Pupil Email", "School Email", "Email", "Student Email", "Email Address",
                      "Email Address (School)", "Email (School)", "School Email Address", "Pupil Email Address",
                      "Student Email Address", "Pupil School Email", "Student School Email", "Pupil Email (School)"],
        .personalEmail: ["Personal Email", "Home Email"],
        .address: ["Address", "Home Address"],
        .postcode: ["Postcode", "Post Code", "PostCode"],
        .senStatus: ["SEN Status", "SEN", "SEN Provision", "SEND Status"],
        .freeSchoolMeals: ["FSM", "Free School Meals", "FreeMeals", "FSM Eligible"],
        .admissionNumber: ["Adno", "Admission Number", "Admissions Number", "Admission No"],
        .gender: ["Gender", "Sex"],
        .ethnicity: ["Ethnicity", "Ethnic Group"],
    ]

    /// Normalised heading → column.
    public static let byKey: [String: MISColumn] = {
        var table: [String: MISColumn] = [:]
        for (column, names) in aliases {
            for name in names { table[key(name)] = column }
        }
        return table
    }()

    /// Lower-cases and removes spaces, underscores, dots and hyphens.
    public static func key(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.filter { !" _.-\t\u{FEFF}\"".unicodeScalars.contains($0) })
    }

    /// The column a heading names, if any.
    public static func column(forHeading heading: String) -> MISColumn? {
        byKey[key(heading)]
    }
}
