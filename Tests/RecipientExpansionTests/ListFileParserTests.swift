import RecipientExpansion
import Testing

/// The list file: aliases(5) shape, continuation lines, comments, and every malformed
/// entry an error with its line.
@Suite struct ListFileParserTests {
    func parse(_ text: String) throws(ExpansionError) -> AliasTable {
        try ListFileParser.parse(Array(text.utf8), file: "lists.txt")
    }

    @Test func entriesWithColonsSpacesContinuationsAndComments() throws {
        let table = try parse("""
            # governors, kept on the cloud mail
            Governors@School.example: chair@school.example, <J.Doe@Gmail.com>
              treasurer@school.example
            year9@school.example tutor1@school.example tutor2@school.example\r

            """)
        #expect(table.entries == [
            "governors@school.example": ["chair@school.example", "j.doe@gmail.com", "treasurer@school.example"],
            "year9@school.example": ["tutor1@school.example", "tutor2@school.example"],
        ])
    }

    @Test func malformedEntriesSayWhereAndHowToFix() {
        #expect(throws: ExpansionError.listFile(file: "lists.txt", line: 1, reason: "a continuation line (starting with a space) comes before any list")) {
            try parse("  orphan@school.example\n")
        }
        #expect(throws: ExpansionError.listFile(file: "lists.txt", line: 2, reason: "'governors' is not a list address: write list@domain: member, member")) {
            try parse("# lists\ngovernors: a@b.example\n")
        }
        #expect(throws: ExpansionError.listFile(file: "lists.txt", line: 1, reason: "'bob' is not an email address: write members as name@domain")) {
            try parse("l@school.example: bob\n")
        }
        #expect(throws: ExpansionError.self) { try parse("l@school.example: a@x.example\nL@school.example: b@x.example\n") }
    }

    @Test func hostileInputIsBoundedAndNeverCrashes() {
        #expect(throws: ExpansionError.self) {
            try ListFileParser.parse([UInt8](repeating: 65, count: 2049), file: "big", maxBytes: 2048)
        }
        for text in ["\u{0}\u{0}:", ":::", "@:@", "a@b:", "\"unterminated@school.example: x@y.example", String(repeating: "a@b.c ", count: 10_000)] {
            _ = try? parse(text)
        }
        _ = try? ListFileParser.parse([0xFF, 0xFE, 0x0A, 0x20, 0xC3], file: "binary")
    }
}
