/// A pupil on the school's roster. Every field but `key` and the names is optional,
/// because MIS exports differ in what they carry.
public struct Student: Codable, Hashable, Sendable {
    /// Stable roster key: the UPN when present, otherwise a key the importer makes
    /// from the source (`file:line`). Used to link findings, contacts and recipients.
    public var key: String
    public var upn: String?
    public var uln: String?
    public var legalForename: String
    public var preferredForename: String?
    /// Middle names as the MIS lists them ("Grace", "Grace Elizabeth"); empty when the
    /// export has none.
    public var middleNames: String?
    public var surname: String
    public var dateOfBirth: SchoolDate?
    public var yearGroup: String?
    public var regGroup: String?
    public var schoolEmail: String?
    public var personalEmails: [String]
    public var addressLines: [String]
    public var postcode: String?
    public var senStatus: String?
    public var freeSchoolMeals: Bool?
    /// Keys of this pupil's contacts (parents and carers).
    public var contactKeys: [String]
    /// Image consents recorded in the MIS; purposes not recorded are unknown.
    public var imageConsent: ImageConsent = ImageConsent()

    public init(
        key: String, upn: String? = nil, uln: String? = nil,
        legalForename: String, preferredForename: String? = nil, middleNames: String? = nil, surname: String,
        dateOfBirth: SchoolDate? = nil, yearGroup: String? = nil, regGroup: String? = nil,
        schoolEmail: String? = nil, personalEmails: [String] = [],
        addressLines: [String] = [], postcode: String? = nil,
        senStatus: String? = nil, freeSchoolMeals: Bool? = nil, contactKeys: [String] = []
    ) {
        self.key = key
        self.upn = upn
        self.uln = uln
        self.legalForename = legalForename
        self.preferredForename = preferredForename
        self.middleNames = middleNames
        self.surname = surname
        self.dateOfBirth = dateOfBirth
        self.yearGroup = yearGroup
        self.regGroup = regGroup
        self.schoolEmail = schoolEmail
        self.personalEmails = personalEmails
        self.addressLines = addressLines
        self.postcode = postcode
        self.senStatus = senStatus
        self.freeSchoolMeals = freeSchoolMeals
        self.contactKeys = contactKeys
    }

    /// Every forename the pupil is known by (legal, and preferred when different).
    public var forenames: [String] {
        var names = [legalForename]
        if let preferredForename, !preferredForename.isEmpty,
           preferredForename.lowercased() != legalForename.lowercased() {
            names.append(preferredForename)
        }
        return names
    }
}
