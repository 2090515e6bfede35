/// A problem in a configuration file, with the file, line and column it was found at
/// and how to fix it.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name (or `<string>`) the YAML came from.
    public var source: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// Dotted key path, e.g. `thresholds.bulk_pupils`.
    public var keyPath: String
    /// What is wrong and how to fix it.
    public var message: String

    public init(source: String, line: Int, column: Int, keyPath: String, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        let position = line > 0 ? "\(source):\(line):\(column)" : source
        let key = keyPath.isEmpty ? "" : " (\(keyPath))"
        return "\(position): \(message)\(key)"
    }
}
