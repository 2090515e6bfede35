/// A contact's parental-responsibility and restriction values, read from the words MIS
/// exports use. A restriction is anything that says yes or describes an order
/// ("Prohibited steps order"); "No", "None", "N/A" and empty say there is none.
struct ContactRightsValues {
    /// nil when the export did not say (or said something unreadable).
    var parentalResponsibility: Bool?
    /// The value as written when it is neither yes nor no.
    var unreadableResponsibility: String?
    var isRestricted = false

    static let noRestriction: Set<String> = ["none", "n/a", "na", "-", "no restriction", "no restrictions", "nil", "not applicable"]

    /// `responsibility` as written (empty when not given) and the restriction values.
    init(responsibility: String, restrictions: [String]) {
        if !responsibility.isEmpty {
            parentalResponsibility = RosterAssembler.flag(responsibility)
            if parentalResponsibility == nil { unreadableResponsibility = responsibility }
        }
        isRestricted = restrictions.contains { value in
            let text = value.lowercased()
            if let flag = RosterAssembler.flag(text) { return flag }
            return !text.isEmpty && !Self.noRestriction.contains(text)
        }
    }
}
