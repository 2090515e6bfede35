import Foundation

/// An SMTP client that is not the tenant's Postfix: `openssl s_client -starttls smtp`,
/// with or without a client certificate, sending one envelope and returning the
/// server's replies. Shows what the gateway answers a client it must not relay for.
enum TLSRelayProbe {
    static func replies(
        port: Int, certificate: String? = nil, key: String? = nil, caFile: String, from: String, to: String
    ) throws -> String {
        // Bounded: `timeout` ends a probe the server never answers (exit 124, output kept).
        var arguments = ["30", GatewayCertificates.openssl, "s_client", "-connect", "127.0.0.1:\(port)", "-starttls", "smtp", "-quiet", "-ign_eof", "-CAfile", caFile]
        if let certificate, let key { arguments += ["-cert", certificate, "-key", key] }
        let commands = "EHLO probe.example\r\nMAIL FROM:<\(from)>\r\nRCPT TO:<\(to)>\r\nQUIT\r\n"
        return try ExternalTool.text("/usr/bin/timeout", arguments, input: Array(commands.utf8), acceptedStatuses: [0, 124])
    }
}
