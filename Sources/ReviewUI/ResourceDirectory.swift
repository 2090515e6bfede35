import Foundation

/// Finds a folder of the module's `Resources` (copied whole into the resource bundle).
/// Foundation names the bundle's resource folder differently across platforms (the
/// bundle itself, or its `Resources` subfolder), so each candidate is tried.
enum ResourceDirectory {
    static func path(_ name: String) -> String? {
        let bundle = Bundle.module
        let candidates = [
            bundle.resourceURL?.appendingPathComponent(name),
            bundle.resourceURL?.appendingPathComponent("Resources/\(name)"),
            bundle.bundleURL.appendingPathComponent("Resources/\(name)"),
        ].compactMap { $0?.path }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
