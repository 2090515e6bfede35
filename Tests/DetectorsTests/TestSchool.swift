import ChaperoneModel
@testable import Detectors

/// A small fictional roster shared by the detector tests.
enum TestSchool {
    static let students: [Student] = [
        Student(key: "B801200005001", upn: "B801200005001", uln: "9276308686", legalForename: "Jonah",
                surname: "Pemberton", dateOfBirth: SchoolDate(year: 2012, month: 3, day: 14),
                schoolEmail: "jpemberton@pupils.ralphthoresby.example", addressLines: ["17 Larchfield Road", "Moortown"],
                postcode: "LS17 7PX"),
        Student(key: "k-summer", legalForename: "Summer", surname: "Brook"),
        Student(key: "k-will", legalForename: "William", preferredForename: "Will", surname: "Parker"),
        Student(key: "k-rose", legalForename: "Rose", surname: "Hill"),
        Student(key: "k-zoe", legalForename: "Zoë", surname: "Okafor-Brennan"),
        Student(key: "k-ciaran", legalForename: "Ciarán", surname: "O'Neill"),
        Student(key: "k-ali", legalForename: "Ali", surname: "Rahman"),
        Student(key: "k-twin1", legalForename: "Sam", surname: "Ackroyd"),
        Student(key: "k-twin2", legalForename: "Sam", surname: "Ackroyd", dateOfBirth: SchoolDate(year: 2013, month: 1, day: 2)),
    ]

    static let contacts = [
        Contact(key: "c1", name: "Helen Pemberton", emails: ["helen.pemberton@hotmail.co.uk"], pupilKeys: ["B801200005001"]),
    ]

    static let roster = Roster(students: students, contacts: contacts)
    static let engine = DetectionEngine(roster: roster, thresholds: .init())

    static func findings(_ text: String, role: TextSegment.Role = .prose, row: Int? = nil,
                         engine: DetectionEngine = engine) -> [Finding] {
        let segment = TextSegment(location: .body("1"), role: role, text: text, table: row == nil ? nil : 0, row: row)
        return engine.findings(in: MessageContent(segments: [segment]))
    }

    static func kinds(_ text: String) -> [DetectorKind] {
        findings(text).map(\.detector)
    }

    /// Generated pupils with valid UPNs and unique invented names.
    static func generated(_ count: Int) -> [Student] {
        (0..<count).map { index in
            let body = "3834321250" + (index < 10 ? "0\(index)" : "\(index)")
            let upn = String(UniquePupilNumber.checkLetter(forBody: body) ?? "A") + body
            let syllables = ["ba", "ket", "lo", "mir", "dan", "sor", "vel", "tin", "ka", "ro"]
            let name = syllables[index % 10] + syllables[(index / 10) % 10] + "wick"
            return Student(key: upn, upn: upn, legalForename: "Quentaro", surname: name.prefix(1).uppercased() + name.dropFirst())
        }
    }
}
