import ChaperoneModel
import MilterServer

/// A deterministic stand-in for the scan pipeline (the real one is plugged in by the
/// lead): `QUARANTINE-ME` → quarantine under §7.2, `TAG-ME` → tag under §8,
/// `REJECT-ME` → reject under §3 with an explanation, anything else → accept.
struct MarkerScanner: MessageScanning {
    let configVersion = "e2e-1"

    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        let text = String(decoding: message.prefix(4096), as: UTF8.self)
        if text.contains("REJECT-ME") {
            return ScanReport(
                action: .reject, sections: [.socialContact],
                explanation: "Your message gives a pupil your personal mobile number.", sizeBytes: message.count)
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
