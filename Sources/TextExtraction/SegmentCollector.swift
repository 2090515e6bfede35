import ChaperoneModel

/// Gathers segments and problems for one message, enforcing `max_text_bytes`: once the
/// budget is spent, the segment that crossed it is cut and later text is dropped, and
/// the limit is reported once. Segments are kept in `segments`, or, when the collector
/// has a consumer, handed to it one by one in the same order and not kept.
struct SegmentCollector {
    let limits: Limits
    private(set) var segments: [TextSegment] = []
    /// Takes each segment instead of `segments` (a streaming scan).
    private let consumer: ((TextSegment) -> Void)?
    var problems: [ScanProblem] = []
    private(set) var textBytes = 0
    private var limitReported = false
    /// Set once the scan was cancelled: every producer stops as if the text were full.
    private(set) var isStopped = false

    init(limits: Limits, consumer: ((TextSegment) -> Void)? = nil) {
        self.limits = limits
        self.consumer = consumer
    }

    var isFull: Bool { textBytes >= limits.maxTextBytes || isStopped }

    mutating func add(_ segment: TextSegment) {
        guard !segment.text.isEmpty, !isStopped else { return }
        if ScanCancellation.shouldStop(at: .segment) {
            isStopped = true
            return
        }
        let size = segment.text.utf8.count
        let room = limits.maxTextBytes - textBytes
        if size <= room {
            textBytes += size
            keep(segment)
            return
        }
        if room > 0 {
            var cut = segment
            cut.text = String(decoding: segment.text.utf8.prefix(room), as: UTF8.self)
            keep(cut)
            textBytes = limits.maxTextBytes
        }
        reportTextLimit(at: segment.location)
    }

    private mutating func keep(_ segment: TextSegment) {
        if let consumer { consumer(segment) } else { segments.append(segment) }
    }

    /// Reports `max_text_bytes` (once per message) for text dropped at `location`.
    mutating func reportTextLimit(at location: TextLocation) {
        guard !limitReported, !isStopped else { return }
        limitReported = true
        problems.append(ScanProblem(kind: .limitHit, location: location.description, limit: "max_text_bytes",
                                    message: "Extracted text exceeds \(limits.maxTextBytes) bytes; the rest was not scanned."))
    }

    mutating func report(_ problem: ScanProblem) {
        problems.append(problem)
    }
}
