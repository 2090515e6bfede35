import ChaperoneModel

/// One pupil as read from a file, before validation: raw strings, and where it came from.
struct PupilRecord {
    var file: String
    /// `line 12` or an XML path.
    var position: String
    var upn = ""
    var uln = ""
    var surname = ""
    var forename = ""
    var preferredForename = ""
    var middleNames = ""
    var dateOfBirth = ""
    var yearGroup = ""
    var regGroup = ""
    var schoolEmail = ""
    var personalEmails: [String] = []
    var addressLines: [String] = []
    var postcode = ""
    var senStatus = ""
    var freeSchoolMeals = ""
    var contacts: [ContactRecord] = []
    /// Image-consent cells: the heading, the purposes it covers, and the value as written.
    var consents: [ConsentCell] = []
}

/// One image-consent cell of a pupil row.
struct ConsentCell {
    var heading: String
    var purposes: [ConsentPurpose]
    var value: String
}

/// One contact as read from a file.
struct ContactRecord {
    var name = ""
    var relationship = ""
    var emails: [String] = []
    var phones: [String] = []
    /// The MIS's parental-responsibility value as written ("Yes", "false", …); empty when not given.
    var parentalResponsibility = ""
    /// Court-order, contact-restriction or no-contact values as written; any that
    /// says yes (or describes an order) restricts the contact.
    var restrictions: [String] = []

    var isEmpty: Bool { name.isEmpty && emails.isEmpty && phones.isEmpty }
}
