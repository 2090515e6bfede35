import ChaperoneModel

extension ExplanationWriter {
    /// What the sender is told when To and Cc were rewritten (the count, never the addresses).
    func explainRewrite(groups: Int) -> String {
        "Your message was delivered to everyone you sent it to, but its To and Cc lines would have shown "
            + "\(groups) families or organisations each other's email addresses, so \(configuration.school.name)'s "
            + "outgoing mail check replaced them with \"undisclosed-recipients\". "
            + "Section \(Section.confidentiality.rawValue), \(Section.confidentiality.title): \(Section.confidentiality.rule) "
            + "Next time, put the parents' addresses in Bcc."
    }
}
