import ChaperoneModel

/// One message's detection fed a segment at a time, in the order extraction makes them
/// (`scan(_:)`), then closed with the rest of the message's content (`finish(with:)`):
/// exactly what `DetectionEngine.detect(in:)` does over a whole `MessageContent`, but a
/// caller that streams extraction into it never holds the message's text at once (a
/// 20 MB CSV attachment is read row by row and each row is dropped once scanned).
public struct DetectionSession {
    let engine: DetectionEngine
    let householdPupils: HouseholdPupils
    private let sink: FindingSink
    private var bulk = BulkCounter()
    private var tableColumns = TableColumns()
    private var identifyingNames: Set<String> = []
    /// Set once the scan was cancelled: later segments are not scanned.
    private var isStopped = false

    init(engine: DetectionEngine, householdPupils: HouseholdPupils) {
        self.engine = engine
        self.householdPupils = householdPupils
        sink = FindingSink(cap: FindingCap(examples: engine.maxFindingsPerDetector,
                                           minimumConfidence: engine.settings.thresholds.minimumConfidence))
    }

    /// Scans one segment, offering its findings to the message's cap; false once the scan
    /// was cancelled (this segment and every later one are then not scanned).
    @discardableResult
    public mutating func scan(_ segment: TextSegment) -> Bool {
        guard !isStopped else { return false }
        if ScanCancellation.shouldStop(at: .segment) {
            isStopped = true
            return false
        }
        if segment.location.kind == .header, DetectionEngine.addressHeaders.contains(segment.location.name) { return true }
        var scanner = SegmentScanner(index: engine.index, settings: engine.settings, segment: segment,
                                     columns: tableColumns.columns(for: segment), householdPupils: householdPupils, sink: sink)
        let offeredBefore = sink.offered
        scanner.run()
        if segment.role == .filename, sink.offered > offeredBefore || !scanner.references.isEmpty {
            identifyingNames.insert(segment.text)
            identifyingNames.insert(segment.location.name)
        }
        bulk.add(scanner.references, segment: segment)
        return true
    }

    /// The findings and problems, after the attachment checks and bulk counts that need
    /// the whole message: `content` is the message's content (its segments, if any, are
    /// not read again; they must have been passed to `scan(_:)`).
    public func finish(with content: MessageContent) -> Detection {
        sink.add(AttachmentChecks.findings(for: content, images: engine.settings.images))
        sink.add(bulk.findings(threshold: engine.settings.thresholds.bulkPupils))
        let redaction = LocationRedaction(identifyingNames: identifyingNames)
        let omitted = sink.cap.omittedInOrder.map { omitted in
            var redacted = omitted
            redacted.firstLocation = redaction.apply(omitted.firstLocation)
            return redacted
        }
        // With no name to redact, `apply` changes nothing: the findings are passed on uncopied.
        let findings = redaction.isEmpty ? sink.kept : sink.kept.map(redaction.apply)
        return Detection(findings: findings, problems: content.problems.map(redaction.apply), omitted: omitted)
    }
}
