import ChaperoneModel
import Testing
@testable import Detectors

/// The cap names a finding's pupil by a number (one string lookup the first time a
/// roster position or key is met) instead of hashing the key for every finding. It must
/// admit, count and report exactly what the string-keyed cap it replaced did, including
/// when two roster positions share a key and when the same pupil comes once by position
/// (a scanner's finding) and once by key (a finding made whole, as bulk counts are).
@Suite struct FindingCapClassTests {
    /// The cap as it was: classes keyed by (detector, key, meets the minimum confidence).
    struct StringKeyedCap {
        struct Class: Hashable {
            var detector: DetectorKind
            var pupil: String?
            var confident: Bool
        }

        let examples: Int
        let minimumConfidence: Double
        var kept: [DetectorKind: Int] = [:]
        var seen: Set<Class> = []
        var omitted: [DetectorKind: OmittedFindings] = [:]
        var order: [DetectorKind] = []

        mutating func admit(_ detector: DetectorKind, pupil: String?, confidence: Double, location: TextLocation) -> Bool {
            let isNew = seen.insert(Class(detector: detector, pupil: pupil, confident: confidence >= minimumConfidence)).inserted
            let count = kept[detector, default: 0]
            if isNew || count < examples {
                kept[detector] = count + 1
                return true
            }
            if omitted[detector] != nil {
                omitted[detector]!.count += 1
                omitted[detector]!.highestConfidence = max(omitted[detector]!.highestConfidence, confidence)
            } else {
                omitted[detector] = OmittedFindings(detector: detector, count: 1, firstLocation: location, highestConfidence: confidence)
                order.append(detector)
            }
            return false
        }
    }

    @Test(arguments: [1, 2, 5])
    func admitsAndCountsWhatTheStringKeyedCapDid(examples: Int) {
        // Positions 0…11; 3 and 7 share a key, as do 5 and 9.
        let keys = (0..<12).map { position in position == 7 ? "P-3" : position == 9 ? "P-5" : "P-\(position)" }
        let detectors: [DetectorKind] = [.pupilName, .upn, .dateOfBirth, .pupilEmail]
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        var reference = StringKeyedCap(examples: examples, minimumConfidence: 0.6)
        var cap = FindingCap(examples: examples, minimumConfidence: 0.6)
        var keysAsked = 0
        var decisions = 0, differences = 0
        for step in 0..<5_000 {
            let detector = detectors[next(detectors.count)]
            let confidence = [0.3, 0.6, 0.75, 0.95][next(4)]
            let location = TextLocation.attachment("list.csv", partPath: "2", detail: "row \(step)")
            let position = next(14)  // 12 and 13: no pupil
            let expected: Bool, admitted: Bool
            if position >= 12 {
                expected = reference.admit(detector, pupil: nil, confidence: confidence, location: location)
                admitted = cap.admit(detector, pupil: nil, confidence: confidence, location: location)
            } else if next(5) == 0 {
                expected = reference.admit(detector, pupil: keys[position], confidence: confidence, location: location)
                admitted = cap.admit(detector, pupil: keys[position], confidence: confidence, location: location)
            } else {
                expected = reference.admit(detector, pupil: keys[position], confidence: confidence, location: location)
                admitted = cap.admit(detector, student: Int32(position), key: { keysAsked += 1; return keys[Int($0)] },
                                     confidence: confidence, location: location)
            }
            decisions += 1
            if expected != admitted { differences += 1 }
        }
        #expect(differences == 0, "of \(decisions)")
        #expect(cap.omittedInOrder == reference.order.compactMap { reference.omitted[$0] })
        #expect(!cap.omittedInOrder.isEmpty)
        #expect(keysAsked <= keys.count, "a position's key is asked once")
    }
}
