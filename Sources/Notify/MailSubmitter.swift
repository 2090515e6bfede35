/// Hands a message to a mail server durably: returns only once the server has accepted
/// responsibility for it (SMTP `250` after the data). Tests use an in-memory one.
public protocol MailSubmitter: Sendable {
    func submit(_ message: OutgoingMessage) async throws
}
