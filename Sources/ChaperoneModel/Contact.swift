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

    public init(key: String, name: String, relationship: String? = nil, emails: [String] = [], phones: [String] = [], pupilKeys: [String] = []) {
        self.key = key
        self.name = name
        self.relationship = relationship
        self.emails = emails
        self.phones = phones
        self.pupilKeys = pupilKeys
    }
}
