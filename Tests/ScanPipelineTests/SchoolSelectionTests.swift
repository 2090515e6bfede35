import ChaperoneModel
import ScanPipeline
import Testing

/// Which school a message belongs to (samples/trust.yaml: Ralph Thoresby School and
/// Ash Grove Primary): the SASL login first, then the envelope sender, then the one
/// school of the recipients, then `unknown_school`.
@Suite struct SchoolSelectionTests {
    static let note = Array("Subject: note\r\n\r\nSee you at the meeting.\r\n".utf8)

    static func school(_ envelope: Envelope, _ pipelines: SchoolPipelines) throws -> String? {
        try pipelines.scan(message: note, envelope: envelope).schoolID
    }

    @Test func theAuthenticatedLoginDecidesOverTheEnvelopeSender() throws {
        let trust = try TrustRuntime.pipelines()
        // A staff address on Ash Grove's list, sending with a Ralph Thoresby envelope sender.
        let login = Envelope(sender: "h.marsh@ralphthoresby.example", recipients: ["x@example.org"], authenticatedUser: "r.okonjo@ashgrove.example")
        #expect(try Self.school(login, trust) == "ash-grove")
        // A bare login that is one school's account local part.
        let bare = Envelope(sender: "someone@elsewhere.example", recipients: ["x@example.org"], authenticatedUser: "d.fairclough")
        #expect(try Self.school(bare, trust) == "ash-grove")
        // A pupil's login (roster school address).
        let pupil = Envelope(sender: "", recipients: ["x@example.org"], authenticatedUser: "mashworth@pupils.ashgrove.example")
        let report = try trust.scan(message: Self.note, envelope: pupil)
        #expect(report.schoolID == "ash-grove" && report.sender.role == .pupil)
        #expect(report.school == "Ash Grove Primary School")
        #expect(report.sender.reason.hasPrefix("school ash-grove: the authenticated login"))
        // An unknown login falls back to the envelope sender.
        let unknown = Envelope(sender: "h.marsh@ralphthoresby.example", recipients: ["x@example.org"], authenticatedUser: "nobody")
        #expect(try Self.school(unknown, trust) == "ralph-thoresby")
    }

    @Test func theEnvelopeSenderDecidesByAccountOrDomain() throws {
        let trust = try TrustRuntime.pipelines()
        #expect(try Self.school(Envelope(sender: "T.Hargreaves@RalphThoresby.example", recipients: ["x@example.org"]), trust) == "ralph-thoresby")
        #expect(try Self.school(Envelope(sender: "office@ashgrove.example", recipients: ["x@example.org"]), trust) == "ash-grove")
        // A pupil domain and a subdomain of a school domain are that school's.
        #expect(try Self.school(Envelope(sender: "new.pupil@pupils.ashgrove.example", recipients: ["x@example.org"]), trust) == "ash-grove")
        #expect(try Self.school(Envelope(sender: "lab@science.ralphthoresby.example", recipients: ["x@example.org"]), trust) == "ralph-thoresby")
    }

    @Test func gatewayModeIgnoresTheLogin() throws {
        let trust = try TrustRuntime.pipelines { $0 = "mode: gateway\n" + $0 }
        let envelope = Envelope(sender: "h.marsh@ralphthoresby.example", recipients: ["x@example.org"], authenticatedUser: "r.okonjo@ashgrove.example")
        #expect(try Self.school(envelope, trust) == "ralph-thoresby")
    }

    @Test func mailFromNoSchoolFailsOrGoesToTheDefaultSchool() throws {
        let trust = try TrustRuntime.pipelines()
        let stranger = Envelope(sender: "someone@example.org", recipients: ["other@example.net"])
        #expect(throws: UnknownSchoolError.self) { try trust.scan(message: Self.note, envelope: stranger) }
        #expect(trust.reads(stranger))
        let defaulted = try TrustRuntime.pipelines { $0 = $0.replacingOccurrences(of: "unknown_school: fail", with: "unknown_school: ash-grove") }
        let report = try defaulted.scan(message: Self.note, envelope: stranger)
        #expect(report.schoolID == "ash-grove")
        #expect(report.sender.reason.contains("unknown_school: ash-grove"))
    }

    @Test func inboundMailGoesToItsRecipientsSchool() throws {
        let trust = try TrustRuntime.pipelines()
        // One school among the recipients: that school's inbound scope (skip) decides.
        let one = Envelope(sender: "orders@supplier.example", recipients: ["r.okonjo@ashgrove.example"])
        let report = try trust.scan(message: Self.note, envelope: one)
        #expect(report.schoolID == "ash-grove" && !report.sender.scanned)
        #expect(!trust.reads(one))
        // Recipients at both schools, each skipping inbound mail: accepted unread.
        let both = Envelope(sender: "orders@supplier.example", recipients: ["r.okonjo@ashgrove.example", "t.hargreaves@ralphthoresby.example"])
        let unread = try trust.scan(message: Self.note, envelope: both)
        #expect(unread.action == .accept && !unread.sender.scanned && unread.schoolID == nil)
        #expect(!trust.reads(both))
        // With one of them scanning inbound mail, there is no one school to judge it by.
        let scanning = try TrustRuntime.pipelines {
            $0 = $0.replacingOccurrences(of: "    thresholds:\n      bulk_pupils: 5", with: "    thresholds:\n      bulk_pupils: 5\n    scope: {inbound: scan}")
        }
        #expect(throws: UnknownSchoolError.self) { try scanning.scan(message: Self.note, envelope: both) }
    }

    @Test func theSingleSchoolFormNamesTheSchoolWithoutAnID() throws {
        let (_, _, pipeline) = try SampleRuntime.load()
        let single = SchoolPipelines(single: pipeline)
        let report = try single.scan(message: Self.note, envelope: Envelope(sender: "someone@example.org", recipients: ["x@example.net"]))
        #expect(report.school == "Ralph Thoresby School" && report.schoolID == nil)
        #expect(single.version == pipeline.version)
    }
}
