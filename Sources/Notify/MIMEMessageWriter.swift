import Foundation

/// Renders a `NoticeDocument` as an RFC 5322 message: multipart/alternative with a
/// quoted-printable text/plain part and a text/html part, marked `Auto-Submitted:
/// auto-replied` (RFC 3834) so that no auto-responder answers it.
///
///     From / To / Subject / Date / Message-ID / [In-Reply-To, References]
///     Auto-Submitted: auto-replied
///     Content-Type: multipart/alternative; boundary="…"
///       ├─ text/plain; charset=utf-8   (quoted-printable)
///       └─ text/html;  charset=utf-8   (quoted-printable)
struct MIMEMessageWriter {
    var from: String
    var to: [String]
    var date: Date
    var messageID: String
    /// The Message-ID (without brackets) of the message this answers, if any.
    var inReplyTo: String?
    var boundary: String = "=_chaperone_" + UUID().uuidString.replacingOccurrences(of: "-", with: "")

    func render(_ document: NoticeDocument) -> [UInt8] {
        var text = ""
        text += MailHeaderValue.encode(name: "From", value: "Chaperone <\(from)>")
        text += MailHeaderValue.encode(name: "To", value: to.map { "<\($0)>" }.joined(separator: ", "))
        text += MailHeaderValue.encode(name: "Subject", value: document.subject)
        text += "Date: \(Self.rfc5322Date(date))\r\n"
        text += "Message-ID: <\(messageID)>\r\n"
        if let inReplyTo, SMTPSubmitter.isSafeAddress(inReplyTo), !inReplyTo.isEmpty {
            text += MailHeaderValue.encode(name: "In-Reply-To", value: "<\(inReplyTo)>")
            text += MailHeaderValue.encode(name: "References", value: "<\(inReplyTo)>")
        }
        text += "Auto-Submitted: auto-replied\r\n"
        text += "X-Auto-Response-Suppress: All\r\n"
        text += "MIME-Version: 1.0\r\n"
        text += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n"
        text += "\r\n"
        text += "This is a message in MIME format.\r\n"
        text += part(contentType: "text/plain", body: document.plainText)
        text += part(contentType: "text/html", body: document.html)
        text += "--\(boundary)--\r\n"
        return Array(text.utf8)
    }

    private func part(contentType: String, body: String) -> String {
        "--\(boundary)\r\n"
            + "Content-Type: \(contentType); charset=utf-8\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            + QuotedPrintable.encode(body) + "\r\n"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
