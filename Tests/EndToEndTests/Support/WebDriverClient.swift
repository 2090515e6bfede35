import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small W3C WebDriver client over HTTP (a loopback socket) for Debian's chromedriver
/// driving headless Chromium: start a session, navigate, find, type, click, read the
/// page source, take screenshots.
struct WebDriverClient: Sendable {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"
    /// The W3C key of an element reference in WebDriver JSON.
    static let elementKey = "element-6066-11e4-a52e-4f735466cecf"

    static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let base: URL
    let sessionID: String

    /// Starts chromedriver on a free port, waits for it, and opens a headless session.
    static func start(port: Int, profileDirectory: String) async throws -> (driver: Process, client: WebDriverClient) {
        let driver = Process()
        driver.executableURL = URL(fileURLWithPath: chromedriver)
        driver.arguments = ["--port=\(port)"]
        driver.standardOutput = FileHandle.nullDevice
        driver.standardError = FileHandle.nullDevice
        try driver.run()
        let base = URL(string: "http://127.0.0.1:\(port)")!
        for _ in 0..<100 where !FreePort.isListening(port) { try await Task.sleep(for: .milliseconds(100)) }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1500",
                            "--user-data-dir=\(profileDirectory)", "--no-first-run",
                        ],
                    ],
                ]
            ]
        ]
        let answer = try await request(base.appendingPathComponent("session"), method: "POST", body: capabilities)
        guard let value = answer["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            driver.terminate()
            throw Failure(description: "chromedriver did not start a session: \(answer)")
        }
        return (driver, WebDriverClient(base: base, sessionID: id))
    }

    func navigate(_ url: String) async throws {
        _ = try await command("url", body: ["url": url])
    }

    func currentURL() async throws -> String {
        try await command("url", method: "GET")["value"] as? String ?? ""
    }

    func source() async throws -> String {
        try await command("source", method: "GET")["value"] as? String ?? ""
    }

    /// The page source once it contains `text` or one of `alternatives` (a click's new
    /// page may not have loaded when `click` returns), or as it stands after 30 s of asking.
    func source(containing text: String, or alternatives: [String] = []) async throws -> String {
        for _ in 0..<300 {
            let page = try await source()
            if page.contains(text) || alternatives.contains(where: page.contains) { return page }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await source()
    }

    /// Runs `body` with a headless Chromium driven through a fresh chromedriver and
    /// profile, and ends both however `body` ends.
    static func withBrowser(_ body: (WebDriverClient) async throws -> Void) async throws {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-chromium-\(UUID().uuidString)").path
        let (driver, browser) = try await start(port: try FreePort.next(), profileDirectory: profile)
        defer {
            // chromedriver may outlive SIGTERM; it holds nothing worth a clean exit.
            kill(driver.processIdentifier, SIGKILL)
            driver.waitUntilExit()
            try? FileManager.default.removeItem(atPath: profile)
        }
        do {
            try await body(browser)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
    }

    /// The first element matching a CSS selector.
    func element(_ selector: String) async throws -> String {
        let answer = try await command("element", body: ["using": "css selector", "value": selector])
        guard let value = answer["value"] as? [String: Any], let id = value[Self.elementKey] as? String else {
            throw Failure(description: "no element matches \(selector): \(answer)")
        }
        return id
    }

    func type(_ text: String, into selector: String) async throws {
        let id = try await element(selector)
        _ = try await command("element/\(id)/value", body: ["text": text])
    }

    func click(_ selector: String) async throws {
        let id = try await element(selector)
        _ = try await command("element/\(id)/click", body: [:])
    }

    /// Saves a PNG screenshot of the viewport to `path`.
    func screenshot(to path: String) async throws {
        guard let base64 = try await command("screenshot", method: "GET")["value"] as? String,
              let data = Data(base64Encoded: base64) else { throw Failure(description: "no screenshot") }
        try data.write(to: URL(fileURLWithPath: path))
    }

    func quit() async {
        _ = try? await Self.request(base.appendingPathComponent("session/\(sessionID)"), method: "DELETE", body: nil)
    }

    private func command(_ path: String, method: String = "POST", body: [String: Any]? = nil) async throws -> [String: Any] {
        try await Self.request(
            base.appendingPathComponent("session/\(sessionID)/\(path)"), method: method, body: method == "POST" ? (body ?? [:]) : nil)
    }

    private static func request(_ url: URL, method: String, body: [String: Any]?) async throws -> [String: Any] {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) } ?? Data()
        let port = url.port ?? 80
        let path = url.path
        let data = try await Task.detached { try LoopbackHTTP.exchange(port: port, method: method, path: path, body: payload) }.value
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "WebDriver answered something that is not a JSON object")
        }
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(url.path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}

/// One HTTP/1.1 request to a loopback port over a plain socket (`Connection: close`),
/// returning the body. chromedriver writes headers without a space after the colon,
/// which URLSession on Linux refuses; this reads them as RFC 9112 allows.
enum LoopbackHTTP {
    /// The `Content-Length` of a header block, however it is spaced.
    static func contentLength(_ head: String) -> Int? {
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "content-length" {
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }

    static func exchange(port: Int, method: String, path: String, body: Data) throws -> Data {
        guard let fd = FreePort.connectedSocket(port) else {
            throw WebDriverClient.Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = Data("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n".utf8)
        request += Data("Content-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { throw WebDriverClient.Failure(description: "short write to chromedriver") }
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var expected: Int?
        while response.count < 64_000_000 {
            if let split = response.range(of: Data("\r\n\r\n".utf8)) {
                if expected == nil { expected = contentLength(String(decoding: response[..<split.lowerBound], as: UTF8.self)) }
                if let expected, response.count - split.upperBound >= expected {
                    return response.subdata(in: split.upperBound..<(split.upperBound + expected))
                }
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
            throw WebDriverClient.Failure(description: "chromedriver's answer has no header end")
        }
        return response.subdata(in: split.upperBound..<response.endIndex)
    }
}
