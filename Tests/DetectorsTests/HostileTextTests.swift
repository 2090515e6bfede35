import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct HostileTextTests {
    /// Deterministic pseudo-random text mixing the characters the scanners react to.
    static func noise(seed: UInt64, length: Int) -> String {
        let alphabet = Array("aZ09 @.-_/:=+()\t\n,'’éß€😀07B8012000050014410LS17PX") + ["\u{0301}", "\u{FEFF}", "\u{0}"]
        var state = seed
        var result = ""
        for _ in 0..<length {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            result.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        return result
    }

    @Test(arguments: 0..<40)
    func randomTextNeverCrashes(seed: Int) {
        let text = Self.noise(seed: UInt64(seed), length: 2_000)
        for role in [TextSegment.Role.prose, .tableRow] {
            let findings = TestSchool.findings(text, role: role, row: role == .tableRow ? 0 : nil)
            #expect(findings.allSatisfy { (0...1).contains($0.confidence) })
        }
    }

    @Test func degenerateInputs() {
        for text in ["", "@", "@@@@@@@@", String(repeating: "@a.", count: 5_000), String(repeating: "0", count: 100_000),
                     String(repeating: "password: ", count: 2_000), String(repeating: "07700 ", count: 5_000),
                     String(repeating: "Jonah Pemberton EHCP ", count: 3_000), "+", "07", "\u{301}\u{301}"] {
            _ = TestSchool.findings(text)
        }
        let many = TestSchool.findings(String(repeating: "Jonah Pemberton EHCP ", count: 3_000))
        #expect(many.filter { $0.detector == .specialCategory }.count == 1, "one finding per pupil and family per segment")
    }
}
