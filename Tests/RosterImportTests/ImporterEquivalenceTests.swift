import ChaperoneModel
import Detectors
import Foundation
@testable import RosterImport
import SeededRandom
import Testing

/// The byte importer (cells written straight into the tables) gives exactly what
/// 4482ab0's String importer gave (`Reference/ReferenceImporter.swift`): the same pupils,
/// contacts and problems, in the same order, and the same lookups, on generated rosters
/// full of what real exports carry and what they should not: non-ASCII names, no-break
/// spaces, BOMs and combining marks at the edges, CR LF inside quoted cells, address
/// lists, duplicate and malformed UPNs, siblings sharing parents, short rows, and fields
/// cut mid-character by `roster_max_field_bytes`. Rosters are made from a fixed seed.
@Suite struct ImporterEquivalenceTests {
    static func upn(_ index: Int) -> String {
        let body = "80120000" + String(10_000 + index).suffix(4)
        return String(UniquePupilNumber.checkLetter(forBody: body) ?? "A") + body
    }

    static let names = ["Smith", " Zoë ", "\u{00A0}Ngọc Ánh\u{00A0}", "e\u{301}mile", "O'Neill", "李娜", "\u{FEFF}Brook",
                        "", " ", "Dvořák", "\u{212A}elvin", "Ünal", "a\u{037E}b", "Anne-Marie", "  \u{301}x", "Ørsted",
                        "Zoe\u{301}", "İpek", "Straße"]
    static let dates = ["14/03/2012", "4/3/12", "2012-03-14", "31/02/2012", "yesterday", "", "１４/03/2012",
                        "14.03.2012 00:00", "2012-03-14T08:00:00", "03/14/2012"]
    static let emails = ["Jo.Smith@School.Example", "jo@x.org; J2@Y.com", "a@x.org,b@y.org c@z.org", "Ü@例え.jp", " ",
                         "\u{00A0}x@y.org", "\u{212A}@x.org", "k@x.org", "", "dup@parents.example", "DUP@Parents.Example",
                         "a@x.org;\u{301}b@y.org", "ÉLISE@EXAMPLE.FR"]
    static let addresses = ["12 High St, Leeds", "Flat 1\r\n2 Road", "a\nb\rc", "Rue de l’Église, Paris", "", "  ,  ",
                            "1 Lane,\u{00A0}Otley", "x\r\r\ny"]
    static let phones = ["07700 900123", "", "+44 7700 900999", "\u{00A0}07700 900001"]
    static let answers = ["Yes", "No", "Y", "perhaps", "", "NO", "tRuE", "ja", "F", "yes\u{0}", "ＹＥＳ"]
    static let restrictions = ["None", "Court order", "Y", "", "n/a", "No restrictions", "Prohibited steps order"]
    static let consents = ["Yes - 01/09/2025", "Refused", "maybe", "", "Not asked", "1", "Granted (2025-09-03)"]

    static let columns: [(heading: String, values: @Sendable (inout SplitMix64) -> String)] = [
        ("UPN", { rng in
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: "X123"
            case 1: ""
            case 2: " " + upn(Int.random(in: 0..<40, using: &rng)).lowercased() + " "
            case 3: upn(Int.random(in: 0..<40, using: &rng)).lowercased().replacingOccurrences(" ", every: 4)
            default: upn(Int.random(in: 0..<40, using: &rng))
            }
        }),
        ("ULN", { rng in ["9276308686", "1234567890", "", " 92763 08686 ", "92763０8686"].randomElement(using: &rng)! }),
        ("Legal Surname", { rng in names.randomElement(using: &rng)! }),
        ("Legal Forename", { rng in names.randomElement(using: &rng)! }),
        ("Preferred Forename", { rng in Bool.random(using: &rng) ? "" : names.randomElement(using: &rng)! }),
        ("Middle Names", { rng in Bool.random(using: &rng) ? "" : names.randomElement(using: &rng)! }),
        ("DOB", { rng in dates.randomElement(using: &rng)! }),
        ("Year", { rng in ["9", " 10", "", "R"].randomElement(using: &rng)! }),
        ("Reg Group", { rng in ["9A", "7Ω", ""].randomElement(using: &rng)! }),
        ("Pupil Email", { rng in emails.randomElement(using: &rng)! }),
        ("Personal Email", { rng in emails.randomElement(using: &rng)! }),
        ("Address", { rng in addresses.randomElement(using: &rng)! }),
        ("Address Line 2", { rng in addresses.randomElement(using: &rng)! }),
        ("Address Line 1", { rng in addresses.randomElement(using: &rng)! }),
        ("Postcode", { rng in ["ls17 5dl", "LS17 5DL", "", "straße 1"].randomElement(using: &rng)! }),
        ("SEN Status", { rng in ["E", "K", ""].randomElement(using: &rng)! }),
        ("FSM", { rng in answers.randomElement(using: &rng)! }),
        ("Photo Consent", { rng in consents.randomElement(using: &rng)! }),
        ("Website Photo Permission", { rng in consents.randomElement(using: &rng)! }),
        ("Contact 1 Forename", { rng in ["Agnès", "Paul", "", "Håkon"].randomElement(using: &rng)! }),
        ("Contact 1 Surname", { rng in ["Varley", "O’Neill", ""].randomElement(using: &rng)! }),
        ("Contact 1 Email", { rng in emails.randomElement(using: &rng)! }),
        ("Contact 1 Mobile", { rng in phones.randomElement(using: &rng)! }),
        ("Contact 1 Relationship", { rng in ["Mother", "", "Carer"].randomElement(using: &rng)! }),
        ("Contact 1 Parental Responsibility", { rng in answers.randomElement(using: &rng)! }),
        ("Contact 1 Court Order", { rng in restrictions.randomElement(using: &rng)! }),
        ("Contact 2 Name", { rng in ["Dean Marsh", "", "AGNÈS VARLEY", "Agnès Varley"].randomElement(using: &rng)! }),
        ("Contact 2 Email", { rng in emails.randomElement(using: &rng)! }),
        ("Contact 2 Phone", { rng in phones.randomElement(using: &rng)! }),
        ("Contact 2 Parental Responsibility", { rng in answers.randomElement(using: &rng)! }),
        ("Contact 2 No Contact", { rng in restrictions.randomElement(using: &rng)! }),
        ("Gender", { rng in ["F", "M", ""].randomElement(using: &rng)! }),
        ("Trip Consent", { rng in consents.randomElement(using: &rng)! }),
    ]

    static func quoted(_ value: String) -> String {
        // By bytes: CR LF is one Character, equal to neither "\r" nor "\n".
        guard value.utf8.contains(where: { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A roster CSV of `rows` rows over a random choice of the columns.
    /// With `shortNames`, the name columns are headed `Surname` and `Forename`, so that
    /// a header cut at 8 bytes still has them.
    static func csv(_ rng: inout SplitMix64, rows: Int, shortNames: Bool = false) -> String {
        let chosen = columns.indices.filter { index in index == 2 || index == 3 || Int.random(in: 0..<3, using: &rng) > 0 }
        let headings = chosen.map { shortNames && $0 == 2 ? "Surname" : shortNames && $0 == 3 ? "Forename" : columns[$0].heading }
        var text = headings.joined(separator: ",") + "\r\n"
        for _ in 0..<rows {
            var cells = chosen.map { columns[$0].values(&rng) }
            if Int.random(in: 0..<12, using: &rng) == 0 { cells.removeLast(Int.random(in: 0..<cells.count, using: &rng)) }
            if Int.random(in: 0..<12, using: &rng) == 0 { cells.append("extra") }
            text += cells.map(quoted).joined(separator: ",") + (Bool.random(using: &rng) ? "\r\n" : "\n")
        }
        return text
    }

    /// What 4482ab0's importer made of `sources` (CSV and CTF files).
    static func reference(_ sources: [RosterSource], limits: RosterImportLimits)
        -> (students: [Student], contacts: [Contact], problems: [RosterProblem]) {
        var assembler = ReferenceAssembler()
        var problems: [RosterProblem] = []
        for source in sources {
            var fileProblems: [RosterProblem] = []
            let records: [PupilRecord]
            switch RosterFormat.sniff(source.bytes) {
            case .ctf: records = CTFReader(file: source.name, bytes: source.bytes, limits: limits).read(into: &fileProblems)
            case .csv:
                let table = RosterImporter.csvTable(source, limits: limits, problems: &fileProblems)
                records = ReferenceCSVReader(file: source.name, table: table).records()
            }
            let before = assembler.problems.count
            for record in records { assembler.add(record) }
            fileProblems += assembler.problems[before...]
            problems += fileProblems
        }
        return (assembler.students, assembler.contacts, problems)
    }

    static func expectSame(_ sources: [RosterSource], limits: RosterImportLimits = RosterImportLimits(),
                           sourceLocation: SourceLocation = #_sourceLocation) {
        var unlimited = limits
        unlimited.maxProblemsPerFile = .max
        let result = RosterImporter.importFiles(sources, staff: nil, limits: unlimited)
        let expected = reference(sources, limits: unlimited)
        let roster = result.roster
        #expect(!expected.students.isEmpty, sourceLocation: sourceLocation)
        #expect(Array(roster.students) == expected.students, sourceLocation: sourceLocation)
        #expect(Array(roster.contacts) == expected.contacts, sourceLocation: sourceLocation)
        #expect(result.problems.filter { $0.severity != .fatal } == expected.problems, sourceLocation: sourceLocation)
        // The lookups, against dictionaries built as 4482ab0's `Roster` built them.
        var keyPosition: [String: Int] = [:], pupilsByEmail: [String: [Int]] = [:], contactsByEmail: [String: [Int]] = [:]
        for (position, student) in expected.students.enumerated() {
            if keyPosition[student.key] == nil { keyPosition[student.key] = position }
            for email in [student.schoolEmail].compactMap({ $0 }) + student.personalEmails {
                pupilsByEmail[email.lowercasedIfNeeded, default: []].append(position)
            }
        }
        for (position, contact) in expected.contacts.enumerated() {
            for email in contact.emails { contactsByEmail[email.lowercasedIfNeeded, default: []].append(position) }
        }
        for (key, position) in keyPosition {
            #expect(roster.studentPosition(forKey: key) == position, "\(key)", sourceLocation: sourceLocation)
        }
        for (address, positions) in pupilsByEmail {
            #expect(roster.pupilsByEmail.positions(of: address) == positions, "\(address)", sourceLocation: sourceLocation)
        }
        for (address, positions) in contactsByEmail {
            #expect(roster.contactsByEmail.positions(of: address) == positions, "\(address)", sourceLocation: sourceLocation)
        }
        #expect(roster.pupilsByEmail.count == pupilsByEmail.count && roster.contactsByEmail.count == contactsByEmail.count,
                sourceLocation: sourceLocation)
        for (position, contact) in expected.contacts.enumerated() {
            #expect(roster.contactPosition(forKey: contact.key) == position, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 0..<24)
    func generatedCSVRosterImportsAsTheStringImporterDid(seed: Int) {
        var rng = SplitMix64(state: UInt64(seed))
        let text = Self.csv(&rng, rows: 20 + seed * 3)
        Self.expectSame([RosterSource(name: seed % 3 == 0 ? "élèves.csv" : "pupils.csv", bytes: Array(text.utf8))])
    }

    @Test func twoFilesShareDuplicatesAndParents() {
        var rng = SplitMix64(state: 99)
        let first = Self.csv(&rng, rows: 60), second = Self.csv(&rng, rows: 60)
        Self.expectSame([RosterSource(name: "a.csv", bytes: Array(first.utf8)), RosterSource(name: "b.csv", bytes: Array(second.utf8))])
        // The same name twice: pupils without a UPN get the same keys in both files.
        Self.expectSame([RosterSource(name: "a.csv", bytes: Array(first.utf8)), RosterSource(name: "a.csv", bytes: Array(first.utf8))])
    }

    @Test(arguments: [8, 9, 10, 11, 13])
    func fieldsCutMidCharacterImportAsTheStringImporterDid(maxFieldBytes: Int) {
        var rng = SplitMix64(state: UInt64(1000 + maxFieldBytes))
        var limits = RosterImportLimits()
        limits.maxFieldBytes = maxFieldBytes
        Self.expectSame([RosterSource(name: "cut.csv", bytes: Array(Self.csv(&rng, rows: 80, shortNames: true).utf8))], limits: limits)
    }

    @Test func ctfRosterImportsAsTheStringImporterDid() {
        var rng = SplitMix64(state: 7)
        func escaped(_ value: String) -> String {
            value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile><CTFpupilData>\n"
        for _ in 0..<80 {
            let upn = Self.columns[0].values(&rng), surname = Self.names.randomElement(using: &rng)!
            let forename = Self.names.randomElement(using: &rng)!, dob = Self.dates.randomElement(using: &rng)!
            xml += "<Pupil><UPN>\(escaped(upn))</UPN><Surname>\(escaped(surname))</Surname><Forename>\(escaped(forename))</Forename>"
                + "<DOB>\(escaped(dob))</DOB><Email>\(escaped(Self.emails.randomElement(using: &rng)!))</Email><Contacts>"
            for _ in 0..<Int.random(in: 0..<3, using: &rng) {
                xml += "<Contact><Forename>\(["Agnès", "Paul", ""].randomElement(using: &rng)!)</Forename>"
                    + "<Surname>\(["Varley", "Marsh"].randomElement(using: &rng)!)</Surname>"
                    + "<Email>\(escaped(Self.emails.randomElement(using: &rng)!))</Email>"
                    + "<Phones><Phone><PhoneNo>\(Self.phones.randomElement(using: &rng)!)</PhoneNo></Phone></Phones>"
                    + "<Responsibility>\(Self.answers.randomElement(using: &rng)!.replacingOccurrences(of: "\u{0}", with: ""))</Responsibility>"
                    + "<CourtOrder>\(Self.restrictions.randomElement(using: &rng)!)</CourtOrder></Contact>"
            }
            xml += "</Contacts></Pupil>\n"
        }
        xml += "</CTFpupilData></CTfile>\n"
        Self.expectSame([RosterSource(name: "ctf.xml", bytes: Array(xml.utf8))])
    }
}

extension String {
    /// Inserts `separator` after every `count` characters.
    fileprivate func replacingOccurrences(_ separator: String, every count: Int) -> String {
        var result = ""
        for (index, character) in enumerated() {
            if index > 0, index % count == 0 { result += separator }
            result.append(character)
        }
        return result
    }
}
