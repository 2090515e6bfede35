/// Plain-English wording shared by the explanation in every decision, the notices to
/// staff and the review tools, so that all of them say the same thing the same way.
/// None of it repeats a filename: a filename may itself be a pupil's name.
extension RecipientClass {
    /// How a notice describes a recipient of this class to staff.
    public var wording: String {
        switch self {
        case .student: "a pupil"
        case .parent: "a parent or carer"
        case .internal: "inside the school"
        case .partner: "a partner organisation"
        case .personal: "a personal email account"
        case .external: "outside the school"
        }
    }
}

extension DetectorKind {
    /// What a notice calls a finding of this kind.
    public var wording: String {
        switch self {
        case .upn: "a Unique Pupil Number"
        case .uln: "a Unique Learner Number"
        case .nhsNumber: "an NHS number"
        case .nationalInsurance: "a National Insurance number"
        case .pupilName: "a pupil's name"
        case .pupilEmail: "a pupil's or parent's email address"
        case .pupilPostcode: "a pupil's postcode"
        case .dateOfBirth: "a date of birth"
        case .pupilAddress: "a pupil's home address"
        case .specialCategory: "sensitive information about a pupil"
        case .bulkPupilData: "information about many pupils"
        case .misExport: "an export from the school's information system"
        case .mobileNumber: "a mobile phone number"
        case .personalEmail: "a personal email address"
        case .socialMedia: "a social media identity"
        case .privateContact: "wording that asks for secrecy or a private meeting"
        case .credential: "a login or password"
        case .executableAttachment: "a program or macro-enabled file"
        case .imageAttachment: "a photo or video"
        case .decorativeImage: "a logo or icon"
        case .unscannableContent: "content that could not be checked"
        case .exposedRecipients: "recipients exposed to each other"
        }
    }
}

extension TextLocation {
    /// Where in the message, in words: "in the subject line", "in an attached .xlsx
    /// file (part 2, Sheet1!row 3)". Attachment names are left out, because a filename
    /// may itself be a pupil's name.
    public var wording: String {
        switch kind {
        case .header where name == "subject": "in the subject line"
        case .header: "in the \(name) header"
        case .body: "in the message text"
        case .attachment:
            "in an attached \(fileKind) (part \(partPath)" + (detail.map { ", \($0)" } ?? "") + ")"
        case .attachmentName: "in the name of an attached \(fileKind) (part \(partPath))"
        }
    }

    private var fileKind: String {
        guard let dot = name.lastIndex(of: "."), name.index(after: dot) != name.endIndex else { return "file" }
        let suffix = name[name.index(after: dot)...]
        guard suffix.count <= 5, suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return "file" }
        return ".\(suffix.lowercased()) file"
    }
}

extension Configuration {
    /// "What to do instead" for a section: the configured text (`explanations:`) or the
    /// built-in advice. Used by the explanation in every decision and by staff notices.
    public func advice(for section: Section) -> String {
        if let custom = explanations[section] { return custom }
        switch section {
        case .socialContact:
            return "Contact students only through school systems (their school email address or the learning platform), and never share your personal phone number, email or social media. If a student has contacted you personally, tell \(school.safeguardingLead)."
        case .socialMedia:
            return "Don't share social media identities or profile links with students."
        case .images:
            return "Check the school's consent list before sharing images of students: where a student named has no consent for this use (or it is not recorded), remove the name or the image, or ask for the consent to be recorded. Share images only through the school's approved systems, never to personal addresses."
        case .internetUse:
            return "Never send logins or passwords by email; use the school's password reset process."
        case .unacceptableUse:
            return "Send student information only to school accounts: remove the personal address, and share files through school systems rather than as attachments."
        case .confidentiality:
            return "Send sensitive student information only to people entitled to it, using the school's secure transfer system, and send a parent only their own child's information."
        }
    }
}
