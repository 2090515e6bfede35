import ChaperoneModel
import Detectors
import Dispatch
import Foundation
import MIMEParser
import Policy
import TextExtraction

/// The one path every message takes, for the milter and `chaperone scan` alike:
/// raw bytes and an envelope in, a `ScanReport` out. Pure (no I/O, no NIO, no
/// database) and immutable: build one per configuration and roster snapshot and share
/// it across threads; a reload builds a new one.
public struct ScanPipeline: Sendable {
    /// What a pipeline holds, behind one reference, so that copying a pipeline (out of a
    /// trust's list of schools, into a closure) is one retain and not a retain of every
    /// reference its configuration, roster and tables hold.
    final class Parts: Sendable {
        let configuration: Configuration
        let roster: Roster
        let version: String
        let extractor: TextExtractor
        let detection: DetectionEngine
        let policy: PolicyEngine

        init(configuration: Configuration, roster: Roster, version: String, extractor: TextExtractor,
             detection: DetectionEngine, policy: PolicyEngine) {
            self.configuration = configuration
            self.roster = roster
            self.version = version
            self.extractor = extractor
            self.detection = detection
            self.policy = policy
        }
    }

    let parts: Parts
    public var configuration: Configuration { parts.configuration }
    public var roster: Roster { parts.roster }
    /// Fingerprint of the configuration and roster, recorded with each decision.
    public var version: String { parts.version }
    var extractor: TextExtractor { parts.extractor }
    var detection: DetectionEngine { parts.detection }
    var policy: PolicyEngine { parts.policy }

    /// Builds the detectors' index and the policy tables once, on every core there is:
    /// the index's names half (the automaton, most of the work), its addresses half and
    /// the policy tables read the roster and share nothing else, so they are built at
    /// the same time, then joined. Callers run this off any event loop: the reload and
    /// start-up paths call it from worker threads.
    public init(configuration: Configuration, roster: Roster, version: String = "") {
        let extractor = TextExtractor(limits: configuration.limits,
                                      textless: TextlessTypes(configuration.attachments.textlessTypes))
        let names = ResultSlots<DetectionEngine.NameIndex>(count: 1)
        let addresses = ResultSlots<DetectionEngine.AddressIndex>(count: 1)
        let policy = ResultSlots<PolicyEngine>(count: 1)
        // The names half first: the longest, it starts at once while the other core
        // takes the two shorter parts one after the other.
        DispatchQueue.concurrentPerform(iterations: 3) { part in
            switch part {
            case 0:
                names[0] = DetectionEngine.NameIndex(
                    roster: roster, terms: SpecialCategoryTerms.default.ignoring(configuration.learned.ignoredSpecialCategoryTerms))
            case 1:
                addresses[0] = DetectionEngine.AddressIndex(roster: roster)
            default:
                policy[0] = PolicyEngine(configuration: configuration, roster: roster, webmailDomains: WebmailDomains.builtIn)
            }
        }
        let detection = DetectionEngine(
            roster: roster, names: names.values[0], addresses: addresses.values[0],
            thresholds: configuration.thresholds,
            extraWebmailDomains: configuration.school.extraWebmailDomains,
            officialSocialAccounts: configuration.school.officialSocialAccounts,
            images: configuration.images,
            maxFindingsPerDetector: configuration.limits.maxFindingsPerDetector
        )
        parts = Parts(configuration: configuration, roster: roster, version: version, extractor: extractor,
                      detection: detection, policy: policy.values[0])
    }

    init(parts: Parts) { self.parts = parts }

    /// Scans a message sent with the given envelope (the milter's case).
    /// Who sent mail with this envelope and whether it is read at all, from the
    /// envelope alone (the milter asks before it applies a message limit).
    public func sender(of envelope: Envelope) -> SenderIdentity {
        policy.sender(of: envelope)
    }

    /// Mail the sender's role puts out of scope (inbound, with `scope.inbound: skip`)
    /// is accepted without being read.
    public func scan(message: [UInt8], envelope: Envelope) -> ScanReport {
        let started = DispatchTime.now().uptimeNanoseconds
        let sender = policy.sender(of: envelope)
        guard sender.scanned else { return skipped(envelope: envelope, sender: sender, size: message.count, started: started) }
        return read(message, envelope: envelope, started: started)
    }

    /// Scans as `scan(message:envelope:)` does, stopping at the next checkpoint once
    /// `cancellation` is cancelled (the milter's deadline): then it throws
    /// `ScanCancelled` and no decision is made from what was read so far.
    public func scan(message: [UInt8], envelope: Envelope, cancellation: ScanCancellation) throws -> ScanReport {
        try ScanCancellation.$current.withValue(cancellation) {
            try cancellation.check("parsing")
            let report = scan(message: message, envelope: envelope)
            try cancellation.check("the decision")
            return report
        }
    }

    /// Scans a message file: the envelope comes from the From, To, Cc and Bcc headers,
    /// unless `sender` or `recipients` override them; `authenticatedUser` stands for the
    /// milter's `{auth_authen}`.
    public func scan(message: [UInt8], sender: String? = nil, recipients: [String] = [], authenticatedUser: String? = nil) -> ScanReport {
        let started = DispatchTime.now().uptimeNanoseconds
        // The header block alone gives the envelope and the role, so mail out of scope
        // is never read further.
        let headers = extractor.headerContent(of: MessageParser.parse(Self.headerBlock(of: message, limit: configuration.limits.maxHeaderBytes),
                                                            limits: configuration.limits))
        let envelope = Envelope(
            sender: sender ?? headers.fromAddresses.first ?? "",
            recipients: recipients.isEmpty ? headers.toAddresses + headers.ccAddresses + headers.bccAddresses : recipients,
            authenticatedUser: authenticatedUser
        )
        let identity = policy.sender(of: envelope, forwarders: headers.forwardingAddresses)
        guard identity.scanned else {
            var report = skipped(envelope: envelope, sender: identity, size: message.count, started: started)
            report.messageID = headers.messageID
            return report
        }
        return read(message, envelope: envelope, started: started)
    }

    /// The message up to and including the blank line that ends its header block, or at
    /// most `limit` bytes.
    static func headerBlock(of message: [UInt8], limit: Int) -> [UInt8] {
        let end = min(message.count, limit)
        var index = 0
        while index < end {
            if message[index] == 0x0A {
                if index + 1 < message.count, message[index + 1] == 0x0A { return Array(message[0...(index + 1)]) }
                if index + 2 < message.count, message[index + 1] == 0x0D, message[index + 2] == 0x0A {
                    return Array(message[0...(index + 2)])
                }
            }
            index += 1
        }
        return Array(message.prefix(end))
    }

    /// MIME parsing, then text extraction streamed into detection (each segment is
    /// scanned as it is made and dropped, so a huge attachment's text is never held at
    /// once), then the policy's decision. The message-size limit is applied first: an
    /// oversized message is still classified by its headers, and the unread rest becomes
    /// an unscannable-content finding. Who sent it is decided from the headers before any
    /// part is read, so mail out of scope is never read further.
    func read(_ message: [UInt8], envelope: Envelope, started: UInt64) -> ScanReport {
        let limit = configuration.limits.maxMessageBytes
        let isOversized = message.count > limit
        let parsed = MessageParser.parse(
            isOversized ? Array(message.prefix(min(limit, configuration.limits.maxHeaderBytes))) : message,
            limits: configuration.limits)
        // A cancelled scan reads nothing more (its caller discards the result).
        if !isOversized, ScanCancellation.shouldStop(at: .stage) {
            return skipped(envelope: envelope, sender: policy.sender(of: envelope), size: message.count, started: started)
        }
        var content = extractor.headerContent(of: parsed)
        let sender = policy.sender(of: envelope, forwarders: content.forwardingAddresses)
        guard sender.scanned else {
            var report = skipped(envelope: envelope, sender: sender, size: message.count, started: started)
            report.messageID = content.messageID
            return report
        }
        // A cancelled scan stops here; `scan(message:envelope:cancellation:)` throws
        // instead of returning this placeholder, so it is never taken as a decision.
        if ScanCancellation.shouldStop(at: .stage) {
            return skipped(envelope: envelope, sender: sender, size: message.count, started: started)
        }
        var session = detection.session(householdPupils: policy.householdPupils(of: envelope, sender: sender))
        var bodies = BodyTextTally()
        content = extractor.extract(parsed, header: content) { segment in
            bodies.add(segment)
            session.scan(segment)
        }
        if isOversized {
            content.problems.append(ScanProblem(
                kind: .limitHit, location: "message", limit: "max_message_bytes",
                message: "the message is \(message.count) bytes, over limits.max_message_bytes (\(limit)); only its headers were read"
            ))
        }
        return decide(content: content, detected: session.finish(with: content), bodies: bodies,
                      envelope: envelope, sender: sender, size: message.count, started: started)
    }

    func decide(content: MessageContent, detected: Detection, bodies: BodyTextTally, envelope: Envelope,
                sender: SenderIdentity, size: Int, started: UInt64) -> ScanReport {
        let decision = policy.decide(
            envelope: envelope, findings: detected.findings, sender: sender,
            headerAddresses: content.toAddresses + content.ccAddresses)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var report = ScanReport(
            messageID: content.messageID, action: decision.action, sections: decision.sections,
            rules: decision.rules, governingSections: decision.governingSections,
            findings: decision.findings + Self.summaries(of: detected.omitted, listed: decision.findings,
                                                         limit: configuration.limits.maxFindingsPerDetector),
            recipients: decision.recipients, explanation: decision.explanation,
            problems: detected.problems + (envelope.expansion?.problems ?? []), sizeBytes: size, scanSeconds: elapsed,
            isAutoSubmitted: content.isAutoSubmitted, sender: decision.sender,
            alertsSafeguardingLead: decision.alertsSafeguardingLead, headerRewrite: decision.headerRewrite,
            parts: Self.parts(of: content, bodies: bodies)
        )
        report.shadow = decision.shadow
        return report
    }

    /// The decision for mail out of scope: accepted unread, marked as not scanned.
    func skipped(envelope: Envelope, sender: SenderIdentity, size: Int, started: UInt64) -> ScanReport {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return ScanReport(action: .accept, recipients: policy.recipients(of: envelope), sizeBytes: size,
                          scanSeconds: elapsed, sender: sender)
    }
}
