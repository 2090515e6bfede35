import ChaperoneModel
import Testing

/// Which problems policy treats as unscannable: every one that leaves content unread.
@Suite struct ScanProblemTests {
    @Test(arguments: [
        (ScanProblem.Kind.unscannable, true), (.limitHit, true), (.undecodable, true),
        (.repaired, false), (.unknownEncoding, false),
    ])
    func unreadContentIsUnscannable(kind: ScanProblem.Kind, unread: Bool) {
        #expect(ScanProblem(kind: kind, location: "part 1", message: "m").leavesContentUnscanned == unread)
    }

    @Test func pupilAndParentAddressesAreRedactedInReports() {
        let report = ScanReport(
            action: .tag,
            recipients: [Recipient(address: "Emma.Example@icloud.com", recipientClass: .parent, linkedPupils: ["K1"]),
                         Recipient(address: "office@council.example", recipientClass: .external)],
            explanation: "sent to Emma.Example@icloud.com (a parent) and office@council.example")
        let redacted = report.redactingPupilAndParentAddresses()
        #expect(redacted.recipients.map(\.address) == ["E***@icloud.com", "office@council.example"])
        #expect(redacted.explanation == "sent to E***@icloud.com (a parent) and office@council.example")
        #expect(report.redactingPupilAndParentAddresses(in: ["emma.example@icloud.com", "office@council.example"])
            == ["e***@icloud.com", "office@council.example"])
    }
}
