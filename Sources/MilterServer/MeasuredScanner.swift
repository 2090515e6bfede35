import ChaperoneModel
import Foundation
import ServiceMetrics

/// A scanner that records what it does in `ChaperoneMetrics`: messages and bytes in
/// flight while a scan runs, the scan's duration, and the decision by action and
/// section. `serve` puts it in front of the pipeline; decisions are unchanged.
public struct MeasuredScanner: MessageScanning {
    let scanner: any MessageScanning

    public init(_ scanner: any MessageScanning) {
        self.scanner = scanner
    }

    public var configVersion: String { scanner.configVersion }

    public func reads(_ envelope: Envelope) -> Bool { scanner.reads(envelope) }

    public func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        ChaperoneMetrics.inFlight(bytes: message.count, starting: true)
        defer { ChaperoneMetrics.inFlight(bytes: message.count, starting: false) }
        let started = ContinuousClock.now
        let report = try scanner.scan(message: message, envelope: envelope)
        let elapsed = ContinuousClock.now - started
        ChaperoneMetrics.scanned(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        ChaperoneMetrics.decided(action: report.action.rawValue, sections: report.sections.map(\.rawValue))
        return report
    }
}
