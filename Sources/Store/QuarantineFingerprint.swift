import Crypto
import Foundation

/// What makes two holds the same message: a SHA-256 (lower-case hex) over
///
/// ```
/// lower(MAIL FROM) 0x00 lower(RCPT TO 1) 0x0A lower(RCPT TO 2) ... 0x00 message
/// ```
///
/// with the recipients sorted and each counted once, and `message` the raw copy from
/// its first header field that is not a trace field on (to the end of the body). Trace
/// fields are what an MTA prepends each time it receives the message — `Received`,
/// `Return-Path`, `X-Received`, `Delivered-To`, `X-Original-To` — so when the milter
/// stops between committing a copy and replying DISCARD and the sending server tries
/// again, the new attempt (a new Postfix queue id, a new `Received:` line) has the same
/// fingerprint as the copy already held. A trace field after the first other field is
/// part of the message and counted. The queue id, client address and login are not
/// counted: a retry may come over another connection.
public enum QuarantineFingerprint {
    /// Header field names (lower case) skipped while they lead the message.
    public static let traceFieldNames: Set<String> = ["received", "return-path", "x-received", "delivered-to", "x-original-to"]

    public static func of(rawMessage: [UInt8], sender: String, recipients: [String]) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(sender.lowercased().utf8))
        hasher.update(data: [0])
        let sorted = Set(recipients.map { $0.lowercased() }).sorted()
        hasher.update(data: Array(sorted.joined(separator: "\n").utf8))
        hasher.update(data: [0])
        hasher.update(data: rawMessage[firstCountedByte(of: rawMessage)...])
        return hasher.finalize().map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }

    /// The offset of the first header field that is not a leading trace field (or of
    /// the blank line ending the header when every field is one). A field starts at a
    /// line that does not begin with a space or tab; lines end at LF.
    static func firstCountedByte(of message: [UInt8]) -> Int {
        var start = 0
        while start < message.count {
            guard isTraceField(message, at: start) else { return start }
            // Skip the field: its first line and every continuation line.
            var next = lineEnd(message, from: start)
            while next < message.count, message[next] == 0x20 || message[next] == 0x09 {
                next = lineEnd(message, from: next)
            }
            start = next
        }
        return start
    }

    private static func lineEnd(_ message: [UInt8], from start: Int) -> Int {
        guard let newline = message[start...].firstIndex(of: 0x0A) else { return message.count }
        return newline + 1
    }

    private static func isTraceField(_ message: [UInt8], at start: Int) -> Bool {
        // The longest trace field name is 13 bytes; look no further for the colon.
        let end = min(message.count, start + 16)
        guard let colon = message[start..<end].firstIndex(of: UInt8(ascii: ":")) else { return false }
        var name = message[start..<colon]
        while let last = name.last, last == 0x20 || last == 0x09 { name = name.dropLast() }
        let lowered = String(decoding: name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return traceFieldNames.contains(lowered)
    }
}
