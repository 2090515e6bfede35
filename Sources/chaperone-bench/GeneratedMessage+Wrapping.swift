import Foundation

extension GeneratedMessage {
    /// A short message from staff to an outside address with `document` as a base64
    /// attachment named `filename` (typed by its name, as a mail client would not).
    static func wrapping(_ document: Data, filename: String) -> [UInt8] {
        let head = [
            "From: Bench <bench@school.example>", "To: Someone <someone@example.org>", "Subject: Attached",
            "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"bench\"", "", "--bench",
            "Content-Type: text/plain; charset=utf-8", "", "See attached.", "", "--bench",
            "Content-Type: application/octet-stream; name=\"\(filename)\"",
            "Content-Disposition: attachment; filename=\"\(filename)\"", "Content-Transfer-Encoding: base64", "", "",
        ].joined(separator: "\r\n")
        let body = document.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return Array((head + body + "\r\n--bench--\r\n").utf8)
    }
}
