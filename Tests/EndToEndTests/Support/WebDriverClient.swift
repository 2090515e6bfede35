import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small W3C WebDriver client over HTTP (URLSession) for Debian's chromedriver
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
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.httpMethod = method
        if let body {
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "WebDriver answered something that is not a JSON object")
        }
        if let value = object["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(url.path): \(error): \(value["message"] ?? "")")
        }
        return object
    }
}
