import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct ProximityTests {
    static func special(_ text: String, role: TextSegment.Role = .prose, window: Int = 300) -> [Finding] {
        var thresholds = Configuration.Thresholds()
        thresholds.proximityWindow = window
        let engine = DetectionEngine(roster: TestSchool.roster, thresholds: thresholds)
        return TestSchool.findings(text, role: role, engine: engine).filter { $0.detector == .specialCategory }
    }

    @Test(arguments: [
        ("Jonah Pemberton has a new EHCP.", "send"),
        ("Jonah Pemberton was referred to CAMHS.", "health"),
        ("Safeguarding concern about Jonah Pemberton.", "safeguarding"),
        ("Jonah Pemberton is eligible for free school meals.", "disadvantage"),
        ("Jonah Pemberton: fixed-term exclusion", "behaviour"),
        ("B801200005001 ADHD assessment", "send"),
    ])
    func termNearPupil(text: String, family: String) throws {
        let finding = try #require(Self.special(text).first)
        #expect(finding.detail == family)
        #expect(finding.pupil == "B801200005001")
        #expect(!finding.evidence.contains("Jonah"))
    }

    @Test func termWithoutAPupilIsNothing() {
        #expect(Self.special("Our SENCO will run the EHCP training on Monday.").isEmpty)
    }

    @Test func caseSensitiveAbbreviationsNeedTheirCase() {
        #expect(Self.special("Jonah Pemberton will add the numbers.").isEmpty)
        #expect(Self.special("Jonah Pemberton has ADD.").first?.detail == "send")
    }

    @Test func windowDecidesAcrossSentences() {
        let text = "Jonah Pemberton joined the choir. " + String(repeating: "The concert is soon. ", count: 3) + "Self-harm training is on Friday."
        #expect(Self.special(text, window: 300).count == 1)
        #expect(Self.special(text, window: 20).isEmpty)
    }

    @Test func sameSentenceCountsBeyondTheWindow() {
        let text = "Jonah Pemberton, " + String(repeating: "who really likes football and music, ", count: 5) + "has asthma."
        #expect(Self.special(text, window: 10).count == 1)
    }

    @Test func aSentenceThatNamesAPupilKeepsItsMentionToThatPupil() {
        let found = Self.special("Jonah Pemberton joined the choir. Ali Rahman has asthma.")
        #expect(found.map(\.pupil) == ["k-ali"], "the asthma is Ali's sentence; Jonah's is only near it")
    }

    @Test func aSentenceWithoutANameGoesOnAboutThePupilLastNamed() {
        let found = Self.special("Ali Rahman (10C). Notes: asthma. Jonah Pemberton (8B). Notes: none.")
        #expect(found.map(\.pupil) == ["k-ali"])
        let reply = "Thank you, I've updated his healthcare plan.\n\n> Ali Rahman was poorly again. His cousin Jonah Pemberton is staying with us."
        #expect(Self.special(reply).map(\.pupil) == ["k-ali"], "a heading or a reply's new text goes with the next name, not every name below")
        let both = Self.special("Ali Rahman and Jonah Pemberton missed the trip. Both were in hospital.")
        #expect(Set(both.compactMap(\.pupil)) == ["k-ali", "B801200005001"])
    }

    @Test func sameTableRowCounts() {
        let row = "Pemberton\tJonah\t" + String(repeating: "x", count: 400) + "\tSEN Support"
        #expect(Self.special(row, role: .tableRow, window: 10).first?.detail == "send")
    }

    @Test func dateOfBirthMatchingTheRosterIsHighConfidence() throws {
        let finding = try #require(TestSchool.findings("Jonah Pemberton 14/03/2012").first { $0.detector == .dateOfBirth })
        #expect(finding.confidence >= 0.9)
        #expect(finding.evidence.hasPrefix("**/**/2012"))
        let written = TestSchool.findings("Jonah Pemberton was born on 14th March 2012")
        #expect(written.contains { $0.detector == .dateOfBirth })
    }

    @Test func ordinaryDateNearAPupilIsNotADateOfBirth() {
        #expect(!TestSchool.kinds("Jonah Pemberton's parents evening is on 12/03/2026.").contains(.dateOfBirth))
        #expect(TestSchool.kinds("Jonah Pemberton DOB: 01/02/2012").contains(.dateOfBirth))
    }

    @Test func rosterAddressNearThePupil() throws {
        let finding = try #require(TestSchool.findings("Jonah Pemberton, 17 Larchfield Road, LS17 7PX").first { $0.detector == .pupilAddress })
        #expect(finding.pupil == "B801200005001")
        #expect(!finding.evidence.contains("7PX"))
        let alone = try #require(TestSchool.findings("Deliveries to LS17 7PX only").first { $0.detector == .pupilPostcode })
        #expect(alone.confidence < 0.6)
    }
}
