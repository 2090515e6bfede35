import ChaperoneModel
import Foundation
@testable import ScanPipeline
import Testing

/// The role is computed inside the pipeline from the envelope the milter passes in
/// (with `{auth_authen}`), before anything is read: inbound mail costs no parsing.
@Suite struct SenderRolePipelineTests {
    @Test func inboundMailIsAcceptedWithoutBeingRead() throws {
        let (configuration, _, pipeline) = try SampleRuntime.load()
        // Over max_message_bytes and full of pupil data: were it read, it would be
        // reported as unscannable and its findings listed.
        var message = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent("53-pupil-class-list-to-webmail.eml"))
        message += [UInt8](repeating: UInt8(ascii: "x"), count: configuration.limits.maxMessageBytes)
        let envelope = Envelope(sender: "someone@outside.example", recipients: ["t.hargreaves@ralphthoresby.example"])
        let report = pipeline.scan(message: message, envelope: envelope)
        #expect(report.action == .accept)
        #expect(!report.sender.scanned)
        #expect(report.findings.isEmpty)
        #expect(report.problems.isEmpty)
        #expect(report.messageID == nil)
    }

    @Test func theMiltersSASLLoginDecidesTheRole() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let message = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent("53-pupil-class-list-to-webmail.eml"))
        let asPupil = pipeline.scan(message: message, envelope: Envelope(
            sender: "office@ralphthoresby.example", recipients: ["oscar.l.gaming@gmail.com"], authenticatedUser: "olockwood28"))
        #expect(asPupil.sender.role == .pupil)
        #expect(asPupil.sender.basis == .authenticatedUser)
        #expect(asPupil.sections == [.confidentiality])
        let asStaff = pipeline.scan(message: message, envelope: Envelope(
            sender: "olockwood28@pupils.ralphthoresby.example", recipients: ["oscar.l.gaming@gmail.com"], authenticatedUser: "t.hargreaves"))
        #expect(asStaff.sender.role == .staff)
        #expect(asStaff.sections == [.unacceptableUse, .confidentiality])
    }

    @Test func inboundScanningIsAConfigurationChoice() throws {
        var (configuration, roster, _) = try SampleRuntime.load()
        configuration.scope.inbound = .scan
        let pipeline = ScanPipeline(configuration: configuration, roster: roster.roster)
        let message = try SamplePaths.bytes(SamplePaths.messages.appendingPathComponent("56-inbound-outside-skipped.eml"))
        let report = pipeline.scan(message: message)
        #expect(report.sender.scanned)
        #expect(report.sender.rules == .staff)
        #expect(report.action == .quarantine, "the staff rule for contact details to a pupil fires on inbound mail when asked to")
    }
}

/// A message file's envelope comes from its header block alone.
@Suite struct HeaderBlockTests {
    @Test func theHeaderBlockEndsAtTheFirstBlankLineWhateverTheLineEnds() {
        #expect(ScanPipeline.headerBlock(of: Array("A: 1\r\nB: 2\r\n\r\nbody\r\n".utf8), limit: 1000) == Array("A: 1\r\nB: 2\r\n\r\n".utf8))
        #expect(ScanPipeline.headerBlock(of: Array("A: 1\n\nbody\n".utf8), limit: 1000) == Array("A: 1\n\n".utf8))
        #expect(ScanPipeline.headerBlock(of: Array("A: 1\r\nB: 2".utf8), limit: 1000) == Array("A: 1\r\nB: 2".utf8))
        #expect(ScanPipeline.headerBlock(of: Array("A: 1\r\nB: 2\r\n\r\n".utf8), limit: 4) == Array("A: 1".utf8))
        #expect(ScanPipeline.headerBlock(of: [], limit: 10).isEmpty)
    }

    @Test func anInboundMessageFileIsSkippedWithItsMessageIDAndNoLimitHit() throws {
        let (configuration, _, pipeline) = try SampleRuntime.load()
        var message = Array("From: someone@outside.example\r\nTo: t.hargreaves@ralphthoresby.example\r\nMessage-ID: <in-1@outside.example>\r\n\r\n".utf8)
        message += [UInt8](repeating: UInt8(ascii: "x"), count: configuration.limits.maxMessageBytes)
        let report = pipeline.scan(message: message)
        #expect(!report.sender.scanned)
        #expect(report.problems.isEmpty, "a skipped message reports no limit")
        #expect(report.messageID == "in-1@outside.example")
    }
}
