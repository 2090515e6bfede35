/// A parent, carer or other contact of one or more pupils.
public struct Contact: Codable, Hashable, Sendable {
    /// Stable key made by the importer.
    public var key: String
    public var name: String
    public var relationship: String?
    public var emails: [String]
    public var phones: [String]
    /// Keys of the pupils this person is a contact for.
    public var pupilKeys: [String]
    /// Pupil key → whether the MIS records parental responsibility for that pupil; a
    /// pupil missing here has no recorded answer (treated as having it).
    public var parentalResponsibility: [String: Bool] = [:]
    /// Keys of the pupils about whom this contact must not be written to (a court order
    /// or a contact restriction in the MIS). Never a linked parent for them.
    public var restrictedPupilKeys: [String] = []

    public init(key: String, name: String, relationship: String? = nil, emails: [String] = [], phones: [String] = [], pupilKeys: [String] = []) {
        self.key = key
        self.name = name
        self.relationship = relationship
        self.emails = emails
        self.phones = phones
        self.pupilKeys = pupilKeys
    }

    /// True when the MIS says this contact has no parental responsibility for `pupil`.
    public func lacksParentalResponsibility(for pupil: String) -> Bool {
        parentalResponsibility[pupil] == false
    }
}
