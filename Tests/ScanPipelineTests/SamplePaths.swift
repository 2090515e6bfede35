import Foundation

/// Locates the repository's `samples/` directory from this source file.
enum SamplePaths {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var samples: URL { repository.appendingPathComponent("samples") }
    static var messages: URL { samples.appendingPathComponent("messages") }
    static var configuration: URL { samples.appendingPathComponent("chaperone.yaml") }

    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
