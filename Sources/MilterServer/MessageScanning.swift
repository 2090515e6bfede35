import ChaperoneModel

/// The scanner the milter calls at end of message: raw bytes and the envelope in, a
/// `ScanReport` out. Synchronous and CPU-bound; the server always calls it on a thread
/// pool, never on an event loop. `ScanPipeline` provides the production implementation.
public protocol MessageScanning: Sendable {
    /// Scans one whole message (headers as received, CRLF line ends, then the body).
    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport
    /// Scans as above, stopping at the next checkpoint once `cancellation` is cancelled
    /// (the deadline passed or Postfix went away): then it throws `ScanCancelled`.
    func scan(message: [UInt8], envelope: Envelope, cancellation: ScanCancellation) throws -> ScanReport
    /// A short fingerprint of the configuration and roster this scanner was built from,
    /// stored with every decision.
    var configVersion: String { get }
    /// False when mail with this envelope is out of scope and accepted unread (inbound
    /// mail, `scope.inbound: skip`), so no message limit applies to it.
    func reads(_ envelope: Envelope) -> Bool
}

extension MessageScanning {
    public func reads(_ envelope: Envelope) -> Bool { true }

    /// A scanner without checkpoints: refuses to start once cancelled, then runs whole.
    public func scan(message: [UInt8], envelope: Envelope, cancellation: ScanCancellation) throws -> ScanReport {
        try cancellation.check("scanning")
        return try self.scan(message: message, envelope: envelope)
    }
}
