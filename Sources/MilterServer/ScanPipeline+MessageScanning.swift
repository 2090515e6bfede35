import ChaperoneModel
import ScanPipeline

/// The real scanner the milter runs: the same pipeline as `chaperone scan`, with its
/// cancellation checkpoints.
extension ScanPipeline: MessageScanning {
    public var configVersion: String { version }

    public func reads(_ envelope: Envelope) -> Bool { sender(of: envelope).scanned }
}
