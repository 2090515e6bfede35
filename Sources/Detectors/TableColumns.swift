import ChaperoneModel

/// Remembers, table by table, which columns the header row names as pupils' names
/// ("Name", "Pupil") and as secrets ("Password", "PIN"), so later rows of that table can
/// read a cell "Okafor Amara" as a name without a comma and a cell "Kestrel33!" as a
/// password without a keyword beside it.
struct TableColumns {
    /// Column cells (0-based) of one kind.
    struct Columns: Hashable {
        var names: Set<Int> = []
        /// Secret columns → whether a cell must look like a secret (a "Pass" column may
        /// hold exam results; a "Password" column holds passwords).
        var secrets: [Int: Bool] = [:]

        var isEmpty: Bool { names.isEmpty && secrets.isEmpty }
    }

    /// Headings (compared with `MISColumn.key`) that head a column of whole names.
    static let nameHeadings: Set<String> = [
        "name", "names", "pupil", "pupils", "pupilname", "student", "students", "studentname",
        "fullname", "learner", "learnername", "child", "childname", "legalname", "nameofpupil",
        "nameofchild", "nameofstudent",
    ]
    /// Headings that head a column of secrets.
    static let secretHeadings: Set<String> = [
        "password", "passwords", "pwd", "passwd", "passcode", "pin", "pinnumber", "pincode",
        "initialpassword", "temporarypassword", "temppassword", "newpassword", "defaultpassword", "passphrase",
    ]
    /// Headings that may head a column of secrets or of anything else ("Pass" in a table
    /// of exam results): their cells count only when they look like a secret.
    static let ambiguousSecretHeadings: Set<String> = ["pass", "pw", "code", "logincode"]

    private var table: (location: TextLocation, table: Int, columns: Columns)?

    /// The columns for `segment`: learnt from row 0, applied to the rows after it.
    mutating func columns(for segment: TextSegment) -> Columns {
        guard segment.role == .tableRow, let number = segment.table, let row = segment.row else { return Columns() }
        if row == 0 {
            var columns = Columns()
            for (position, cell) in segment.text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                let key = MISColumn.key(String(cell).trimmingSpaces)
                if Self.nameHeadings.contains(key) { columns.names.insert(position) }
                if Self.secretHeadings.contains(key) { columns.secrets[position] = false }
                if Self.ambiguousSecretHeadings.contains(key) { columns.secrets[position] = true }
            }
            table = columns.isEmpty ? nil : (segment.location, number, columns)
            return Columns()
        }
        guard let table, table.location == segment.location, table.table == number else { return Columns() }
        return table.columns
    }
}
