import ChaperoneModel

/// A table laid out as one field per row ("Name | Amara Okafor", then "Date of birth |
/// 04/09/2012") is one record, not many: its rows are merged into a single `.tableRow`
/// segment (labels and values tab-separated, `row` nil so it is never taken for a header
/// row), so a date of birth, address or SEN term counts as in the same record as the
/// pupil, as cells of one row do. A table counts as key–value when every row has at most
/// two filled cells and at least two of its first cells (and half of them) are field
/// labels a school form uses, while its second cells mostly are not (which would make
/// it a header row over a list).
enum KeyValueTable {
    static let labels: Set<String> = [
        "name", "full name", "forename", "forenames", "first name", "surname", "last name", "legal surname",
        "preferred name", "pupil", "pupil name", "student", "student name", "child", "child's name", "learner",
        "date of birth", "dob", "d.o.b.", "d.o.b", "born", "birthday", "age", "gender", "sex",
        "address", "home address", "postcode", "post code", "upn", "uln", "nhs number", "nhs no", "nhs no.",
        "year", "year group", "form", "form group", "class", "reg group", "registration group", "tutor", "tutor group",
        "sen", "sen status", "send", "sen need", "sen needs", "primary need", "ehcp", "ehc plan", "needs", "need",
        "medical", "medical needs", "medical conditions", "medical notes", "medication", "diagnosis", "allergies",
        "health", "dietary needs", "fsm", "free school meals", "pupil premium", "ethnicity", "religion",
        "parent", "parent/carer", "parent / carer", "carer", "contact", "emergency contact", "phone", "telephone",
        "mobile", "email", "school", "previous school", "concern", "incident", "notes", "comments", "support",
    ]

    static func merge(_ segments: [TextSegment]) -> [TextSegment] {
        var groups: [String: [Int]] = [:]
        for (index, segment) in segments.enumerated() where segment.role == .tableRow && segment.table != nil {
            groups["\(segment.location.kind)|\(segment.location.name)|\(segment.location.partPath)|\(segment.table ?? 0)",
                   default: []].append(index)
        }
        var replaced: [Int: TextSegment] = [:]
        var dropped = Set<Int>()
        for indices in groups.values where indices.count >= 2 {
            let rows = indices.map { segments[$0].text.split(separator: "\t", omittingEmptySubsequences: false)
                .map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty } }
            guard isKeyValue(rows) else { continue }
            var record = segments[indices[0]]
            record.text = rows.map { $0.joined(separator: "\t") }.joined(separator: "\t")
            record.row = nil
            replaced[indices[0]] = record
            dropped.formUnion(indices.dropFirst())
        }
        guard !replaced.isEmpty else { return segments }
        return segments.indices.compactMap { dropped.contains($0) ? nil : replaced[$0] ?? segments[$0] }
    }

    static func isKeyValue(_ rows: [[String]]) -> Bool {
        guard rows.count >= 2, rows.allSatisfy({ $0.count <= 2 }) else { return false }
        let firstLabels = rows.filter { $0.first.map(isLabel) ?? false }.count
        let secondLabels = rows.filter { $0.count == 2 && isLabel($0[1]) }.count
        return firstLabels >= 2 && firstLabels * 2 >= rows.count && secondLabels * 2 < rows.count
    }

    static func isLabel(_ cell: String) -> Bool {
        var label = cell.lowercased()
        while let last = label.last, last == ":" || last == " " || last == "*" { label.removeLast() }
        return labels.contains(label)
    }
}
