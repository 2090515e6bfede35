import ArgumentParser
import ChaperoneModel
import Detectors
import Foundation

/// `chaperone-bench upn`: the false-positive rate of the UPN rule on generated
/// look-alikes. Every token is a letter and twelve digits with a valid check letter
/// (what 1 in 23 random references are) and none is a roster pupil's; each is written in
/// a reference-number sentence ("Booking reference …") and in a sentence with no
/// context ("Code … attached"). A look-alike is a false positive when its UPN finding
/// reaches the firing threshold. Deterministic: the same seed gives the same numbers.
struct UPNLookAlikeBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upn",
        abstract: "False-positive rate of the UPN rule on generated reference-number look-alikes."
    )

    @Option(help: "Look-alike tokens to generate.")
    var count = 10_000

    @Option(help: "Seed for the generator.")
    var seed: UInt64 = 10

    static let referenceSentences = [
        "Your booking reference is %@.", "Order %@ has been dispatched.", "Invoice no. %@ is attached.",
        "Confirmation number: %@", "Ref: %@ - please quote this.", "Ticket %@ for the Year 8 trip.",
        "Your order reference %@ is confirmed.", "Transaction %@ (receipt attached)",
    ]
    static let plainSentences = ["Code %@ attached.", "Please see %@ below.", "%@", "Item %@ in the list."]

    func run() throws {
        var generator = SplitMix(seed: seed)
        let roster = SyntheticSchool.roster(pupils: 2_000)
        let engine = DetectionEngine(roster: roster, thresholds: .init())
        let threshold = Configuration.Thresholds().minimumConfidence
        let rosterUPNs = Set(roster.students.compactMap(\.upn))
        var tokens: [String] = []
        while tokens.count < count {
            let body = String((0..<12).map { _ in Character(String(generator.next() % 10)) })
            guard let letter = UniquePupilNumber.checkLetter(forBody: body), UniquePupilNumber.validate(String(letter) + body) != nil
            else { continue }
            let token = String(letter) + body
            if !rosterUPNs.contains(token) { tokens.append(token) }
        }
        for (label, sentences) in [("reference context", Self.referenceSentences), ("no context", Self.plainSentences)] {
            var flagged = 0
            for (index, token) in tokens.enumerated() {
                let text = sentences[index % sentences.count].replacingOccurrences(of: "%@", with: token)
                let segment = TextSegment(location: .body("1"), text: text)
                let findings = engine.findings(in: MessageContent(segments: [segment]))
                if findings.contains(where: { $0.detector == .upn && $0.confidence >= threshold }) { flagged += 1 }
            }
            let rate = Double(flagged) / Double(tokens.count) * 100
            print("\(label): \(flagged) of \(tokens.count) valid-check look-alikes flagged = \(DetectBenchmark.format(rate)) %")
        }
    }
}

/// SplitMix64, a small deterministic generator for repeatable benchmarks.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
