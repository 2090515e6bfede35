import ChaperoneModel

/// Findings of one detector past the cap: only counted, with where the first was and
/// the highest confidence among them.
public struct OmittedFindings: Hashable, Sendable {
    public var detector: DetectorKind
    public var count: Int
    public var firstLocation: TextLocation
    public var highestConfidence: Double
}

/// Bounds the findings one message keeps by what the policy needs, not by what is found:
/// of each detector, the first `examples` findings are kept, and past them only the first
/// finding of each (pupil, meets the minimum confidence) class. The policy's rules ask
/// only whether such a class is empty (`FindingSummary`), so they decide the same on
/// the kept findings as on all of them; everything else is counted per detector.
struct FindingCap {
    private struct Class: Hashable {
        var detector: DetectorKind
        var pupil: String?
        var confident: Bool
    }

    let examples: Int
    let minimumConfidence: Double
    private var keptPerDetector: [DetectorKind: Int] = [:]
    private var seenClasses: Set<Class> = []
    private(set) var omitted: [DetectorKind: OmittedFindings] = [:]
    /// Detectors in the order they first had a finding omitted (for a stable report).
    private(set) var omittedOrder: [DetectorKind] = []

    init(examples: Int, minimumConfidence: Double) {
        self.examples = max(1, examples)
        self.minimumConfidence = minimumConfidence
    }

    /// Appends to `kept` the findings of `found` that the cap keeps, counts the rest.
    mutating func add(_ found: [Finding], to kept: inout [Finding]) {
        for finding in found {
            let isNewClass = seenClasses.insert(Class(detector: finding.detector, pupil: finding.pupil,
                                                      confident: finding.confidence >= minimumConfidence)).inserted
            let count = keptPerDetector[finding.detector, default: 0]
            if isNewClass || count < examples {
                keptPerDetector[finding.detector] = count + 1
                kept.append(finding)
            } else if omitted[finding.detector] != nil {
                omitted[finding.detector]!.count += 1
                omitted[finding.detector]!.highestConfidence = max(omitted[finding.detector]!.highestConfidence, finding.confidence)
            } else {
                omitted[finding.detector] = OmittedFindings(detector: finding.detector, count: 1, firstLocation: finding.location,
                                                            highestConfidence: finding.confidence)
                omittedOrder.append(finding.detector)
            }
        }
    }

    var omittedInOrder: [OmittedFindings] { omittedOrder.compactMap { omitted[$0] } }
}
