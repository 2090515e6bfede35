import ChaperoneModel
import MilterProtocol

extension Envelope {
    /// The envelope as the scanner sees it: addresses without angle brackets, the SASL
    /// login from `{auth_authen}`, the queue id from `i`, the client address from
    /// CONNECT (or `{client_addr}`).
    init(_ info: MilterMessageInfo) {
        self.init(
            sender: Envelope.bare(info.sender),
            recipients: info.recipients.map(Envelope.bare),
            authenticatedUser: info.macro("auth_authen"),
            queueID: info.macro("i"),
            clientAddress: info.macro("client_addr") ?? info.client.flatMap { $0.address.isEmpty ? nil : $0.address }
        )
    }

    static func bare(_ address: String) -> String {
        var text = Substring(address).trimmingPrefix(" ")
        if text.hasPrefix("<"), text.hasSuffix(">") { text = text.dropFirst().dropLast() }
        return String(text)
    }
}
