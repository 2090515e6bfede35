import ChaperoneModel
@testable import Policy

/// An invented school: two pupils, their parents, one member of staff.
enum PolicyFixtures {
    static let roster = Roster(
        students: [
            Student(key: "A123", legalForename: "Jessica", surname: "Stone",
                    schoolEmail: "jstone@pupils.school.example", personalEmails: ["jess.stone.99@gmail.com"],
                    contactKeys: ["C1"]),
            Student(key: "B456", legalForename: "Tom", surname: "Field",
                    schoolEmail: "tfield@pupils.school.example", contactKeys: ["C2"]),
        ],
        contacts: [
            Contact(key: "C1", name: "Mary Stone", emails: ["mary.stone@hotmail.co.uk"], pupilKeys: ["A123"]),
            Contact(key: "C2", name: "Paul Field", emails: ["pfield@example.net"], pupilKeys: ["B456"]),
        ],
        staff: [StaffMember(email: "k.teacher@school.example", name: "Kim Teacher", personalEmails: ["kim.t@yahoo.co.uk"])]
    )

    static var configuration: Configuration {
        var configuration = Configuration()
        configuration.school.name = "Test School"
        configuration.school.domains = ["school.example"]
        configuration.school.partnerDomains = ["leeds.gov.uk", "nhs.net"]
        return configuration
    }

    static let webmail: Set<String> = ["gmail.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com"]

    static func engine(_ configuration: Configuration = configuration) -> PolicyEngine {
        PolicyEngine(configuration: configuration, roster: roster, webmailDomains: webmail)
    }

    static func finding(_ kind: DetectorKind, pupil: String? = nil, confidence: Double = 0.95, at location: TextLocation = .body("1")) -> Finding {
        Finding(detector: kind, location: location, evidence: "X***", confidence: confidence, pupil: pupil)
    }

    static let sender = "k.teacher@school.example"
}
