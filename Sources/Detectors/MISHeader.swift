import ChaperoneModel

/// Recognises a table's header row as an MIS export: at least three recognised MIS
/// headings, one of them a pupil-specific one (UPN, ULN, names, DOB, admission number,
/// SEN, FSM, registration group, or a contact block), so "Name / Email / Year" alone is
/// not enough. Such a table is bulk pupil data even when its pupils are not ours.
enum MISHeader {
    static let minimumColumns = 3
    static let pupilSpecific: Set<MISColumn> = [
        .upn, .uln, .surname, .forename, .preferredForename, .preferredSurname, .dateOfBirth,
        .admissionNumber, .senStatus, .freeSchoolMeals, .regGroup, .middleNames, .ethnicity,
    ]

    /// Headings recognised in a tab-separated header row.
    static func recognisedColumns(in row: String) -> [String] {
        var found: [String] = []
        var hasPupilSpecific = false
        var seen = Set<String>()
        for cell in row.split(separator: "\t", omittingEmptySubsequences: true) {
            let heading = String(cell).trimmingSpaces
            let name: String?
            if let column = MISColumn.column(forHeading: heading) {
                name = column.rawValue
                hasPupilSpecific = hasPupilSpecific || pupilSpecific.contains(column)
            } else if let block = ContactHeading(heading) {
                name = "contact \(block.field.rawValue)"
                hasPupilSpecific = true
            } else if AddressHeading.lineNumber(heading) != nil {
                name = "address"
            } else {
                name = nil
            }
            if let name, seen.insert(name).inserted { found.append(name) }
        }
        return found.count >= minimumColumns && hasPupilSpecific ? found : []
    }

    static func finding(for segment: TextSegment) -> Finding? {
        let columns = recognisedColumns(in: segment.text)
        guard !columns.isEmpty else { return nil }
        return Finding(detector: .misExport, location: segment.location,
                       evidence: "header: " + columns.joined(separator: ", "),
                       confidence: min(1, 0.6 + 0.1 * Double(columns.count)), detail: "\(columns.count) MIS columns")
    }
}

extension String {
    /// Without leading and trailing spaces, tabs, quotes and line breaks.
    var trimmingSpaces: String {
        let drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" }
        guard let first = firstIndex(where: { !drop($0) }), let last = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[first...last])
    }
}
