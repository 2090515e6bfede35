import ChaperoneModel
import Testing
@testable import Detectors

/// A file name that names a pupil is redacted like evidence wherever a location or a
/// problem carries it; other names stay as sent (pupils invented).
@Suite struct LocationRedactionTests {
    static let filename = "Zoë Okafor-Brennan - CIN plan minutes.docx"
    static let redacted = "Z** O*****-B****** - C** p*** m******.docx"

    @Test func filenameRedactionKeepsShapeAndExtension() {
        #expect(Redaction.filename(Self.filename) == Self.redacted)
        #expect(Redaction.filename("reports/B801200005001 2012-03-14.pdf") == "r******/B************ ****-**-**.pdf")
        #expect(Redaction.filename("no extension") == "n* e********")
        #expect(Redaction.filename(".hidden") == ".h*****")
    }

    @Test func identifyingAttachmentNameIsRedactedInEveryFindingAndProblem() {
        let content = MessageContent(
            segments: [
                TextSegment(location: TextLocation(kind: .attachmentName, name: Self.filename, partPath: "2"),
                            role: .filename, text: Self.filename),
                TextSegment(location: .attachment(Self.filename, partPath: "2"), text: "Ali Rahman was at the meeting."),
                TextSegment(location: TextLocation(kind: .attachmentName, name: "Year 7 trip letter.docx", partPath: "3"),
                            role: .filename, text: "Year 7 trip letter.docx"),
            ],
            attachments: [AttachmentInfo(filename: Self.filename, contentType: "application/octet-stream", partPath: "2", size: 10)],
            problems: [
                ScanProblem(kind: .undecodable, location: "attachment:\(Self.filename)", message: "The document's XML could not be parsed."),
                ScanProblem(kind: .repaired, location: "attachment:Year 7 trip letter.docx", message: "repaired"),
            ])
        let detection = TestSchool.engine.detect(in: content)
        #expect(detection.findings.contains { $0.detector == .pupilName && $0.location.kind == .attachmentName })
        #expect(detection.findings.contains { $0.detector == .unscannableContent })
        for finding in detection.findings {
            #expect(!finding.location.description.contains("Okafor"), "\(finding)")
            #expect(!finding.evidence.contains("Okafor"))
        }
        #expect(detection.findings.contains { $0.location == .attachment(Self.redacted, partPath: "2") })
        #expect(detection.problems.map(\.location) == ["attachment:\(Self.redacted)", "attachment:Year 7 trip letter.docx"])
    }

    @Test func archiveMemberNamesAreRedactedInDetails() {
        let member = "reports/Jonah Pemberton.txt"
        let content = MessageContent(segments: [
            TextSegment(location: TextLocation(kind: .attachmentName, name: member, partPath: "2", detail: "in reports.zip"),
                        role: .filename, text: member),
            TextSegment(location: .attachment("reports.zip", partPath: "2", detail: member), text: "UPN B801200005001"),
        ])
        let findings = TestSchool.engine.findings(in: content)
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { !$0.location.description.contains("Pemberton") })
        #expect(findings.contains { $0.location == .attachment("reports.zip", partPath: "2", detail: "r******/J**** P********.txt") })
    }
}
