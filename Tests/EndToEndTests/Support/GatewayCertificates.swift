import Foundation

/// The certificates of the gateway test, made with `openssl` in the test's directory:
/// a private CA; the gateway's server certificate (the school's certificate in
/// production); the tenant's client certificate (Exchange Online's connector
/// certificate in production); and a stranger's client certificate from the same CA,
/// trusted but not listed, which must not be enough to relay.
struct GatewayCertificates {
    let directory: URL
    var caFile: String { path("ca.pem") }
    var gatewayKey: String { path("gateway-key.pem") }
    var gatewayChain: String { path("gateway-chain.pem") }
    var tenantKey: String { path("tenant-key.pem") }
    var tenantCertificate: String { path("tenant-cert.pem") }
    var strangerKey: String { path("stranger-key.pem") }
    var strangerCertificate: String { path("stranger-cert.pem") }

    static let openssl = "/usr/bin/openssl"

    static func make(in directory: URL) throws -> GatewayCertificates {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificates = GatewayCertificates(directory: directory)
        try ExternalTool.run(openssl, [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Chaperone Test CA",
            "-keyout", certificates.path("ca-key.pem"), "-out", certificates.caFile,
        ])
        try certificates.issue("gateway", commonName: "gateway.ralphthoresby.example", usage: "serverAuth")
        try certificates.issue("tenant", commonName: "tenant.outbound.example", usage: "clientAuth")
        try certificates.issue("stranger", commonName: "stranger.example", usage: "clientAuth")
        // The gateway's chain file: its certificate, then the CA (as with an intermediate).
        let chain = try String(contentsOfFile: certificates.path("gateway-cert.pem"), encoding: .utf8)
            + (try String(contentsOfFile: certificates.caFile, encoding: .utf8))
        try chain.write(toFile: certificates.gatewayChain, atomically: true, encoding: .utf8)
        return certificates
    }

    /// The sha256 public-key fingerprint Postfix matches in `relay_clientcerts`
    /// (`smtpd_tls_fingerprint_digest = sha256`), as deploy/gateway/tenant-certificates
    /// says to compute it.
    static func publicKeyFingerprint(certificate: String) throws -> String {
        let publicKey = try ExternalTool.run(openssl, ["x509", "-in", certificate, "-noout", "-pubkey"])
        let der = try ExternalTool.run(openssl, ["pkey", "-pubin", "-outform", "DER"], input: publicKey)
        let digest = try ExternalTool.text(openssl, ["dgst", "-sha256", "-c"], input: der)
        guard let value = digest.split(separator: "=").last?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
            throw PostfixHarnessError.commandFailed("openssl dgst", digest)
        }
        return value.uppercased()
    }

    private func issue(_ name: String, commonName: String, usage: String) throws {
        let extensions = path("\(name).ext")
        try "subjectAltName=DNS:\(commonName)\nextendedKeyUsage=\(usage)\n"
            .write(toFile: extensions, atomically: true, encoding: .utf8)
        try ExternalTool.run(Self.openssl, [
            "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=\(commonName)",
            "-keyout", path("\(name)-key.pem"), "-out", path("\(name).csr"),
        ])
        try ExternalTool.run(Self.openssl, [
            "x509", "-req", "-in", path("\(name).csr"), "-CA", caFile, "-CAkey", path("ca-key.pem"),
            "-CAcreateserial", "-days", "2", "-extfile", extensions, "-out", path("\(name)-cert.pem"),
        ])
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}
