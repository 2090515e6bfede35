import Dispatch

/// Submits messages over plain SMTP to a local, milter-free listener (Postfix's
/// `notifications.submitListener` or `release.reinjectListener`). Each submission is
/// one connection run on a dispatch thread, never on an event loop; it returns only
/// after the server's `250` to the message data, when Postfix has queued it durably.
public struct SMTPSubmitter: MailSubmitter {
    public var listener: SMTPListenerAddress
    /// Name sent in EHLO.
    public var heloName: String
    /// Seconds allowed for connecting and for each read and write.
    public var timeoutSeconds: Double

    public init(listener: SMTPListenerAddress, heloName: String = "localhost", timeoutSeconds: Double = 60) {
        self.listener = listener
        self.heloName = heloName
        self.timeoutSeconds = timeoutSeconds
    }

    public func submit(_ message: OutgoingMessage) async throws {
        try Self.checkAddresses(message)
        let submitter = self
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            DispatchQueue.global().async {
                do {
                    try submitter.runTransaction(message)
                    continuation.resume()
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    static func checkAddresses(_ message: OutgoingMessage) throws {
        for address in [message.envelopeSender] + message.recipients where !isSafeAddress(address) {
            throw NotifyError.badAddress(address)
        }
        if message.recipients.isEmpty { throw NotifyError.badAddress("") }
    }

    /// True when the address can sit inside `<…>` in an SMTP command and in a header.
    static func isSafeAddress(_ address: String) -> Bool {
        !address.utf8.contains { $0 < 0x21 || $0 == 0x7F || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
    }
}
