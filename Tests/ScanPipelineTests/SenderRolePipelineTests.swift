import ChaperoneModel
import Foundation
import ScanPipeline
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
