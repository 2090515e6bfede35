import ChaperoneModel
@testable import Policy
import Testing

/// Whose mail it is: the role from the envelope, the SASL login, the roster and the
/// configuration, and the rules and scope that follow.
@Suite struct SenderRoleTests {
    static var configuration: Configuration {
        var configuration = PolicyFixtures.configuration
        configuration.senders.pupilDomains = ["pupils.school.example"]
        configuration.senders.systemSenders = ["mis@school.example", "@parentapp.example"]
        configuration.senders.systemOwner = "data.manager@school.example"
        return configuration
    }

    static func identify(_ sender: String, to recipients: [String] = ["someone@gmail.com"], auth: String? = nil,
                         configuration: Configuration = configuration, forwarders: [String] = []) -> SenderIdentity {
        PolicyFixtures.engine(configuration).sender(
            of: Envelope(sender: sender, recipients: recipients, authenticatedUser: auth), forwarders: forwarders)
    }

    @Test func rosterPupilsSchoolAddressIsAPupilWithTheirRosterKey() {
        let identity = Self.identify("JStone@Pupils.School.Example")
        #expect(identity.role == .pupil)
        #expect(identity.rules == .pupil)
        #expect(identity.pupilKey == "A123")
        #expect(identity.reason.contains("roster pupil's school address"))
    }

    @Test func anyAddressOnAPupilDomainIsAPupilEvenOffTheRoster() {
        let identity = Self.identify("new.starter@pupils.school.example")
        #expect(identity.role == .pupil)
        #expect(identity.pupilKey == nil)
        #expect(identity.reason.contains("senders.pupil_domains"))
    }

    @Test func aRosterPupilIsAPupilWithoutPupilDomainsWhenTheirAddressIsOnASchoolDomain() {
        var configuration = PolicyFixtures.configuration
        configuration.school.domains = ["school.example", "pupils.school.example"]
        #expect(Self.identify("tfield@pupils.school.example", configuration: configuration).role == .pupil)
        // Not on the roster and no pupil domain: a school-domain address, staff by default.
        #expect(Self.identify("someone@pupils.school.example", configuration: configuration).role == .staff)
    }

    @Test func staffListAndOtherSchoolAddressesAreStaff() {
        #expect(Self.identify("k.teacher@school.example").reason.contains("staff list"))
        let office = Self.identify("office@school.example")
        #expect(office.role == .staff)
        #expect(office.reason.contains("unlisted_school_senders"))
        var pupilsByDefault = Self.configuration
        pupilsByDefault.senders.unlistedSchoolSenders = .pupil
        #expect(Self.identify("office@school.example", configuration: pupilsByDefault).role == .pupil)
        #expect(Self.identify("k.teacher@school.example", configuration: pupilsByDefault).role == .staff)
    }

    @Test func configuredAndNoReplySendersAreSystemWithTheStaffRules() {
        let mis = Self.identify("MIS@school.example")
        #expect(mis.role == .system)
        #expect(mis.rules == .system)
        #expect(Self.identify("alerts@parentapp.example").role == .system)
        #expect(Self.identify("no-reply@school.example").role == .system)
        // A no-reply address elsewhere is not the school's.
        #expect(Self.identify("no-reply@shop.example", to: ["k.teacher@school.example"]).role == .outside)
    }

    @Test func theAuthenticatedLoginDecidesOverTheEnvelopeSender() {
        // A pupil who logged in is a pupil, whatever MAIL FROM says.
        let forged = Self.identify("k.teacher@school.example", auth: "jstone@pupils.school.example")
        #expect(forged.role == .pupil)
        #expect(forged.basis == .authenticatedUser)
        // A bare login is found on a school domain.
        #expect(Self.identify("jess.stone.99@gmail.com", auth: "jstone").role == .pupil)
        #expect(Self.identify("k.teacher@school.example", auth: "k.teacher").role == .staff)
        // An account the lists do not know, relaying out: the school's server vouches for it.
        let unknown = Self.identify("someone@elsewhere.example", auth: "contractor7")
        #expect(unknown.role == .staff)
        #expect(unknown.basis == .authenticatedUser)
    }

    @Test func outsideMailToInternalRecipientsIsSkippedUnlessScopeSaysScan() {
        let inbound = Self.identify("parent@example.net", to: ["k.teacher@school.example", "jstone@pupils.school.example"])
        #expect(inbound.role == .outside)
        #expect(!inbound.scanned)
        #expect(inbound.reason.contains("scope.inbound: skip"))
        var scanning = Self.configuration
        scanning.scope.inbound = .scan
        let scanned = Self.identify("parent@example.net", to: ["k.teacher@school.example"], configuration: scanning)
        #expect(scanned.scanned)
        #expect(scanned.rules == .staff)
        // A bounce to a member of staff is inbound too.
        let bounce = Self.identify("", to: ["k.teacher@school.example"])
        #expect(bounce.basis == .nullSender)
        #expect(!bounce.scanned)
    }

    @Test func outsideMailToAnyOutsideRecipientIsScannedAsStaffMail() {
        let relayed = Self.identify("newsletter@shop.example", to: ["k.teacher@school.example", "kim.t@yahoo.co.uk"],
                                    forwarders: ["kim.t@yahoo.co.uk", "k.teacher@school.example"])
        #expect(relayed.role == .outside)
        #expect(relayed.scanned)
        #expect(relayed.rules == .staff)
        #expect(relayed.forwardedBy == "k.teacher@school.example")
        // A school forwarder's SRS-rewritten sender is outside mail, not a member of staff.
        let srs = Self.identify("SRS0=HHH=TT=shop.example=news@school.example", to: ["kim.t@yahoo.co.uk"])
        #expect(srs.role == .outside)
        #expect(srs.rules == .staff)
    }

    @Test func noRecipientsIsNeverMistakenForInboundMail() {
        #expect(Self.identify("parent@example.net", to: []).scanned)
    }
}
