import ChaperoneModel
import Testing
@testable import Detectors

/// The cap is asked before a finding is made, so a finding past it is only counted and
/// its evidence never built. That must list exactly what capping the full list after
/// the fact lists, count exactly the rest, and leave the lookups it speeds up (keyword
/// tables, name redaction) answering as before.
@Suite struct FindingAdmissionTests {
    /// Class lists of the test roster in prose and in table rows, many times over: every
    /// detector well past a small cap.
    static let content: MessageContent = {
        let students = TestSchool.generated(30) + TestSchool.students
        var segments: [TextSegment] = []
        for round in 0..<6 {
            for (row, student) in students.enumerated() {
                let text = "\(student.upn ?? "")\t\(student.legalForename) \(student.surname)\t14/03/2012\tmedical needs"
                segments.append(TextSegment(location: .attachment("list\(round).csv", partPath: "2"), role: .tableRow,
                                            text: text, table: 0, row: row + 1))
            }
            segments.append(TextSegment(location: .body("1"), text: "Jonah Pemberton (UPN B801200005001) lives at 17 Larchfield Road, LS17 7PX; "
                + "call 07700 900461, snap: jo_smith12, password: Kestrel33! and email helen.pemberton@hotmail.co.uk."))
        }
        return MessageContent(segments: segments)
    }()

    static func engine(cap: Int) -> DetectionEngine {
        DetectionEngine(roster: Roster(students: TestSchool.generated(30) + TestSchool.students, contacts: TestSchool.contacts),
                        thresholds: .init(), maxFindingsPerDetector: cap)
    }

    @Test(arguments: [1, 3, 10])
    func admittingBeforeBuildingKeepsWhatCappingAfterwardsKeeps(cap: Int) {
        let uncapped = Self.engine(cap: 1_000_000).detect(in: Self.content)
        #expect(uncapped.omitted.isEmpty)
        // Cap the full list after the fact, the way the cap worked before it was asked first.
        var afterwards = FindingCap(examples: cap, minimumConfidence: Configuration.Thresholds().minimumConfidence)
        let expected = uncapped.findings.filter {
            afterwards.admit($0.detector, pupil: $0.pupil, confidence: $0.confidence, location: $0.location)
        }
        let capped = Self.engine(cap: cap).detect(in: Self.content)
        #expect(capped.findings == expected)
        #expect(capped.omitted == afterwards.omittedInOrder)
        #expect(capped.findings.count + capped.omitted.map(\.count).reduce(0, +) == uncapped.findings.count)
        #expect(!capped.omitted.isEmpty, "nothing went past a cap of \(cap), so nothing was tested")
    }

    @Test func aFilenameThatNamesAPupilIsRedactedEvenWhenItsFindingIsOnlyCounted() {
        // The body's name findings fill a cap of one; the filename's own finding is then
        // only counted, but the name still names a pupil and must be redacted everywhere.
        var segments = [TextSegment(location: .body("1"), text: "Summer Brook and Rose Hill and Will Parker")]
        let file = TextLocation(kind: .attachmentName, name: "Summer Brook report.txt", partPath: "2")
        segments.append(TextSegment(location: file, role: .filename, text: "Summer Brook report.txt"))
        segments.append(TextSegment(location: .attachment("Summer Brook report.txt", partPath: "2"), text: "Summer Brook"))
        let detection = Self.engine(cap: 1).detect(in: MessageContent(segments: segments))
        let locations = detection.findings.map(\.location.name) + detection.omitted.map(\.firstLocation.name)
        #expect(!locations.contains { $0.contains("Summer") })
    }

    @Test func keywordTablesMatchWholeTokensIgnoringCase() {
        let table = KeywordTable([("march", 3), ("mar", 3), ("may", 5), ("sept", 9), ("september", 9)])
        func value(_ word: String) -> Int? {
            let bytes = Array(("x " + word + " y").utf8)
            return table.value(bytes, 2..<(2 + word.utf8.count))
        }
        #expect(value("March") == 3)
        #expect(value("MAR") == 3)
        #expect(value("may") == 5)
        #expect(value("Sept") == 9)
        #expect(value("SEPTEMBER") == 9)
        #expect(value("marc") == nil)
        #expect(value("mars") == nil)
        #expect(value("ma") == nil)
        #expect(value("septembers") == nil)
        #expect(value("Über") == nil)
        #expect(table.value(Array("may".utf8), 0..<0) == nil)
    }

    @Test func nameRedactionIsTheSameByByteAsByCharacter() {
        #expect(Redaction.name("John Smith-Jones") == "J*** S****-J****")
        #expect(Redaction.name("O'Neill\tAmara") == "O'N**** A****")
        #expect(Redaction.name("SMITH, Amy 7C") == "S****, A** 7C")
        // A line break is one Character (and one space) whether written LF or CR LF.
        #expect(Redaction.name("Amy\nSmith") == "A** S****")
        #expect(Redaction.name("Amy\r\nSmith") == "A** S****")
        // Accented letters and combining marks are letters of the word they are in.
        #expect(Redaction.name("Zoë Okafor") == "Z** O*****")
        #expect(Redaction.name("Zoe\u{301} Okafor") == "Z** O*****")
        #expect(Redaction.name("") == "")
    }

    @Test func identifierRedactionIsTheSameByByteAsByCharacter() {
        #expect(Redaction.identifier("A801200005001") == "A8012…1")
        #expect(Redaction.identifier("943 476 5870") == "9434…0")
        #expect(Redaction.identifier("AB 12-34\t56 C") == "AB1…C")
        #expect(Redaction.identifier("AB\r\n123456C") == "AB1…C")
        #expect(Redaction.identifier("12 3") == "***")
        #expect(Redaction.identifier("Ａ801200005001") == "Ａ8012…1")
    }
}
