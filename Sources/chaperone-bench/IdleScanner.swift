import ChaperoneModel
import MilterServer

/// A scanner that accepts everything at once: the benchmark measures the milter alone.
struct IdleScanner: MessageScanning {
    let configVersion = "bench"
    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        ScanReport(action: .accept, sizeBytes: message.count)
    }
}
