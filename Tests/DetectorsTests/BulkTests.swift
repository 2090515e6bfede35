import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct BulkTests {
    static func engine(threshold: Int, students: [Student]) -> DetectionEngine {
        var thresholds = Configuration.Thresholds()
        thresholds.bulkPupils = threshold
        return DetectionEngine(roster: Roster(students: students), thresholds: thresholds)
    }

    @Test func countsDistinctPupilsPerMessage() throws {
        let students = TestSchool.generated(12)
        let text = students.map { "\($0.legalForename) \($0.surname)." }.joined(separator: " ")
        let repeated = text + " " + text
        let findings = TestSchool.findings(repeated, engine: Self.engine(threshold: 10, students: students))
        let bulk = try #require(findings.first { $0.detector == .bulkPupilData })
        #expect(bulk.detail == "12")
        #expect(TestSchool.findings(repeated, engine: Self.engine(threshold: 13, students: students))
            .allSatisfy { $0.detector != .bulkPupilData })
    }

    @Test func countsPerAttachmentTableAndWholeMessage() {
        let students = TestSchool.generated(10)
        let engine = Self.engine(threshold: 5, students: students)
        var segments: [TextSegment] = []
        for (index, student) in students.enumerated() {
            let location = TextLocation.attachment(index < 5 ? "a.csv" : "b.csv", partPath: index < 5 ? "2" : "3")
            segments.append(TextSegment(location: location, role: .tableRow, text: "\(student.upn ?? "")\tx", table: 0, row: index % 5 + 1))
        }
        let bulk = engine.findings(in: MessageContent(segments: segments)).filter { $0.detector == .bulkPupilData }
        #expect(bulk.map(\.detail) == ["5", "5", "10"])
    }

    /// Rows of two attachments interleaved: each reference still counts in its own group
    /// (the counter remembers the last group, and must not mistake the other for it).
    @Test func interleavedAttachmentsCountApart() {
        let students = TestSchool.generated(10)
        let engine = Self.engine(threshold: 5, students: students)
        var segments: [TextSegment] = []
        for (index, student) in students.enumerated() {
            let location = TextLocation.attachment(index % 2 == 0 ? "a.csv" : "b.csv", partPath: index % 2 == 0 ? "2" : "3")
            segments.append(TextSegment(location: location, role: .tableRow, text: "\(student.upn ?? "")\tx", table: 0, row: index / 2 + 1))
        }
        let bulk = engine.findings(in: MessageContent(segments: segments)).filter { $0.detector == .bulkPupilData }
        #expect(bulk.map(\.detail) == ["5", "5", "10"])
        #expect(bulk.map(\.location.name) == ["a.csv", "b.csv", "a.csv"])
    }

    @Test func unknownValidUPNsCountToo() {
        let upns = ["B801200005001", "A201361424123", "D936100225431", "P207000016049"]
        let engine = Self.engine(threshold: 4, students: [])
        let findings = TestSchool.findings(upns.joined(separator: ", "), engine: engine)
        #expect(findings.contains { $0.detector == .bulkPupilData && $0.detail == "4" })
    }

    @Test(arguments: [
        ("UPN\tLegal Surname\tLegal Forename\tDOB\tReg Group", true),
        ("Surname\tForename\tContact 1 Email", true),
        ("Name\tEmail\tYear", false),
        ("Item\tPrice\tQuantity\tTotal", false),
    ])
    func misHeader(row: String, expected: Bool) {
        let findings = TestSchool.findings(row, role: .tableRow, row: 0)
        #expect(findings.contains { $0.detector == .misExport } == expected)
    }

    @Test func misHeaderOnlyOnTheFirstRow() {
        let findings = TestSchool.findings("UPN\tSurname\tForename\tDOB", role: .tableRow, row: 3)
        #expect(!findings.contains { $0.detector == .misExport })
    }
}
