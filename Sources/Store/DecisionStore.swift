import ChaperoneModel
import Foundation

/// Where decisions and quarantined messages are kept. The SQLite implementation is
/// the embedded default; the protocol lets a shared backend serve several mail hosts.
public protocol DecisionStore: Sendable {
    /// Records an accept, tag or reject decision. Implementations may batch these.
    func record(_ decision: DecisionRecord) async throws
    /// Records a quarantine decision together with the raw message, durably, before
    /// returning: the milter replies QUARANTINE only after this succeeds.
    func recordQuarantine(_ decision: DecisionRecord, rawMessage: [UInt8]) async throws
}

/// One decision as the store keeps it: the scan report (already redacted) plus the
/// envelope and when and under which configuration it was made.
public struct DecisionRecord: Codable, Hashable, Sendable {
    public var report: ScanReport
    public var envelope: Envelope
    public var decidedAt: Date
    /// A short fingerprint of the configuration and roster snapshot in force.
    public var configVersion: String
    /// The school the message belongs to, when the configuration names one (nil for a
    /// single-school configuration and on rows recorded before schools were kept).
    public var school: String?
    /// The mail host whose milter decided (`store.host_id`, default the host name); the
    /// store fills it in when the caller leaves it nil.
    public var mailHost: String?

    public init(
        report: ScanReport, envelope: Envelope, decidedAt: Date = Date(), configVersion: String, school: String? = nil,
        mailHost: String? = nil
    ) {
        self.report = report
        self.envelope = envelope
        self.decidedAt = decidedAt
        self.configVersion = configVersion
        self.school = school
        self.mailHost = mailHost
    }
}
