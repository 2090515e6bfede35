import Testing
@testable import RosterImport

/// The byte-level CSV table: cells trimmed without Strings give exactly what trimming
/// the decoded String gives, including Unicode spaces, a BOM and combining marks at
/// the edges, and the limits are reported as before.
@Suite struct CSVTableTests {
    static func table(_ text: String, limits: RosterImportLimits = RosterImportLimits()) -> CSVTable {
        CSVTable(utf8: Array(text.utf8), limits: limits)
    }

    @Test(arguments: [
        "  Okafor ", "\tAmara\t", "\u{00A0}Okafor\u{00A0}", "\u{FEFF}UPN", " \u{0301}x ", "x\u{0301} ", "Zoë ", " ",
        "\u{2003}Grace\u{3000}", "O’Neill", "\u{0600} ", "a\r", "", "\u{85}line\u{2028}",
    ])
    func trimsLikeTheString(cell: String) {
        let table = Self.table("A,B\n\"\(cell)\",end\n")
        let row = table.rows[1]
        #expect(table.value(0, in: row) == cell.trimmingCharacters)
        #expect(table.hasValue(0, in: row) == !cell.trimmingCharacters.isEmpty)
        #expect(table.value(1, in: row) == "end" && table.value(2, in: row) == "" && !table.hasValue(5, in: row))
    }

    @Test func quotedFieldsKeepDelimitersQuotesAndLineBreaks() {
        let table = Self.table("Name;Note\r\n\"Okafor; Amara\";\"said \"\"hi\"\"\r\nthen left\"\r\n\r\nlast;row")
        #expect(table.rows.count == 3)
        #expect(table.fields(of: table.rows[0]) == ["Name", "Note"])
        #expect(table.value(0, in: table.rows[1]) == "Okafor; Amara")
        // Inside quotes the line break is kept as written (CR LF here).
        #expect(table.value(1, in: table.rows[1]) == "said \"hi\"\r\nthen left")
        #expect(table.rows[2].line == 5 && table.value(1, in: table.rows[2]) == "row")
    }

    @Test func limitsAreReportedAndApplied() {
        var limits = RosterImportLimits()
        limits.maxColumns = 2
        limits.maxFieldBytes = 4
        limits.maxRows = 2
        let table = Self.table("a,b,c\nlonger,x\nr3,y\nr4,z\n", limits: limits)
        #expect(table.rows.count == 2 && table.fieldCount(of: table.rows[0]) == 2)
        #expect(table.value(0, in: table.rows[1]) == "long")
        let reasons = table.notes.map(\.reason)
        #expect(reasons.contains { $0.contains("roster_max_columns") })
        #expect(reasons.contains { $0.contains("roster_max_field_bytes") })
        #expect(reasons.contains { $0.contains("roster_max_rows") })
    }

    @Test func unclosedQuoteReadsToTheEnd() {
        let table = Self.table("A,B\n\"open,never closed\nstill inside")
        #expect(table.rows.count == 2 && table.value(0, in: table.rows[1]) == "open,never closed\nstill inside")
        #expect(table.notes.contains { $0.reason.contains("never closed") })
    }
}
