import Foundation
import Logging
@testable import ReviewUI
import Testing

/// Native HTTPS (`web.tls_certificate`, `web.tls_key`) on loopback: the real server,
/// a certificate made here by `openssl` for 127.0.0.1 from a private CA, and
/// `openssl s_client` as the browser, verifying the chain. Cookies are Secure and
/// `__Host-` prefixed under TLS, and responses carry HSTS; bad or mismatched files
/// stop the server at start with the file named.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"), "needs openssl"))
struct WebTLSTests {
    static let openssl = "/usr/bin/openssl"

    /// ca.pem, server-key.pem, server-cert.pem (SAN IP 127.0.0.1) and other-key.pem.
    private static func certificates() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-web-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        try "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n".write(toFile: path("ext"), atomically: true, encoding: .utf8)
        for arguments in [
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Chaperone Web Test CA", "-keyout", path("ca-key.pem"), "-out", path("ca.pem")],
            ["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", path("server-key.pem"), "-out", path("server.csr")],
            ["x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey", path("ca-key.pem"), "-CAcreateserial", "-days", "2",
             "-extfile", path("ext"), "-out", path("server-cert.pem")],
            ["genrsa", "-out", path("other-key.pem"), "2048"],
        ] {
            _ = try run(openssl, arguments, input: "")
        }
        return directory
    }

    @Test func servesHTTPSWithSecureCookiesAndRefusesPlainHTTP() async throws {
        let directory = try Self.certificates()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = try await WebFixture {
            $0.web.listen = "127.0.0.1:0"
            $0.web.tlsCertificate = directory.appendingPathComponent("server-cert.pem").path
            $0.web.tlsKey = directory.appendingPathComponent("server-key.pem").path
        }
        defer { fixture.remove() }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            try await WebServer.run(app: fixture.app, logger: Logger(label: "test.web.tls"), handlesSignals: false) { continuation.yield($0) }
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let request = "GET /login HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        // Bounded by `timeout`; -verify_return_error fails the handshake on a bad chain.
        // On a thread of its own: the server answering it runs on the cooperative pool.
        let response = try await OwnThread.run { try Self.run("/usr/bin/timeout", [
            "30", Self.openssl, "s_client", "-connect", "127.0.0.1:\(port)", "-CAfile", directory.appendingPathComponent("ca.pem").path,
            "-verify_return_error", "-verify_ip", "127.0.0.1", "-quiet", "-ign_eof",
        ], input: request) }
        #expect(response.contains("HTTP/1.1 200"), "\(response)")
        let cookie = response.split(separator: "\r\n").first { $0.lowercased().hasPrefix("set-cookie: __host-chaperone_login=") }
        #expect(cookie?.contains("Secure") == true, "\(response)")
        #expect(response.lowercased().contains("strict-transport-security: max-age=31536000; includesubdomains"), "\(response)")
        #expect(cookie?.contains("HttpOnly") == true)
        // Plain HTTP to the TLS port gets no page.
        let plain = try await OwnThread.run { try Self.run("/usr/bin/timeout", ["10", "/usr/bin/python3", "-c", """
            import socket, sys
            s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)
            s.sendall(b'GET /login HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n')
            try:
                data = s.recv(4096)
            except Exception:
                data = b''
            print('page' if b'HTTP/1.1 200' in data else 'no page')
            """, String(port)], input: "", acceptedStatuses: [0, 124]) }
        #expect(plain.contains("no page"), "\(plain)")
    }

    @Test func badOrMismatchedFilesAreRefusedWithTheFileNamed() throws {
        let directory = try Self.certificates()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        _ = try WebTLS.configuration(certificateFile: path("server-cert.pem"), keyFile: path("server-key.pem"))
        for (certificate, key, named) in [
            (path("missing.pem"), path("server-key.pem"), path("missing.pem")),
            (path("server-key.pem"), path("server-key.pem"), path("server-key.pem")),
            (path("server-cert.pem"), path("server-cert.pem"), path("server-cert.pem")),
            (path("server-cert.pem"), path("other-key.pem"), path("other-key.pem")),
        ] {
            do {
                _ = try WebTLS.configuration(certificateFile: certificate, keyFile: key)
                Issue.record("accepted \(certificate) with \(key)")
            } catch let error as WebAppError {
                #expect(error.description.contains(named), "\(error)")
            }
        }
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: String, acceptedStatuses: Set<Int32> = [0]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), output = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = output
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard acceptedStatuses.contains(process.terminationStatus) else {
            throw WebAppError.tls("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(text)")
        }
        return text
    }
}
