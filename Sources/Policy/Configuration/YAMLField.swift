import Yams

/// A node of the configuration YAML together with where it sits, so every conversion
/// can report a line-accurate error.
struct YAMLField {
    let node: Node
    let keyPath: String
    let source: String

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(
            source: source, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
            keyPath: keyPath, message: message
        )
    }

    var isNull: Bool {
        if case .scalar(let scalar) = node, scalar.style == .plain {
            return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    func string() throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a text value") }
        return scalar.string
    }

    func optionalString() throws(ConfigurationError) -> String? {
        isNull ? nil : try string()
    }

    func int(in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let value = node.int else { throw error("expected a whole number, found '\(node.string ?? "?")'") }
        guard range.contains(value) else {
            throw error("\(value) is out of range: use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func double(in range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        guard let value = node.float else { throw error("expected a number, found '\(node.string ?? "?")'") }
        guard range.contains(value) else {
            throw error("\(value) is out of range: use a value from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func bool() throws(ConfigurationError) -> Bool {
        guard let value = node.bool else { throw error("expected true or false, found '\(node.string ?? "?")'") }
        return value
    }

    func strings() throws(ConfigurationError) -> [String] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else { throw error("expected a list, e.g. [a, b]") }
        var values: [String] = []
        for (index, element) in sequence.enumerated() {
            values.append(try YAMLField(node: element, keyPath: "\(keyPath)[\(index)]", source: source).string())
        }
        return values
    }

    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws(ConfigurationError) -> T where T.RawValue == String {
        let text = try string()
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw error("'\(text)' is not one of: \(allowed)")
        }
        return value
    }

    /// Visits every key of a mapping, handing known keys to `visit` and rejecting
    /// unknown ones with the list of valid keys.
    func mapping(
        known: [String],
        _ visit: (String, YAMLField) throws(ConfigurationError) -> Void
    ) throws(ConfigurationError) {
        if isNull { return }
        guard case .mapping(let mapping) = node else { throw error("expected a section of key: value lines") }
        var seen = Set<String>()
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let path = keyPath.isEmpty ? key : "\(keyPath).\(key)"
            let keyField = YAMLField(node: keyNode, keyPath: path, source: source)
            guard known.contains(key) else {
                throw keyField.error("unknown key '\(key)'; valid keys here: \(known.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw keyField.error("key '\(key)' is given twice") }
            try visit(key, YAMLField(node: valueNode, keyPath: path, source: source))
        }
    }
}
