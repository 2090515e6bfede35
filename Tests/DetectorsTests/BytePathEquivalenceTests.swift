import ChaperoneModel
import Testing
@testable import Detectors

/// The byte paths that replaced per-segment String work must answer exactly as the
/// String code they stand in for: heading rows (`TableColumns.headings`), e-mail
/// redaction and `trimmingSpaces`. Each is held to a copy of the old code over hostile
/// rows and thousands of seeded random ones built from the bytes that matter (tabs,
/// quotes, CR, LF, CR LF, BOM, separators, capitals, non-ASCII letters).
@Suite struct BytePathEquivalenceTests {
    /// `trimmingSpaces` as it was before it searched by index.
    static func oldTrimmingSpaces(_ text: String) -> String {
        let drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\u{FEFF}" }
        return String(text.drop(while: drop).reversed().drop(while: drop).reversed())
    }

    /// `TableColumns.headings(in:)` as it was: every row read by Character.
    static func oldHeadings(_ text: String) -> TableColumns.Columns {
        var columns = TableColumns.Columns()
        for (position, cell) in text.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
            let key = MISColumn.key(oldTrimmingSpaces(String(cell)))
            if TableColumns.nameHeadings.contains(key) { columns.names.insert(position) }
            if TableColumns.secretHeadings.contains(key) { columns.secrets[position] = false }
            if TableColumns.ambiguousSecretHeadings.contains(key) { columns.secrets[position] = true }
        }
        return columns
    }

    /// `Redaction.email` as it was.
    static func oldEmail(_ value: String) -> String {
        guard value.contains("@") else { return Redaction.name(value) }
        return AddressRedaction.email(value)
    }

    /// A seeded generator (the same rows every run).
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
    }

    static let pieces = [
        "Name", "NAME", "name", "Pupil Name", "pupil_name", "Full-Name", "Legal.Name", "Password", "PASS", "Pass",
        "pw", "PIN", "Pin Code", "Login Code", "code", "Temporary Password", "initialpassword", "Year", "Email",
        "\t", "\t", "\t", " ", "  ", "\"", "\r", "\n", "\r\n", "\n\r", "\u{FEFF}", "_", ".", "-", "é", "Nàme",
        "Ｎame", "n\u{301}ame", "x", "\"Name\"", "\r\nName", "Name\r\n", "Name\r", "\nName", "\u{0}", "ß",
    ]

    static let hostileRows = [
        "", "\t", "\t\t", "Name", " Name \t Password ", "\"Name\"\t\"PIN\"", "Name\r\n\tPIN", "Name\r\tPIN\n",
        "\r\n", "\r\nName\r\n\tPass\r\n", "N a m e\tP-I-N\tp.w", "Name\u{FEFF}\tPIN", "\u{FEFF}Name\tPass",
        "Pupil\tPupils\tStudent Name\tLogin_Code\tpassphrase", "temporarypasswordx\ttemporarypassword",
        String(repeating: "Name\t", count: 300), String(repeating: "x", count: 5_000) + "\tName",
        "Name\t\t\t\tPassword\t", "Ñame\tPIN", "Name\tPÍN", "name\r\r\n", "\n\nname\r\r", "\"\r\n\"name",
    ]

    @Test func hostileHeadingRowsGiveTheOldColumns() {
        for row in Self.hostileRows {
            #expect(TableColumns.headings(in: row) == Self.oldHeadings(row), "row \(row.debugDescription)")
        }
    }

    @Test func seededHeadingRowsGiveTheOldColumns() {
        var random = Seeded(state: 7)
        var differences = 0
        var withColumns = 0
        for _ in 0..<6_000 {
            let row = (0..<random.next(14)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            let expected = Self.oldHeadings(row)
            if !expected.isEmpty { withColumns += 1 }
            if TableColumns.headings(in: row) != expected { differences += 1 }
        }
        #expect(differences == 0)
        #expect(withColumns > 500, "the generated rows must name columns often enough to test them")
    }

    @Test func trimmingSpacesTrimsAsBefore() {
        var random = Seeded(state: 11)
        for row in Self.hostileRows { #expect(row.trimmingSpaces == Self.oldTrimmingSpaces(row)) }
        for _ in 0..<4_000 {
            let text = (0..<random.next(8)).map { _ in Self.pieces[random.next(Self.pieces.count)] }.joined()
            #expect(text.trimmingSpaces == Self.oldTrimmingSpaces(text), "\(text.debugDescription)")
        }
    }

    @Test func emailRedactionIsAsBefore() {
        let fixed = [
            "jo.smith@gmail.com", "A.Collins438@Pupils.Oakfield.SCH.example", "@example.com", "a@b", "a@@b.com",
            "x@y@Z.COM", "plain", "", "José@example.com", "jo@ex\u{301}ample.com", "jo\r@example.com", "\r\n@a.com",
            "J@EXAMPLE.COM", "é", "@", "a@", "ß@straße.de",
        ]
        for value in fixed { #expect(Redaction.email(value) == Self.oldEmail(value), "\(value.debugDescription)") }
        let parts = ["a", "B", "@", ".", "-", "_", "é", "\r", "\n", "Z9", "@X", "+", "'"]
        var random = Seeded(state: 3)
        for _ in 0..<3_000 {
            let value = (0..<random.next(10)).map { _ in parts[random.next(parts.count)] }.joined()
            #expect(Redaction.email(value) == Self.oldEmail(value), "\(value.debugDescription)")
        }
    }

    @Test func linkHostsAreFoundByBytesAsByString() {
        // Every host, in three casings, and near misses.
        for (host, platform) in SocialMediaScanner.linkHosts {
            for form in [host, host.uppercased(), host.prefix(1).uppercased() + host.dropFirst()] {
                let bytes = Array(form.utf8)
                #expect(SocialMediaScanner.linkHostTable.value(bytes, 0..<bytes.count) == platform)
            }
            let longer = Array((host + "x").utf8), shorter = Array(host.dropLast().utf8)
            #expect(SocialMediaScanner.linkHostTable.value(longer, 0..<longer.count) == SocialMediaScanner.linkHosts[host + "x"])
            #expect(SocialMediaScanner.linkHostTable.value(shorter, 0..<shorter.count)
                    == SocialMediaScanner.linkHosts[String(host.dropLast())])
        }
    }

    @Test func headingTablesShareNoHeading() {
        #expect(TableColumns.nameHeadings.isDisjoint(with: TableColumns.secretHeadings))
        #expect(TableColumns.nameHeadings.isDisjoint(with: TableColumns.ambiguousSecretHeadings))
        #expect(TableColumns.secretHeadings.isDisjoint(with: TableColumns.ambiguousSecretHeadings))
    }
}

/// The ASCII path of `NormalisedText(utf8:tokens:)` against the general path (`NormalisedText(_:)`
/// reads every text byte by byte), and the numeric-date gaps read in place against dates
/// written with every separator and gap.
@Suite struct NormalisedASCIIEquivalenceTests {
    /// Also that the tokens found in the same pass are `RawToken.tokens(in:)`'s.
    static func check(_ text: String) -> Bool {
        var tokens: [RawToken] = []
        let fast = NormalisedText(utf8: Array(text.utf8), tokens: &tokens), general = NormalisedText(text)
        guard tokens == RawToken.tokens(in: Array(text.utf8)) else { return false }
        guard fast.bytes == general.bytes, fast.rawOffsets == general.rawOffsets else { return false }
        let count = fast.bytes.count
        return (0...count).allSatisfy { fast.rawRange($0, count) == general.rawRange($0, count) && fast.rawRange(0, $0) == general.rawRange(0, $0) }
    }

    @Test func asciiTextNormalisesAsTheGeneralPath() {
        let fixed = ["", " ", "   ", "a", "A", "Zz09", " lead", "trail ", "trail... ", "--a--b--", "\t\r\n", "O'Neill-Smith,\n\tX!!",
                     String(repeating: "Ab1 ", count: 500), "\u{0}\u{7F}A\u{1B}b"]
        for text in fixed { #expect(Self.check(text), "\(text.debugDescription)") }
        var state: UInt64 = 5
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33) & 0x7F)
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(Self.check(String(decoding: bytes, as: UTF8.self)))
        }
    }

    @Test func numericDatesNeedOneSeparatorTwice() {
        func dates(_ text: String) -> [Range<Int>] {
            let bytes = Array(text.utf8)
            return DateScanner(bytes: bytes, tokens: RawToken.tokens(in: bytes)).scan().map(\.range)
        }
        #expect(dates("03/04/2012") == [0..<10])
        #expect(dates("3-4-12") == [0..<6])
        #expect(dates("2012.04.03") == [0..<10])
        #expect(dates("03/04-2012").isEmpty)
        #expect(dates("03//04//2012").isEmpty)
        #expect(dates("03 04 2012").isEmpty)
        #expect(dates("03:04:2012").isEmpty)
        #expect(dates("x 03/04/2012") == [2..<12])
        #expect(dates("3  March  2012") == [0..<14])
        #expect(dates("3   March 2012").isEmpty)
        #expect(dates("3 March, 2012") == [0..<13])
        #expect(dates("March 3, 2012") == [0..<13])
        #expect(dates("March 3,   2012").isEmpty)
    }
}
