/// A section of the school's Online Safety and Social Media Guidance that Chaperone enforces.
///
/// The raw value is the section number as the policy document writes it, and is the
/// spelling used in JSON output, headers and the store.
public enum Section: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    case socialContact = "3"
    case socialMedia = "4"
    case images = "5"
    case internetUse = "7"
    case unacceptableUse = "7.2"
    case confidentiality = "8"

    /// The section's heading in the policy document.
    public var title: String {
        switch self {
        case .socialContact: "Social Contact with Students"
        case .socialMedia: "Social Media"
        case .images: "Creating Images of Students through Video or Photography"
        case .internetUse: "Internet Use"
        case .unacceptableUse: "Unacceptable Use"
        case .confidentiality: "Confidentiality and Security"
        }
    }

    /// One line that states the rule in plain English, for explanations.
    public var rule: String {
        switch self {
        case .socialContact:
            "Staff must contact students only through school channels and must not give students their personal phone number, email address or social media identities."
        case .socialMedia:
            "Staff must not have contact with students through social media or share social media identities with them."
        case .images:
            "Images of students must not be distributed without explicit written consent, and never to personal or outside addresses."
        case .internetUse:
            "Staff must not share logins or password information with anyone."
        case .unacceptableUse:
            "School systems must not be used to send student information to personal accounts, or to send executable or macro-enabled files outside the school."
        case .confidentiality:
            "Confidential student data must only be shared with people entitled to it, by secure means."
        }
    }

    public static func < (lhs: Section, rhs: Section) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: Double { Double(rawValue) ?? 0 }
}
