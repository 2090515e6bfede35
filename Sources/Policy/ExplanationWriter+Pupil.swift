import ChaperoneModel

extension ExplanationWriter {
    /// The explanation for a pupil whose message was held or refused: short, what was
    /// held and why in words a pupil reads, that a member of staff will look at it, and
    /// who to ask. It never cites the staff code of conduct or lists what was found.
    func explainToPupil(action: Action, hits: [RuleHit], recipients: [Recipient]) -> String {
        guard action >= .quarantine, !hits.isEmpty else { return "" }
        let addresses = Array(Set(hits.flatMap(\.recipients))).sorted()
        let to = addresses.isEmpty ? "" : " to " + addresses.joined(separator: ", ")
        var reasons: [String] = []
        if hits.contains(where: { $0.rule == "8.pupil-sends-other-pupils-data" }) {
            reasons.append("It seems to contain personal information about other pupils (for example a list of pupils, their dates of birth or pupil numbers), which should not leave the school.")
        }
        if hits.contains(where: { $0.rule == "8.unscannable-outside" }) {
            reasons.append("Part of it could not be checked (for example a locked or damaged file), so it was held to be safe.")
        }
        if reasons.isEmpty {
            reasons.append("It seems to contain information that should not leave the school.")
        }
        let verb = action == .reject ? "was not sent" : "has been held and has not been sent yet"
        return [
            "Your email\(to) \(verb).",
            reasons.joined(separator: " "),
            action == .reject
                ? "If it needs to be sent, a member of staff can help you send it safely."
                : "A member of staff will look at it. If it is fine, it will be sent on; you don't need to do anything.",
            "If you have a question, ask \(configuration.pupils.contact ?? configuration.school.itContact).",
        ].joined(separator: "\n\n")
    }
}
