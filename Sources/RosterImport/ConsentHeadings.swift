import ChaperoneModel
import Detectors

/// Which MIS CSV headings carry image consent, and for which purposes. SIMS exports
/// its "Parental Consents" as one column per consent type ("Photograph Student",
/// "School Website", "Press/Media"); Arbor and Bromcom consent types are named by
/// each school ("Photo Consent - Newsletter", "Media Permission"). Headings are read by
/// their words, after `MISColumn.key` normalisation:
/// - press, media (not social media), newspaper, publicity, TV → `press_and_media`;
/// - website, web, social media, online → `website`;
/// - publication, newsletter, prospectus, display, yearbook → `school_publications`;
/// - a photo, image, picture or video consent naming none of those → `school_publications`.
/// A heading needs a consent word (consent, permission, agree) or a purpose word, so a
/// "Photo" column holding a file path is not read as consent. `roster.consent_columns`
/// maps further headings (an empty list says a heading is not an image consent) and
/// wins over the words. Other consent headings (school trips, internet access) are
/// skipped and listed by `roster check`.
public struct ConsentHeadings: Sendable {
    /// Normalised heading → purposes, from the configuration.
    let configured: [String: [ConsentPurpose]]

    /// SIMS consent types that name no purpose or consent word.
    static let builtIn: [String: [ConsentPurpose]] = [
        "photographstudent": [.schoolPublications], "useofimages": [.schoolPublications], "useofphotographs": [.schoolPublications],
        "schoolpublications": [.schoolPublications], "publications": [.schoolPublications],
        "schoolwebsite": [.website], "website": [.website], "socialmedia": [.website],
        "press": [.pressAndMedia], "media": [.pressAndMedia], "pressmedia": [.pressAndMedia],
        "pressandmedia": [.pressAndMedia], "localpress": [.pressAndMedia], "newspaper": [.pressAndMedia],
    ]
    static let consentWords = ["consent", "permission", "agree", "approval"]
    static let imageWords = ["photo", "image", "picture", "video", "film", "camera"]
    /// Enough with a consent word alone.
    static let pressWords = ["press", "newspaper", "publicity", "media"]
    static let websiteWords = ["website", "socialmedia", "twitter", "facebook", "instagram"]
    /// Need an image word too ("Newsletter Consent" may be consent to receive one).
    static let imageOnlyWebsiteWords = ["web", "online"]
    static let publicationWords = ["publication", "newsletter", "prospectus", "display", "yearbook", "brochure"]

    public init(configured: [String: [ConsentPurpose]] = [:]) {
        var table: [String: [ConsentPurpose]] = [:]
        for (heading, purposes) in configured { table[Self.key(heading)] = purposes }
        self.configured = table
    }

    /// What a heading is: image consent for some purposes, another consent (skipped and
    /// reported), or not a consent at all.
    public enum Meaning: Equatable, Sendable {
        case imageConsent([ConsentPurpose])
        case otherConsent
        case none
    }

    public func meaning(of heading: String) -> Meaning {
        let key = Self.key(heading)
        if let purposes = configured[key] { return purposes.isEmpty ? .otherConsent : .imageConsent(purposes) }
        if let purposes = Self.builtIn[key] { return .imageConsent(purposes) }
        let hasConsentWord = Self.consentWords.contains { key.contains($0) }
        let hasImageWord = Self.imageWords.contains { key.contains($0) }
        guard hasConsentWord || hasImageWord else { return .none }
        let withoutSocial = key.replacing("socialmedia", with: "").replacing("multimedia", with: "")
        var purposes: [ConsentPurpose] = []
        if Self.pressWords.contains(where: { withoutSocial.contains($0) }) { purposes.append(.pressAndMedia) }
        if Self.websiteWords.contains(where: { key.contains($0) })
            || (hasImageWord && Self.imageOnlyWebsiteWords.contains { key.contains($0) }) {
            purposes.append(.website)
        }
        if hasImageWord, Self.publicationWords.contains(where: { key.contains($0) }) { purposes.append(.schoolPublications) }
        if purposes.isEmpty, hasImageWord, hasConsentWord { purposes = [.schoolPublications] }
        if !purposes.isEmpty { return .imageConsent(purposes.sorted()) }
        return hasConsentWord ? .otherConsent : .none
    }

    /// `MISColumn.key` with the punctuation vendors put in consent headings removed.
    static func key(_ heading: String) -> String {
        String(MISColumn.key(heading).unicodeScalars.filter { !":()/&,'+[]".unicodeScalars.contains($0) })
    }
}
