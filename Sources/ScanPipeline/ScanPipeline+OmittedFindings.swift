import ChaperoneModel
import Detectors

extension ScanPipeline {
    /// One finding per detector whose findings went past `limits.max_findings_per_detector`,
    /// added after the policy has decided (so it changes nothing): the count left out,
    /// where the first was, and the sections and rules the listed findings of that detector fired.
    static func summaries(of omitted: [OmittedFindings], listed: [Finding], limit: Int) -> [Finding] {
        omitted.map { omitted in
            let sameDetector = listed.filter { $0.detector == omitted.detector }
            let sections = Set(sameDetector.flatMap(\.sections))
            let rules = Set(sameDetector.flatMap(\.rules))
            return Finding(
                detector: omitted.detector, location: omitted.firstLocation, evidence: "\(omitted.count) more",
                confidence: omitted.highestConfidence,
                detail: "\(omitted.count) more \(omitted.detector.rawValue) findings counted, not listed (limits.max_findings_per_detector: \(limit))",
                sections: sections.sorted(), rules: rules.sorted())
        }
    }
}
