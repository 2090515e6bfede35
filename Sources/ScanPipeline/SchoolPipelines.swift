import ChaperoneModel
import Detectors
import Foundation
import Policy

/// Mail from no configured school with `unknown_school: fail`: the milter applies its
/// fail action, and `chaperone scan` reports the message as an error.
public struct UnknownSchoolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why no school applies (addresses left out: this may be logged).
    public var reason: String
    public var description: String {
        "\(reason): add the sender's domain to a school's domains, or set unknown_school to a school id"
    }
}

/// Every school's pipeline and the choice between them: what `serve` and `scan` run.
/// In the single-school form it holds one pipeline and chooses nothing. Each school's
/// pipeline has its own roster automaton, recipient classes and overrides, so a message
/// is matched against its own school's roster only; the schools share one filter of the
/// words their patterns start with (`SharedFirstWords`) and one filter of the addresses
/// their rosters know (`KnownAddressFilter`), which every message keeps warm, so a
/// school's own tables are read only for words that may be names and for recipients
/// that may be its pupils, parents or staff. Immutable; a reload builds a new one, reusing the pipelines of
/// schools whose files and settings did not change.
public struct SchoolPipelines: Sendable {
    /// One school's id (nil in the single-school form) and pipeline.
    public struct School: Sendable {
        public let id: String?
        public let pipeline: ScanPipeline
        public init(id: String?, pipeline: ScanPipeline) {
            self.id = id
            self.pipeline = pipeline
        }
        /// The school's name, as explanations and reports give it.
        public var name: String { pipeline.configuration.school.name }
    }

    /// The deployment's configuration (the shared settings, with `schools`).
    public let configuration: Configuration
    public let schools: [School]
    public let selector: SchoolSelector
    /// Fingerprint of the configuration and every roster, recorded with each decision.
    public let version: String

    public init(configuration: Configuration, schools: [School], version: String) {
        precondition(!schools.isEmpty, "a deployment has at least one school")
        self.configuration = configuration
        // A trust's schools read one first-word filter and one filter of known addresses,
        // which every message keeps warm.
        if schools.count > 1 {
            let firstWords = SharedFirstWords(schools.map(\.pipeline.detection))
            let knownAddresses = KnownAddressFilter(schools.map(\.pipeline.roster),
                                                    domains: schools.flatMap(\.pipeline.policy.classifier.matchedDomains))
            self.schools = schools.map { School(id: $0.id, pipeline: $0.pipeline.sharing(firstWords, knownAddresses)) }
        } else {
            self.schools = schools
        }
        self.version = version
        self.selector = SchoolSelector(
            members: schools.map { school in
                let own = school.pipeline.configuration
                return SchoolSelector.Member(id: school.id ?? "", domains: own.school.domains + own.senders.pupilDomains,
                                             roster: school.pipeline.roster)
            },
            unknownSchool: configuration.unknownSchool, isGateway: configuration.isGateway)
    }

    /// The single-school form: one pipeline, always chosen.
    public init(single pipeline: ScanPipeline) {
        self.init(configuration: pipeline.configuration, schools: [School(id: nil, pipeline: pipeline)], version: pipeline.version)
    }

    /// The school a message with this envelope is judged as, or nil (fail action).
    public func choose(_ envelope: Envelope) -> SchoolSelector.Choice {
        guard !isSingleSchool else {
            return SchoolSelector.Choice(school: 0, recipientSchools: [], reason: "")
        }
        return selector.choose(envelope)
    }

    /// False when mail with this envelope is accepted unread (inbound, `scope.inbound: skip`).
    public func reads(_ envelope: Envelope) -> Bool {
        let choice = choose(envelope)
        if skipsInbound(choice, envelope: envelope) { return false }
        guard let index = choice.school else { return true }
        return schools[index].pipeline.sender(of: envelope).scanned
    }

    /// Scans a message sent with this envelope (the milter's case).
    public func scan(message: [UInt8], envelope: Envelope) throws(UnknownSchoolError) -> ScanReport {
        switch try route(envelope, size: message.count) {
        case .school(let school, let reason): stamp(schools[school].pipeline.scan(message: message, envelope: envelope), school: school, reason: reason)
        case .unread(let report): report
        }
    }

    /// As `scan(message:envelope:)`, stopping at the next checkpoint once cancelled.
    public func scan(message: [UInt8], envelope: Envelope, cancellation: ScanCancellation) throws -> ScanReport {
        switch try route(envelope, size: message.count) {
        case .school(let school, let reason):
            stamp(try schools[school].pipeline.scan(message: message, envelope: envelope, cancellation: cancellation), school: school, reason: reason)
        case .unread(let report): report
        }
    }

    /// Scans a message file: the envelope from its headers unless given (see
    /// `ScanPipeline.scan(message:sender:recipients:authenticatedUser:)`).
    public func scan(message: [UInt8], sender: String? = nil, recipients: [String] = [],
                     authenticatedUser: String? = nil) throws(UnknownSchoolError) -> ScanReport {
        let envelope = isSingleSchool
            ? Envelope(sender: "", recipients: [])
            : envelope(ofMessage: message, sender: sender, recipients: recipients, authenticatedUser: authenticatedUser)
        switch try route(envelope, size: message.count) {
        case .school(let school, let reason):
            let report = schools[school].pipeline.scan(message: message, sender: sender, recipients: recipients, authenticatedUser: authenticatedUser)
            return stamp(report, school: school, reason: reason)
        case .unread(let report): return report
        }
    }

    /// The envelope a message file is judged with (every school parses headers alike).
    public func envelope(ofMessage message: [UInt8], sender: String? = nil, recipients: [String] = [],
                         authenticatedUser: String? = nil) -> Envelope {
        schools[0].pipeline.envelope(ofMessage: message, sender: sender, recipients: recipients, authenticatedUser: authenticatedUser)
    }

    var isSingleSchool: Bool { schools.count == 1 && schools[0].id == nil }

    /// Where a message goes: to one school's pipeline, or accepted unread.
    enum Route {
        /// The school's position in `schools` (a position, not the school: copying a
        /// `School` retains every reference its pipeline holds, on every message).
        case school(Int, reason: String)
        /// Inbound mail to several schools that all skip inbound mail.
        case unread(ScanReport)
    }

    /// Throws when no school applies (`unknown_school: fail`).
    func route(_ envelope: Envelope, size: Int) throws(UnknownSchoolError) -> Route {
        let choice = choose(envelope)
        if skipsInbound(choice, envelope: envelope) {
            let sender = SenderIdentity(
                role: .outside, address: RecipientClassifier.normalise(envelope.sender), basis: .envelopeSender, rules: .outside,
                scanned: false,
                reason: "inbound mail: the sender belongs to no school and every recipient is at one of \(choice.recipientSchools.count) schools, each with scope.inbound: skip, so it is not scanned")
            let first = schools[choice.recipientSchools[0]].pipeline
            var report = first.skipped(envelope: envelope, sender: sender, size: size, started: DispatchTime.now().uptimeNanoseconds)
            // Each recipient as its own school sees it (internal, a pupil, ...).
            report.recipients = envelope.judgedRecipients.map { expanded in
                let school = selector.school(ofAddress: RecipientClassifier.normalise(expanded.address)).map { schools[$0].pipeline } ?? first
                var recipient = school.policy.classifier.classify(expanded.address, sender: envelope.sender)
                recipient.list = expanded.list
                return recipient
            }
            return .unread(report)
        }
        guard let index = choice.school else { throw UnknownSchoolError(reason: choice.reason) }
        return .school(index, reason: choice.reason)
    }

    /// True for mail from no school whose every recipient is at a school (several
    /// schools), when each of those schools skips inbound mail.
    func skipsInbound(_ choice: SchoolSelector.Choice, envelope: Envelope) -> Bool {
        guard choice.recipientSchools.count > 1 else { return false }
        let allAtSchools = envelope.judgedRecipients.allSatisfy { selector.school(ofAddress: RecipientClassifier.normalise($0.address)) != nil }
        return allAtSchools && choice.recipientSchools.allSatisfy { schools[$0].pipeline.configuration.scope.inbound == .skip }
    }

    /// Names the school in the report, and (with `schools:`) says in the sender's reason
    /// how it was chosen.
    func stamp(_ report: ScanReport, school index: Int, reason: String) -> ScanReport {
        var stamped = report
        stamped.school = schools[index].name
        stamped.schoolID = schools[index].id
        if schools[index].id != nil, !reason.isEmpty { stamped.sender.reason = reason + "; " + report.sender.reason }
        return stamped
    }
}
