import ChaperoneModel

/// Plain-English names for detectors and locations, used in explanations and notices.
public enum FindingWording {
    /// "a Unique Pupil Number", "a student's name", …
    public static func noun(for finding: Finding) -> String {
        switch finding.detector {
        case .upn: "a Unique Pupil Number"
        case .uln: "a Unique Learner Number"
        case .nhsNumber: "an NHS number"
        case .nationalInsurance: "a National Insurance number"
        case .pupilName: "a student's name"
        case .pupilEmail: "a student's email address"
        case .pupilPostcode: "a student's postcode"
        case .dateOfBirth: "a date of birth"
        case .pupilAddress: "a student's home address"
        case .specialCategory: "sensitive information" + (finding.detail.map { " (\($0))" } ?? "")
        case .bulkPupilData: "data about many students" + (finding.detail.map { " (\($0))" } ?? "")
        case .misExport: "a student data export"
        case .mobileNumber: "a mobile phone number"
        case .personalEmail: "a personal email address"
        case .socialMedia: "a social media identity" + (finding.detail.map { " (\($0))" } ?? "")
        case .credential: "a login or password"
        case .executableAttachment: "an executable or macro-enabled file"
        case .imageAttachment: "an image or video"
        case .unscannableContent: "content that could not be checked"
        }
    }

    /// "the subject", "the message body", "the attachment 'x.docx'", …
    public static func place(_ location: TextLocation) -> String {
        switch location.kind {
        case .header: location.name == "subject" ? "the subject" : "the \(location.name) header"
        case .body: "the message body"
        case .attachment: "the attachment '\(location.name)'" + (location.detail.map { " (\($0))" } ?? "")
        case .attachmentName: "an attachment's name"
        }
    }
}
