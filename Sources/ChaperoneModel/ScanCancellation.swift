import Synchronization

/// Lets whoever started a scan stop it: the milter cancels a scan when its
/// `scan_deadline_seconds` pass or its connection goes, and the scan stops at its next
/// checkpoint (each MIME part, each extracted segment, each segment scanned, each
/// archive member, each decoder output chunk), so no CPU is spent on it once the fail
/// action has been sent and its memory is freed as it unwinds.
///
/// The scan is given its cancellation explicitly (`ScanPipeline.scan(…, cancellation:)`),
/// which binds it to `current` for the scan's thread; deep code calls
/// `ScanCancellation.shouldStop(at:)` without carrying it in every signature. A
/// checkpoint that answers true stops its own work in whatever way is simplest locally
/// (as if its input ended); the pipeline then sees `isCancelled` and throws
/// `ScanCancelled` instead of deciding, so a partly read message is never judged.
///
/// Counters record how many checkpoints each stage passed and how many refused work,
/// so tests can assert where a scan stopped without measuring time.
public final class ScanCancellation: Sendable {
    /// Where a scan can stop.
    public enum Checkpoint: Int, CaseIterable, Sendable, CustomStringConvertible {
        /// Between the pipeline's stages (parse, extract, detect, decide).
        case stage
        /// Before each MIME part is read.
        case part
        /// Before each extracted segment is kept, and before each is scanned.
        case segment
        /// Before each archive member is read.
        case archiveMember
        /// After each chunk a decoder (inflate, archive data) produces.
        case decoderChunk

        public var description: String {
            switch self {
            case .stage: "stage"
            case .part: "part"
            case .segment: "segment"
            case .archiveMember: "archive member"
            case .decoderChunk: "decoder chunk"
            }
        }
    }

    /// The cancellation of the scan running on this thread, bound by the pipeline.
    @TaskLocal public static var current: ScanCancellation?

    private let cancelled = Atomic<Bool>(false)
    private let stagesPassed = Atomic<Int>(0)
    private let partsPassed = Atomic<Int>(0)
    private let segmentsPassed = Atomic<Int>(0)
    private let membersPassed = Atomic<Int>(0)
    private let chunksPassed = Atomic<Int>(0)
    private let refusedCounts = Atomic<Int>(0)
    private let observer: (@Sendable (Checkpoint, ScanCancellation) -> Void)?

    /// `observer` is called at every checkpoint the scan passes, before it goes on (a
    /// progress hook; tests use it to cancel at an exact point).
    public init(observer: (@Sendable (Checkpoint, ScanCancellation) -> Void)? = nil) {
        self.observer = observer
    }

    /// Asks the scan to stop at its next checkpoint. Safe from any thread; idempotent.
    public func cancel() {
        self.cancelled.store(true, ordering: .releasing)
    }

    public var isCancelled: Bool { self.cancelled.load(ordering: .acquiring) }

    /// True when the scan must stop here; otherwise counts the checkpoint as passed.
    public func shouldStop(at checkpoint: Checkpoint) -> Bool {
        if self.isCancelled {
            self.refusedCounts.add(1, ordering: .relaxed)
            return true
        }
        switch checkpoint {
        case .stage: self.stagesPassed.add(1, ordering: .relaxed)
        case .part: self.partsPassed.add(1, ordering: .relaxed)
        case .segment: self.segmentsPassed.add(1, ordering: .relaxed)
        case .archiveMember: self.membersPassed.add(1, ordering: .relaxed)
        case .decoderChunk: self.chunksPassed.add(1, ordering: .relaxed)
        }
        self.observer?(checkpoint, self)
        return self.isCancelled
    }

    /// Checkpoints of this kind the scan went past (did work after).
    public func passed(_ checkpoint: Checkpoint) -> Int {
        switch checkpoint {
        case .stage: self.stagesPassed.load(ordering: .relaxed)
        case .part: self.partsPassed.load(ordering: .relaxed)
        case .segment: self.segmentsPassed.load(ordering: .relaxed)
        case .archiveMember: self.membersPassed.load(ordering: .relaxed)
        case .decoderChunk: self.chunksPassed.load(ordering: .relaxed)
        }
    }

    /// Checkpoints of every kind the scan went past.
    public var passedTotal: Int { Checkpoint.allCases.reduce(0) { $0 + self.passed($1) } }

    /// Checkpoints reached after cancellation, each of which stopped its work.
    public var refused: Int { self.refusedCounts.load(ordering: .relaxed) }

    /// Whether the scan running on this thread must stop at `checkpoint` (false when
    /// none is bound: `chaperone scan` and tests that do not cancel).
    @inline(__always)
    public static func shouldStop(at checkpoint: Checkpoint) -> Bool {
        guard let current else { return false }
        return current.shouldStop(at: checkpoint)
    }

    /// Throws `ScanCancelled` once the scan has been cancelled (the pipeline's check
    /// between stages, so partial work is never used).
    public func check(_ stage: String) throws(ScanCancelled) {
        if self.shouldStop(at: .stage) { throw ScanCancelled(stage: stage) }
    }
}

/// A scan stopped by its `ScanCancellation` before it decided; the caller has already
/// answered (the fail action) or gone.
public struct ScanCancelled: Error, Hashable, Sendable, CustomStringConvertible {
    /// The pipeline stage at which the stop was noticed.
    public var stage: String

    public init(stage: String) {
        self.stage = stage
    }

    public var description: String { "the scan was cancelled (noticed before \(stage))" }
}
