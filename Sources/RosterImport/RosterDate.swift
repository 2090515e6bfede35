import ChaperoneModel

/// Reads dates of birth as MIS exports write them: `dd/mm/yyyy`, `d/m/yy`,
/// `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd` (CTF `xs:date`), optionally followed by a time.
enum RosterDate {
    static func parse(_ text: String) -> SchoolDate? {
        let datePart = text.split(separator: " ").first.map(String.init) ?? ""
        let datePortion = datePart.split(separator: "T").first.map(String.init) ?? ""
        let parts = datePortion.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return SchoolDate(year: a, month: b, day: c) }
        guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
        switch parts[2].count {
        case 4: return SchoolDate(year: c, month: b, day: a)
        case 2: return SchoolDate(year: c <= 40 ? 2000 + c : 1900 + c, month: b, day: a)
        default: return nil
        }
    }
}
