import Foundation
import NIOSSL

/// Native HTTPS for the web app: the PEM certificate chain and key of
/// `web.tls_certificate` and `web.tls_key`, TLS 1.2 or later, checked when the server
/// is built so that a missing file, a bad PEM or a key that does not match the
/// certificate stops `chaperone web` at start with the file named.
enum WebTLS {
    static func configuration(certificateFile: String, keyFile: String) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw WebAppError.tls("\(certificateFile) is not a readable PEM certificate chain (\(error)); check the path and that the service user can read it")
        }
        guard !chain.isEmpty else { throw WebAppError.tls("\(certificateFile) holds no PEM certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw WebAppError.tls("\(keyFile) is not a readable, unencrypted PEM private key (\(error)); check the path and permissions")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw WebAppError.tls("\(keyFile) does not match the certificate in \(certificateFile) (\(error))")
        }
        return configuration
    }
}
