import ChaperoneModel
import Foundation
import Policy

/// Loads the configuration for the store and review commands: the defaults when no
/// path is given, otherwise the YAML file, checked as `chaperone check-config` does.
func loadConfiguration(path: String?) throws -> Configuration {
    guard let path else { return Configuration() }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw RuntimeLoader.LoadError(description: "cannot read the configuration file '\(path)': check the path and its permissions")
    }
    let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
    let configuration: Configuration
    do {
        configuration = try ConfigurationLoader.load(yaml: String(decoding: data, as: UTF8.self), source: path, baseDirectory: base)
    } catch {
        throw RuntimeLoader.LoadError(description: error.description)
    }
    return try withLearnedChanges(configuration)
}

/// The configuration with the accepted suggestions of `learning.learned_file` applied;
/// unchanged when the file does not exist yet (nothing accepted).
func withLearnedChanges(_ configuration: Configuration) throws -> Configuration {
    guard let path = configuration.learning.learnedFile, FileManager.default.fileExists(atPath: path) else { return configuration }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw RuntimeLoader.LoadError(description: "cannot read the learned file '\(path)' (learning.learned_file): check its permissions")
    }
    do {
        return configuration.applyingLearned(try LearnedFileLoader.load(yaml: String(decoding: data, as: UTF8.self), source: path))
    } catch {
        throw RuntimeLoader.LoadError(description: error.description)
    }
}
