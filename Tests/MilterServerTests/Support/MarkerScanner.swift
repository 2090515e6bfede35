import ChaperoneModel
import Foundation
import MilterServer

/// A deterministic stand-in for the scan pipeline: it decides by marker words in the
/// message (`QUARANTINE-ME`, `TAG-ME`, `REJECT-ME`, `SLOW-ME`, `THROW-ME`) and
/// remembers what it was given.
final class MarkerScanner: MessageScanning, @unchecked Sendable {
    struct Failure: Error {}

    let configVersion: String
    let slowSeconds: Double
    private let lock = NSLock()
    private var seen: [(message: [UInt8], envelope: Envelope)] = []

    init(configVersion: String = "test-1", slowSeconds: Double = 0.5) {
        self.configVersion = configVersion
        self.slowSeconds = slowSeconds
    }

    var scanned: [(message: [UInt8], envelope: Envelope)] { self.lock.withLock { self.seen } }

    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        self.lock.withLock { self.seen.append((message, envelope)) }
        let text = String(decoding: message, as: UTF8.self)
        if text.contains("THROW-ME") { throw Failure() }
        if text.contains("SLOW-ME") { Thread.sleep(forTimeInterval: self.slowSeconds) }
        if text.contains("REJECT-ME") {
            return ScanReport(
                action: .reject, sections: [.socialContact],
                explanation: "You gave a pupil your personal number.\r\n550 5.0.0 injected 100% sure",
                sizeBytes: message.count)
        }
        if text.contains("QUARANTINE-ME") {
            return ScanReport(action: .quarantine, sections: [.unacceptableUse], sizeBytes: message.count)
        }
        if text.contains("TAG-ME") {
            return ScanReport(action: .tag, rules: ["8.sensitive-to-partner"], governingSections: [.confidentiality], sizeBytes: message.count)
        }
        return ScanReport(action: .accept, sizeBytes: message.count)
    }
}
