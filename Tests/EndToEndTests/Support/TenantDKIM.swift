import Foundation

/// The test tenant's DKIM key (selector `tenant`, made with `openssl genrsa`), signing
/// with dkimpy (Debian `python3-dkim`, the library behind `dkimsign`/`dkimverify`) and
/// verifying with the public key given directly instead of a DNS lookup: the test has
/// no DNS, and that lookup is the only part of `dkimverify` left out.
struct TenantDKIM {
    static let python = "/usr/bin/python3"
    static var isInstalled: Bool { FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/dkim/__init__.py") }

    let privateKey: String
    let publicKeyBase64: String
    let domain: String

    static func make(in directory: URL, domain: String) throws -> TenantDKIM {
        let key = directory.appendingPathComponent("dkim-key.pem").path
        try ExternalTool.run(GatewayCertificates.openssl, ["genrsa", "-traditional", "-out", key, "2048"])
        let der = try ExternalTool.run(GatewayCertificates.openssl, ["rsa", "-in", key, "-pubout", "-outform", "DER"])
        return TenantDKIM(privateKey: key, publicKeyBase64: Data(der).base64EncodedString(), domain: domain)
    }

    /// The message with a DKIM-Signature over the headers Exchange Online and Gmail sign
    /// (relaxed/relaxed), as the tenant sends it to its outbound gateway.
    func sign(_ message: [UInt8]) throws -> [UInt8] {
        let script = """
            import sys, dkim
            message = sys.stdin.buffer.read()
            key = open(sys.argv[1], 'rb').read()
            headers = [b'from', b'to', b'cc', b'subject', b'date', b'message-id', b'mime-version', b'content-type', b'content-transfer-encoding']
            signature = dkim.sign(message, b'tenant', sys.argv[2].encode(), key, canonicalize=(b'relaxed', b'relaxed'), include_headers=headers)
            sys.stdout.buffer.write(signature + message)
            """
        return try ExternalTool.run(Self.python, ["-c", script, privateKey, domain], input: message)
    }

    /// True when the message's DKIM signature verifies against the tenant's key.
    func verifies(_ message: [UInt8]) throws -> Bool {
        let script = """
            import sys, dkim
            record = b'v=DKIM1; k=rsa; p=' + sys.argv[1].encode()
            def lookup(name, timeout=5):
                return record if name == b'tenant._domainkey.' + sys.argv[2].encode() + b'.' else None
            ok = dkim.verify(sys.stdin.buffer.read(), dnsfunc=lookup)
            print('pass' if ok else 'fail')
            """
        let answer = try ExternalTool.text(Self.python, ["-c", script, publicKeyBase64, domain], input: message)
        return answer.trimmingCharacters(in: .whitespacesAndNewlines) == "pass"
    }
}
