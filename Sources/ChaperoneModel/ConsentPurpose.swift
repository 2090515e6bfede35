/// What a pupil's image may be used for, as schools record it in the MIS (SIMS keeps
/// "Parental Consents", Arbor and Bromcom consent types named by each school). Vendor
/// headings are mapped onto these three by RosterImport.
public enum ConsentPurpose: String, CaseIterable, Codable, Hashable, Sendable, Comparable {
    /// Photographs in the school's own publications: newsletters, displays, prospectus.
    case schoolPublications = "school_publications"
    /// Photographs on the school's website and official social-media accounts.
    case website
    /// Photographs given to the press and other media outside the school.
    case pressAndMedia = "press_and_media"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Plain English for explanations: "school publications".
    public var wording: String {
        switch self {
        case .schoolPublications: "school publications"
        case .website: "the school website"
        case .pressAndMedia: "the press and media"
        }
    }
}

/// What the school holds for one pupil and one purpose. A purpose the roster says
/// nothing about is `unknown`, never `granted`.
public enum ConsentState: String, Codable, Hashable, Sendable {
    case granted
    case refused
    case unknown
}
