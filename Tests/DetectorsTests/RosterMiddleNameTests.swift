import ChaperoneModel
import Testing
@testable import Detectors

/// Middle names from the roster (SIMS "Middle Name(s)", CTF MiddleNames): forename,
/// middle name(s) and surname are a full-name reference; a different capitalised middle
/// word between a roster forename and surname still is one, as without roster middle names.
@Suite struct RosterMiddleNameTests {
    static let students: [Student] = TestSchool.students + [
        Student(key: "k-amara", legalForename: "Amara", middleNames: "Grace Louise", surname: "Okafor"),
        Student(key: "k-ben", legalForename: "Ben", middleNames: "Tobias", surname: "Okafor"),
    ]
    static let engine = DetectionEngine(roster: Roster(students: students), thresholds: .init())

    static func names(_ text: String) -> [Finding] {
        TestSchool.findings(text, engine: engine).filter { $0.detector == .pupilName }
    }

    @Test(arguments: [
        ("Amara Grace Okafor was absent", "k-amara", 0.9),
        ("Amara Grace Louise Okafor", "k-amara", 0.9),
        ("OKAFOR Amara Grace", "k-amara", 0.9),  // the SIMS form "OKAFOR Amara", once
        ("Amara grace Okafor", "k-amara", 0.75),  // the roster's own middle name, in lower case
        ("Amara Joy Okafor", "k-amara", 0.85),  // not the roster's middle name: still a reference
        ("Ben Tobias Okafor", "k-ben", 0.9),
    ])
    func forenameMiddleNamesSurname(text: String, key: String, confidence: Double) throws {
        let found = Self.names(text)
        #expect(found.count == 1, "\(text): \(found)")
        let finding = try #require(found.first)
        #expect(finding.pupil == key)
        #expect(abs(finding.confidence - confidence) < 0.001, "\(text): \(finding.confidence)")
    }

    @Test(arguments: [
        "Grace Okafor called",  // a middle name and surname: perhaps a parent, not a reference
        "Amara Tobias Pemberton",  // forename and surname of different pupils
        "Grace Louise Okafor",
        "Amara, Grace, Okafor",
    ])
    func notReferences(text: String) {
        #expect(Self.names(text).isEmpty, "\(text)")
    }
}
