import ChaperoneModel
import Foundation
import ScanPipeline
import Testing

/// A cancelled scan stops within one checkpoint, wherever it is: the counters show that
/// no checkpoint was passed (no further work started) after the cancel, and the scan
/// throws instead of deciding. An uncancelled scan with checkpoints decides exactly as
/// one without. No timing: the cancel happens at an exact checkpoint, from the hook.
@Suite struct ScanCancellationTests {
    /// Cancels at the `count`-th checkpoint of `kind`, and notes how many checkpoints had
    /// been passed then.
    final class CancelPlan: @unchecked Sendable {
        let kind: ScanCancellation.Checkpoint
        let count: Int
        private let lock = NSLock()
        private var passedAtCancel: Int?

        init(_ kind: ScanCancellation.Checkpoint, at count: Int) {
            self.kind = kind
            self.count = count
        }

        var cancelledAfter: Int? { lock.withLock { passedAtCancel } }

        func observe(_ checkpoint: ScanCancellation.Checkpoint, _ cancellation: ScanCancellation) {
            guard checkpoint == kind, cancellation.passed(kind) == count else { return }
            lock.withLock { passedAtCancel = cancellation.passedTotal }
            cancellation.cancel()
        }
    }

    static let envelope = Envelope(sender: "s.whitfield@ralphthoresby.example", recipients: ["trips@example-travel.co.uk"],
                                   authenticatedUser: "swhitfield")

    /// Thirty short text parts, then a CSV of 200 invented rows (names not on the roster).
    static func manyParts() -> [UInt8] {
        var lines = [
            "From: Sarah Whitfield <s.whitfield@ralphthoresby.example>", "To: trips@example-travel.co.uk",
            "Subject: Trip notes", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b\"", "",
        ]
        for index in 1...30 {
            lines += ["--b", "Content-Type: text/plain; charset=utf-8", "", "Note \(index): the coach leaves at nine.", ""]
        }
        lines += ["--b", "Content-Type: text/csv; name=\"seats.csv\"", "Content-Disposition: attachment; filename=\"seats.csv\"", "",
                  "Seat,Group,Note"]
        for row in 1...200 { lines.append("\(row),Group \(row % 7),window") }
        lines += ["--b--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// A bulk pupil CSV to an outside address: many findings, held.
    static let csvSample = "34-bulk-csv-to-external.eml"

    static func pipeline() throws -> ScanPipeline { try SampleRuntime.load().2 }

    /// Runs a scan that `plan` cancels; checks it threw and passed nothing after the cancel.
    private func expectStopsAtOnce(_ message: [UInt8], _ plan: CancelPlan) throws -> ScanCancellation {
        let cancellation = ScanCancellation(observer: plan.observe)
        #expect(throws: ScanCancelled.self) {
            try Self.pipeline().scan(message: message, envelope: Self.envelope, cancellation: cancellation)
        }
        let passedAtCancel = try #require(plan.cancelledAfter, "the scan never reached \(plan.kind) #\(plan.count)")
        #expect(cancellation.passedTotal == passedAtCancel, "checkpoints passed after the cancel")
        #expect(cancellation.refused >= 1)
        return cancellation
    }

    @Test func anUncancelledScanDecidesAsWithoutCheckpoints() throws {
        let pipeline = try Self.pipeline()
        for message in [Self.manyParts(), try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent(Self.csvSample))] {
            let cancellation = ScanCancellation()
            let checked = try pipeline.scan(message: message, envelope: Self.envelope, cancellation: cancellation)
            let plain = pipeline.scan(message: message, envelope: Self.envelope)
            #expect(checked.action == plain.action)
            #expect(checked.sections == plain.sections)
            #expect(checked.findings == plain.findings)
            #expect(checked.problems == plain.problems)
            #expect(cancellation.passed(.part) > 0 && cancellation.passed(.segment) > 0)
            #expect(cancellation.refused == 0)
        }
    }

    @Test func stopsAtTheNextPart() throws {
        let cancellation = try expectStopsAtOnce(Self.manyParts(), CancelPlan(.part, at: 10))
        #expect(cancellation.passed(.part) == 10, "parts 11 to 32 were never started")
    }

    @Test func stopsAtTheNextExtractedRow() throws {
        // Header segments, thirty notes, the file name, then the CSV rows; each segment is
        // scanned as it is extracted (two checkpoints each), after the last stage before detection.
        let cancellation = try expectStopsAtOnce(Self.manyParts(), CancelPlan(.segment, at: 60))
        #expect(cancellation.passed(.segment) == 60)
        #expect(cancellation.passed(.stage) == 3, "the decision was never reached")
    }

    @Test func stopsAtTheNextSegmentScanned() throws {
        let message = Self.manyParts()
        // How many segments extraction keeps, from an uncancelled scan.
        let probe = ScanCancellation()
        _ = try Self.pipeline().scan(message: message, envelope: Self.envelope, cancellation: probe)
        let extracted = probe.passed(.segment) / 2
        #expect(extracted > 200)
        let cancellation = try expectStopsAtOnce(message, CancelPlan(.segment, at: extracted + 25))
        #expect(cancellation.passed(.stage) == 3, "cancelled during detection")
    }

    @Test func stopsBeforeAnyPartIsReadWhenCancelledBeforeDetection() throws {
        // Extraction streams into detection, so the stage before detection comes before
        // the first part is read: nothing is extracted or scanned.
        let cancellation = try expectStopsAtOnce(Self.manyParts(), CancelPlan(.stage, at: 3))
        #expect(cancellation.passed(.part) == 0, "no part was read")
        #expect(cancellation.passed(.segment) == 0, "no segment was extracted or scanned")
    }

    @Test func stopsAtTheNextArchiveMemberAndDecoderChunk() throws {
        let fixture = try #require(FormatFixtures.archives.first { $0.file == "trip.tar.gz" })
        let message = FormatFixtures.message(attaching: try FormatFixtures.bytes(fixture), filename: fixture.file,
                                             type: fixture.contentType, to: "trips@example-travel.co.uk")
        let member = try expectStopsAtOnce(message, CancelPlan(.archiveMember, at: 1))
        #expect(member.passed(.decoderChunk) == 0, "the member was never read")
        let chunk = try expectStopsAtOnce(message, CancelPlan(.decoderChunk, at: 1))
        #expect(chunk.passed(.archiveMember) == 1)
    }

    @Test func aScanCancelledBeforeItStartsReadsNothing() throws {
        let cancellation = ScanCancellation()
        cancellation.cancel()
        #expect(throws: ScanCancelled.self) {
            try Self.pipeline().scan(message: Self.manyParts(), envelope: Self.envelope, cancellation: cancellation)
        }
        #expect(cancellation.passedTotal == 0)
    }
}
