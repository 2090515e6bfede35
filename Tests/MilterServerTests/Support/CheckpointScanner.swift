import ChaperoneModel
import Foundation
import MilterServer

/// A scanner whose work is a long run of checkpoints (as the pipeline's is): it passes
/// one every millisecond until its cancellation stops it, or `gate` opens (then it
/// accepts). Bounded: it gives up after `maxCheckpoints` and throws.
final class CheckpointScanner: MessageScanning, @unchecked Sendable {
    struct RanToItsEnd: Error {}

    let configVersion = "checkpoints"
    let maxCheckpoints: Int
    private let lock = NSLock()
    private var opened = false
    private var cancellations: [ScanCancellation] = []
    private var finished = 0

    init(maxCheckpoints: Int = 60_000) {
        self.maxCheckpoints = maxCheckpoints
    }

    /// Lets every scan (running or to come) finish with an accept.
    func open() { self.lock.withLock { self.opened = true } }

    /// The cancellations of the scans started so far, in order.
    var started: [ScanCancellation] { self.lock.withLock { self.cancellations } }

    /// Scans that have returned or thrown.
    var returned: Int { self.lock.withLock { self.finished } }

    func scan(message: [UInt8], envelope: Envelope) throws -> ScanReport {
        try self.scan(message: message, envelope: envelope, cancellation: ScanCancellation())
    }

    func scan(message: [UInt8], envelope: Envelope, cancellation: ScanCancellation) throws -> ScanReport {
        self.lock.withLock { self.cancellations.append(cancellation) }
        defer { self.lock.withLock { self.finished += 1 } }
        for _ in 0..<self.maxCheckpoints {
            if cancellation.shouldStop(at: .segment) { throw ScanCancelled(stage: "test scan") }
            if self.lock.withLock({ self.opened }) { return ScanReport(action: .accept, sizeBytes: message.count) }
            Thread.sleep(forTimeInterval: 0.001)
        }
        throw RanToItsEnd()
    }
}
