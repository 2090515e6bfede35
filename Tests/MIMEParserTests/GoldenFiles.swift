import Foundation
import MIMEParser

/// Reads fixture messages and compares summaries with their expected JSON. Run the tests
/// with `CHAPERONE_UPDATE_GOLDEN=1` to rewrite the expected files after a deliberate change.
enum GoldenFiles {
    static let sourceDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var fixtureDirectory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? sourceDirectory
    }

    static func messageNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") }.sorted()
    }

    static func bytes(of name: String) -> [UInt8] {
        (try? Data(contentsOf: fixtureDirectory.appendingPathComponent(name))).map { [UInt8]($0) } ?? []
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The expected JSON for `name` (e.g. `01-plain.json`), rewriting it first when asked.
    static func expected(_ name: String, actual: String) -> String? {
        if ProcessInfo.processInfo.environment["CHAPERONE_UPDATE_GOLDEN"] == "1" {
            try? actual.write(to: sourceDirectory.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return actual
        }
        return (try? Data(contentsOf: fixtureDirectory.appendingPathComponent(name))).map { String(decoding: $0, as: UTF8.self) }
    }
}
