import ChaperoneModel
import Testing
@testable import Detectors

@Suite struct NameMatchingTests {
    static func pupils(_ text: String, role: TextSegment.Role = .prose) -> [String?] {
        TestSchool.findings(text, role: role).filter { $0.detector == .pupilName }.map(\.pupil)
    }

    @Test(arguments: [
        ("Jonah Pemberton was absent", "B801200005001"),
        ("JONAH PEMBERTON", "B801200005001"),
        ("jonah pemberton", "B801200005001"),
        ("Pemberton, Jonah", "B801200005001"),
        ("Dear Jonah\nPemberton", "B801200005001"),
        ("Jonah Pemberton's report", "B801200005001"),
        ("Zoë Okafor-Brennan", "k-zoe"),
        ("Zoe Okafor Brennan", "k-zoe"),
        ("ZOË OKAFOR-BRENNAN", "k-zoe"),
        ("Zoe Okafor-\nBrennan", "k-zoe"),
        ("Ciarán O'Neill", "k-ciaran"),
        ("Ciaran O’Neill", "k-ciaran"),
        ("Ciaran ONeill", "k-ciaran"),
        ("Summer Brook", "k-summer"),
        ("Will Parker", "k-will"),
        ("William Parker", "k-will"),
        ("Parker, Will", "k-will"),
        ("Rose Hill", "k-rose"),
        ("Ali Rahman", "k-ali"),
    ])
    func matches(text: String, key: String) {
        #expect(Self.pupils(text) == [key])
    }

    @Test(arguments: [
        "Alice Rahman",  // "Ali" inside "Alice"
        "Ali Rahmani",
        "Jonah came in",  // lone forename
        "Mr Pemberton called",  // lone surname
        "we will parker the car",  // common word, not capitalised
        "a summer brook runs by",
        "the rose hill garden",
        "Pemberton Jonah",  // reversed without a comma
        "Jonah, Pemberton",  // forward split by a comma
        "jonah.pemberton",  // address-like, not a name
        "Jonahpemberton",
    ])
    func doesNotMatch(text: String) {
        #expect(Self.pupils(text).isEmpty)
    }

    @Test func namesInTableCellsEitherWayRound() {
        #expect(Self.pupils("Pemberton\tJonah\t9A", role: .tableRow) == ["B801200005001"])
        #expect(Self.pupils("B12\tJonah\tPemberton\t9A", role: .tableRow) == ["B801200005001"])
        #expect(Self.pupils("hill\trose\t9A", role: .tableRow) == ["k-rose"], "a table row is context enough")
    }

    @Test func sharedNameIsNotLinkedToEitherPupil() throws {
        let finding = try #require(TestSchool.findings("Sam Ackroyd").first { $0.detector == .pupilName })
        #expect(finding.pupil == nil)
        #expect(finding.detail == "name shared by 2 pupils")
    }

    @Test func commonWordNamesHaveLowerConfidence() throws {
        let common = try #require(TestSchool.findings("Rose Hill").first)
        let distinctive = try #require(TestSchool.findings("Jonah Pemberton").first)
        #expect(common.confidence < distinctive.confidence)
    }

    @Test func overlappingNamesAreAllFound() {
        let roster = Roster(students: [
            Student(key: "a", legalForename: "Amy", surname: "Lee"),
            Student(key: "b", legalForename: "Lee", surname: "Clarke"),
        ])
        let engine = DetectionEngine(roster: roster, thresholds: .init())
        let keys = TestSchool.findings("Amy Lee Clarke", engine: engine).compactMap(\.pupil)
        #expect(Set(keys) == ["a", "b"])
    }
}

@Suite struct NormalisationTests {
    @Test func foldsCaseDiacriticsAndPunctuation() {
        let text = NormalisedText("  Zoë  O’Neill-Smith,\n\tß ÆSIR!! ")
        #expect(String(decoding: text.bytes, as: UTF8.self) == "zoe o neill smith ss aesir")
    }

    @Test func otherScriptsFoldCase() {
        #expect(NormalisedText("ЖАННА Ωμέγα").bytes == NormalisedText("жанна ωμέγα").bytes)
    }

    @Test func decomposedAccentsFold() {
        #expect(String(decoding: NormalisedText("Zoe\u{0308}").bytes, as: UTF8.self) == "zoe")
    }

    @Test func offsetsMapBackToTheSource() {
        let source = "Hi, Zoë Smith!"
        let text = NormalisedText(source)
        let bytes = Array(source.utf8)
        let range = text.rawRange(3, 12)
        #expect(String(decoding: bytes[range], as: UTF8.self) == "Zoë Smith")
    }
}
