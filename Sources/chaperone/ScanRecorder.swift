import ChaperoneModel
import Store

/// `scan --record`: writes each decision into the store as the milter would (a
/// quarantine with its stored copy, committed before the next message is printed),
/// so the review commands can be tried on sample mail without Postfix. The envelope
/// has no Postfix queue id: these messages never went through a queue.
struct ScanRecorder: Sendable {
    let database: AppDatabase
    /// The configuration and roster fingerprint recorded with each decision.
    let configVersion: String

    func record(_ scanned: ScanRunner.Scanned, name: String) async throws {
        let record = DecisionRecord(report: scanned.report, envelope: scanned.envelope, configVersion: configVersion)
        if scanned.report.action == .quarantine, let bytes = scanned.bytes {
            try await database.insertQuarantine(record, rawMessage: bytes)
        } else {
            try await database.insertDecisions([record])
        }
    }
}
