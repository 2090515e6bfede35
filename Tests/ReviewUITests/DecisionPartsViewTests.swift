import ChaperoneModel
import Foundation
@testable import ReviewUI
import Testing

/// The decision page's parts table: every body and attachment with what the scan did
/// with it, its findings and its problems; problems tied to no part after them; and,
/// for a decision recorded before part lists, the parts its findings and problems name.
@Suite struct DecisionPartsViewTests {
    private static let finding = Finding(
        detector: .upn, location: .attachment("marks.xlsx", partPath: "3", detail: "Sheet1!row 3"), evidence: "A1234…Z",
        confidence: 0.99, sections: [.confidentiality])

    @Test func everyPartIsARowWithItsHandlingFindingsAndProblems() {
        let report = ScanReport(
            action: .quarantine, sections: [.confidentiality], findings: [Self.finding],
            problems: [
                ScanProblem(kind: .unscannable, location: "attachment:report.pdf", message: "the PDF is encrypted"),
                ScanProblem(kind: .repaired, location: "message", message: "a bare LF line end was repaired"),
            ],
            parts: [
                MessagePart(path: "1", kind: .body, contentType: "text", size: 812, handling: .read),
                MessagePart(path: "2", kind: .attachment, contentType: "image/png", filename: "crest.png", size: 14_540, handling: .media),
                MessagePart(path: "3", kind: .attachment, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            filename: "marks.xlsx", size: 3 * 1024 * 1024, handling: .read),
                MessagePart(path: "4", kind: .attachment, contentType: "application/octet-stream", detectedType: "application/pdf",
                            filename: "report.pdf", size: 2_000, handling: .unscannable, unreadReason: "encrypted"),
            ])
        let rows = DecisionView.partRows(report)
        let text = rows.map { "\($0["place"] ?? "")|\($0["size"] ?? "")|\($0["findings"] ?? "")|\($0["handling"] ?? "")" }
        #expect(text == [
            "1 body text|812 B|0|read",
            "2 crest.png (image/png)|14.2 KiB|0|picture, sound or film: not read for text",
            "3 marks.xlsx (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)|3.0 MiB|1|read",
            "4 report.pdf (application/octet-stream, read as application/pdf)|2.0 KiB|0|not read: encrypted; the PDF is encrypted (not scanned)",
            "message||0|a bare LF line end was repaired",
        ], "\(text)")
    }

    @Test func aDecisionWithoutAPartListShowsThePartsItsFindingsName() {
        let report = ScanReport(action: .quarantine, sections: [.confidentiality], findings: [Self.finding])
        let rows = DecisionView.partRows(report)
        #expect(rows.count == 1)
        #expect(rows.first?["place"] as? String == "3 attachment:marks.xlsx#Sheet1!row 3")
        #expect(DecisionView.partRows(ScanReport(action: .accept)).isEmpty)
    }
}
