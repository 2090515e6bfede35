/// Addresses of pupils and parents as decision rows, JSON and logs keep them: the full
/// address lives only with a quarantined message's stored copy (for its release).
/// `jo.smith@gmail.com` → `j***@gmail.com`: enough for a reviewer who knows the family
/// to recognise it, not enough to write to.
public enum AddressRedaction {
    /// The first character of the local part, a fixed mask, and the domain.
    public static func email(_ value: String) -> String {
        guard let at = value.lastIndex(of: "@") else {
            return (value.first.map { String($0) } ?? "") + "***"
        }
        let local = value[..<at]
        let domain = value[value.index(after: at)...].lowercased()
        return (local.first.map { String($0) } ?? "") + "***@" + domain
    }
}

extension Recipient {
    /// True when the address belongs to a pupil or to a pupil's contact (parent, carer).
    public var isPupilOrParentAddress: Bool {
        recipientClass == .student || recipientClass == .parent || !linkedPupils.isEmpty
    }
}

extension ScanReport {
    /// The full addresses of pupil and parent recipients in this report, lower-cased.
    public var pupilAndParentAddresses: Set<String> {
        Set(recipients.filter(\.isPupilOrParentAddress).map { $0.address.lowercased() })
    }

    /// The report as a decision row keeps it: pupil and parent recipients, and every
    /// mention of their addresses in the explanation, redacted.
    public func redactingPupilAndParentAddresses() -> ScanReport {
        let addresses = pupilAndParentAddresses
        guard !addresses.isEmpty else { return self }
        var redacted = self
        redacted.recipients = recipients.map { recipient in
            var recipient = recipient
            if recipient.isPupilOrParentAddress { recipient.address = AddressRedaction.email(recipient.address) }
            return recipient
        }
        for recipient in recipients where recipient.isPupilOrParentAddress {
            redacted.explanation = redacted.explanation.replacing(recipient.address, with: AddressRedaction.email(recipient.address))
        }
        return redacted
    }

    /// `addresses` (envelope recipients) with those of pupils and parents redacted.
    public func redactingPupilAndParentAddresses(in addresses: [String]) -> [String] {
        let personal = pupilAndParentAddresses
        guard !personal.isEmpty else { return addresses }
        return addresses.map { personal.contains($0.lowercased()) ? AddressRedaction.email($0) : $0 }
    }
}
