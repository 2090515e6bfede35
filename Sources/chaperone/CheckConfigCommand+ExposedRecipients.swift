import ChaperoneModel

extension CheckConfigCommand {
    /// What `exposed_recipients` does, and the warning that a rewrite breaks a DKIM
    /// signature made before Chaperone sees the message.
    static func exposedRecipientsLines(_ configuration: Configuration) -> [String] {
        let settings = configuration.exposedRecipients
        var lines = ["  exposed recipients: \(settings.threshold) or more families or organisations in To/Cc → \(settings.action.rawValue)"]
        if settings.action == .rewrite {
            lines.append("  warning: exposed_recipients.action rewrite changes the To and Cc headers, which breaks a DKIM signature made before Chaperone (a gateway behind a signing server, or a client that signs). If mail is signed before it reaches this milter, set exposed_recipients.action: hold.")
        }
        return lines
    }
}
