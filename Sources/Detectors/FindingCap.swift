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
///
/// The cap is asked before a finding is made (`admit`), so a finding it would only
/// count never has its redacted evidence built: past the cap, cost is a count.
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

    /// Whether a finding of `detector` about `pupil` with `confidence` is kept; when it
    /// is not, it is counted here instead.
    mutating func admit(_ detector: DetectorKind, pupil: String?, confidence: Double, location: TextLocation) -> Bool {
        let isNewClass = seenClasses.insert(Class(detector: detector, pupil: pupil,
                                                  confident: confidence >= minimumConfidence)).inserted
        let count = keptPerDetector[detector, default: 0]
        if isNewClass || count < examples {
            keptPerDetector[detector] = count + 1
            return true
        }
        if omitted[detector] != nil {
            omitted[detector]!.count += 1
            omitted[detector]!.highestConfidence = max(omitted[detector]!.highestConfidence, confidence)
        } else {
            omitted[detector] = OmittedFindings(detector: detector, count: 1, firstLocation: location,
                                                highestConfidence: confidence)
            omittedOrder.append(detector)
        }
        return false
    }

    var omittedInOrder: [OmittedFindings] { omittedOrder.compactMap { omitted[$0] } }
}

/// Where segment scanners' findings go: through the message's cap into the findings it
/// keeps. `offered` counts every finding made, kept or only counted. One per message,
/// shared by reference with each segment's scanner, so a scanner can offer findings
/// while it reads its own text.
final class FindingSink {
    private(set) var cap: FindingCap
    private(set) var kept: [Finding] = []
    private(set) var offered = 0

    init(cap: FindingCap) {
        self.cap = cap
    }

    /// Whether the cap keeps a finding with these properties (then `keep` it); a finding
    /// it does not keep is counted and need never be built.
    func admits(_ detector: DetectorKind, pupil: String?, confidence: Double, location: TextLocation) -> Bool {
        offered += 1
        return cap.admit(detector, pupil: pupil, confidence: confidence, location: location)
    }

    func keep(_ finding: Finding) {
        kept.append(finding)
    }

    /// Offers findings already made (attachment checks, bulk counts), in order.
    func add(_ found: [Finding]) {
        for finding in found
        where admits(finding.detector, pupil: finding.pupil, confidence: finding.confidence, location: finding.location) {
            kept.append(finding)
        }
    }
}
