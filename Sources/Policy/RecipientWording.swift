import ChaperoneModel

/// How an explanation names the recipients a rule fired for: each address the sender
/// wrote with its class, and each list or alias by its own name with what it reaches
/// ("governors@school (a list that reaches 2 personal email addresses)"). The members'
/// addresses are not repeated to the sender.
enum RecipientWording {
    static func who(_ addresses: [String], in recipients: [Recipient]) -> String {
        var parts: [String] = []
        var lists: [String] = []
        var members: [String: [Recipient]] = [:]
        for address in addresses {
            let recipient = recipients.first { $0.address == address }
            guard let recipient, let list = recipient.list else {
                parts.append("\(address) (\(ExplanationWriter.classPhrase(recipient)))")
                continue
            }
            if members[list] == nil { lists.append(list) }
            members[list, default: []].append(recipient)
        }
        for list in lists {
            parts.append("\(list) (a list that reaches \(reach(members[list] ?? [])))")
        }
        return parts.joined(separator: ", ")
    }

    /// "2 personal email addresses and 1 address outside the school".
    static func reach(_ members: [Recipient]) -> String {
        var order: [String] = []
        var counts: [String: (one: String, many: String, count: Int)] = [:]
        for member in members {
            let phrase = plural(member)
            if counts[phrase.one] == nil { order.append(phrase.one) }
            counts[phrase.one, default: (phrase.one, phrase.many, 0)].count += 1
        }
        let pieces = order.compactMap { counts[$0] }.map { "\($0.count) \($0.count == 1 ? $0.one : $0.many)" }
        guard pieces.count > 1, let last = pieces.last else { return pieces.first ?? "no one" }
        return pieces.dropLast().joined(separator: ", ") + " and " + last
    }

    static func plural(_ recipient: Recipient) -> (one: String, many: String) {
        switch recipient.recipientClass {
        case .student: recipient.isSchoolAddress
            ? ("student's school address", "students' school addresses")
            : ("student's personal address", "students' personal addresses")
        case .parent: ("parent or carer", "parents or carers")
        case .internal: ("address inside the school", "addresses inside the school")
        case .partner: ("partner organisation address", "partner organisation addresses")
        case .personal: recipient.isStaffPersonalAddress
            ? ("personal address of yours", "personal addresses of yours")
            : ("personal email address", "personal email addresses")
        case .external: ("address outside the school", "addresses outside the school")
        }
    }
}
