/// Which detector produced a finding. The raw value is the stable name used in JSON,
/// the store and explanations.
public enum DetectorKind: String, CaseIterable, Codable, Hashable, Sendable {
    /// A Unique Pupil Number with a valid check letter.
    case upn
    /// A Unique Learner Number with a valid check digit.
    case uln
    /// An NHS number with a valid check digit.
    case nhsNumber = "nhs-number"
    /// A National Insurance number of valid shape.
    case nationalInsurance = "national-insurance"
    /// A roster pupil's full name.
    case pupilName = "pupil-name"
    /// A roster pupil's or contact's email address written in the text.
    case pupilEmail = "pupil-email"
    /// A roster pupil's postcode.
    case pupilPostcode = "pupil-postcode"
    /// A date of birth near a referenced pupil.
    case dateOfBirth = "date-of-birth"
    /// A roster pupil's address near a reference to that pupil.
    case pupilAddress = "pupil-address"
    /// A special-category term (safeguarding, SEND, health, …) near a referenced pupil.
    case specialCategory = "special-category"
    /// Many distinct pupils in one message, attachment or table.
    case bulkPupilData = "bulk-pupil-data"
    /// A table or CSV whose header row looks like an MIS export.
    case misExport = "mis-export"
    /// A UK mobile phone number.
    case mobileNumber = "mobile-number"
    /// A personal-webmail address written in the text.
    case personalEmail = "personal-email"
    /// A social-media handle or profile link.
    case socialMedia = "social-media"
    /// Wording that asks for secrecy or a private meeting ("don't tell your mum", "keep
    /// this between us", "come round to my house"): a §3 sign when staff write it to a pupil.
    case privateContact = "private-contact"
    /// A login or password being shared.
    case credential
    /// An executable or macro-enabled attachment.
    case executableAttachment = "executable-attachment"
    /// An image or video attachment.
    case imageAttachment = "image-attachment"
    /// A small image (logo, icon, signature picture, tracking pixel) that is not a
    /// photo of a pupil: reported, fires no rule.
    case decorativeImage = "decorative-image"
    /// Content that could not be scanned (encrypted, over a limit, malformed).
    case unscannableContent = "unscannable-content"
    /// Many families' or organisations' addresses in To and Cc, visible to each other
    /// (evidence is the count, never the addresses).
    case exposedRecipients = "exposed-recipients"
}
