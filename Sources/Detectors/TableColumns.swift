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

    /// Rows a heading row may sit below the top of its table: report titles, a date line
    /// or a blank row often come first in an MIS export ("Year 7 logins", then headings).
    static let headingRowSearchDepth = 6

    /// The table being read: where it sits, its number, and the columns its heading row
    /// named (nil while no heading row has been seen).
    private var table: (place: TextLocation, table: Int, columns: Columns?)?

    /// The columns for `segment`: learnt from the table's heading row (its first row, or
    /// the first of its top rows that names a name or secret column), applied to the rows
    /// after it.
    mutating func columns(for segment: TextSegment) -> Columns {
        guard segment.role == .tableRow, let number = segment.table, let row = segment.row else { return Columns() }
        let place = Self.tablePlace(of: segment.location)
        if row == 0 || table?.table != number || table?.place != place {
            table = (place, number, nil)
        }
        if let columns = table?.columns { return columns }
        if row < Self.headingRowSearchDepth {
            let columns = Self.headings(in: segment.text)
            if !columns.isEmpty { table?.columns = columns }
        }
        return Columns()
    }

    /// The name and secret columns a heading row names: read as bytes when the row is
    /// ASCII (`asciiHeadings`), else cell by cell as Characters (`characterHeadings`).
    static func headings(in text: String) -> Columns {
        var text = text
        if let columns = text.withUTF8({ asciiHeadings(in: $0) }) { return columns }
        return characterHeadings(in: text)
    }

    /// `headings(in:)` read as Characters: each cell trimmed and keyed by `MISColumn.key`.
    static func characterHeadings(in text: String) -> Columns {
        var columns = Columns()
        for (position, cell) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            let key = MISColumn.key(String(cell).trimmingSpaces)
            if nameHeadings.contains(key) { columns.names.insert(position) }
            if secretHeadings.contains(key) { columns.secrets[position] = false }
            if ambiguousSecretHeadings.contains(key) { columns.secrets[position] = true }
        }
        return columns
    }

    /// Where a row's table sits: its location without the row number that CSV and
    /// spreadsheet rows carry in their detail ("row 3", "Sheet1!row 3", "Pupils row 3"),
    /// so the header row and the rows under it compare equal.
    static func tablePlace(of location: TextLocation) -> TextLocation {
        guard let detail = location.detail else { return location }
        if let place = asciiTablePlace(of: location, detail: detail) { return place }
        let digits = detail.reversed().prefix(while: \.isASCIIDigitCharacter).count
        let withoutNumber = detail.dropLast(digits)
        guard digits > 0, withoutNumber.hasSuffix("row ") else { return location }
        var place = location
        let before = withoutNumber.dropLast(4)
        place.detail = before.isEmpty ? nil : String(before)
        return place
    }

    /// `tablePlace(of:)` for an ASCII detail (every row of a CSV: "row 12"), read as
    /// bytes, where a byte is a character; nil for any other detail.
    private static func asciiTablePlace(of location: TextLocation, detail: String) -> TextLocation? {
        var detail = detail
        return detail.withUTF8 { bytes -> TextLocation? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0, bytes[end - 1] >= 48, bytes[end - 1] <= 57 { end -= 1 }
            let suffix: [UInt8] = [114, 111, 119, 32]  // "row "
            guard end < bytes.count, end >= suffix.count,
                  bytes[(end - suffix.count)..<end].elementsEqual(suffix) else { return location }
            var place = location
            let before = end - suffix.count
            place.detail = before == 0 ? nil : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<before]), as: UTF8.self)
            return place
        }
    }
}
