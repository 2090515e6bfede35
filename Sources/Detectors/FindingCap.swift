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
    let examples: Int
    let minimumConfidence: Double
    /// The detectors met so far, in the order met: a detector's position is its slot in
    /// `keptPerSlot` and `omittedPerSlot`. A message meets a handful, so finding one is
    /// a short scan, not a hash of the kind's raw String.
    private var slotKinds: [DetectorKind] = []
    private var keptPerSlot: [Int] = []
    private var omittedPerSlot: [OmittedFindings?] = []
    /// Classes seen, each (detector slot, pupil number, meets the minimum confidence)
    /// packed in one integer.
    private var seenClasses: Set<Int64> = []
    /// Each pupil key met → a number for it (a class names the pupil by that number), and
    /// each roster position met → its key's number, so a scanner's finding about a pupil
    /// costs a string only the first time that pupil is met.
    private var pupilNumbers: [String: Int32] = [:]
    private var studentNumbers: [Int32: Int32] = [:]
    /// Detectors in the order they first had a finding omitted (for a stable report).
    private(set) var omittedOrder: [DetectorKind] = []

    init(examples: Int, minimumConfidence: Double) {
        self.examples = max(1, examples)
        self.minimumConfidence = minimumConfidence
    }

    /// Whether a finding of `detector` about `pupil` with `confidence` is kept; when it
    /// is not, it is counted here instead.
    mutating func admit(_ detector: DetectorKind, pupil: String?, confidence: Double, location: TextLocation) -> Bool {
        var number: Int32 = -1
        if let pupil { number = self.number(ofKey: pupil) }
        return admit(detector, pupilNumber: number, confidence: confidence, location: location)
    }

    /// As `admit(_:pupil:confidence:location:)` for a finding about the pupil at roster
    /// position `student`, whose key `key(student)` is asked only the first time.
    mutating func admit(_ detector: DetectorKind, student: Int32, key: (Int32) -> String, confidence: Double,
                        location: TextLocation) -> Bool {
        let number: Int32
        if let known = studentNumbers[student] {
            number = known
        } else {
            number = self.number(ofKey: key(student))
            studentNumbers[student] = number
        }
        return admit(detector, pupilNumber: number, confidence: confidence, location: location)
    }

    private mutating func number(ofKey key: String) -> Int32 {
        if let known = pupilNumbers[key] { return known }
        let number = Int32(pupilNumbers.count)
        pupilNumbers[key] = number
        return number
    }

    private mutating func admit(_ detector: DetectorKind, pupilNumber: Int32, confidence: Double, location: TextLocation) -> Bool {
        let slot: Int
        if let known = slotKinds.firstIndex(of: detector) {
            slot = known
        } else {
            slot = keptPerSlot.count
            slotKinds.append(detector)
            keptPerSlot.append(0)
            omittedPerSlot.append(nil)
        }
        // Slot and pupil number are both below 2^31; the confidence flag is bit 0.
        let packed = Int64(slot) << 33 | Int64(UInt32(bitPattern: pupilNumber)) << 1 | (confidence >= minimumConfidence ? 1 : 0)
        let isNewClass = seenClasses.insert(packed).inserted
        if isNewClass || keptPerSlot[slot] < examples {
            keptPerSlot[slot] += 1
            return true
        }
        if omittedPerSlot[slot] == nil {
            omittedPerSlot[slot] = OmittedFindings(detector: detector, count: 1, firstLocation: location,
                                                   highestConfidence: confidence)
            omittedOrder.append(detector)
        } else {
            omittedPerSlot[slot]!.count += 1
            if confidence > omittedPerSlot[slot]!.highestConfidence { omittedPerSlot[slot]!.highestConfidence = confidence }
        }
        return false
    }

    /// What was counted and not kept, per detector.
    var omitted: [DetectorKind: OmittedFindings] {
        Dictionary(uniqueKeysWithValues: omittedInOrder.map { ($0.detector, $0) })
    }

    var omittedInOrder: [OmittedFindings] { omittedOrder.compactMap { slotKinds.firstIndex(of: $0).flatMap { omittedPerSlot[$0] } } }
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

    /// As `admits(_:pupil:confidence:location:)` for the pupil at roster position
    /// `student`, whose key `key(student)` is asked only the first time the message names them.
    func admits(_ detector: DetectorKind, student: Int32, key: (Int32) -> String, confidence: Double,
                location: TextLocation) -> Bool {
        offered += 1
        return cap.admit(detector, student: student, key: key, confidence: confidence, location: location)
    }

    func keep(_ finding: consuming Finding) {
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
