import ChaperoneModel

/// Why `--config` cannot be read yet.
struct ConfigurationLoadingPending: Error, CustomStringConvertible {
    var path: String

    var description: String {
        "cannot read \(path): configuration loading arrives with the Policy module; until then pass --database and rely on the defaults"
    }
}

/// Loads the configuration for the store and review commands: the defaults when no
/// path is given. Reading a YAML file is the Policy module's job (`ConfigurationLoader`);
/// this body is replaced when that lands.
func loadConfiguration(path: String?) throws -> Configuration {
    guard let path else { return Configuration() }
    throw ConfigurationLoadingPending(path: path)
}
