/// Encodes a `Configuration` (any `Encodable`) to a `ConfigurationListing.JSONValue`
/// tree with the configuration file's snake_case key names, writing an optional that is
/// not set as `null` rather than leaving it out (the synthesised `Encodable` code calls
/// `encodeIfPresent`, which a JSON encoder skips), so `config show` lists every key, set
/// or not, the way `postconf -d` does. Keys of a dictionary in the configuration (a
/// section number, an MIS heading) are kept exactly as written.
struct ConfigurationTreeEncoder {
    func encode(_ value: some Encodable) throws -> ConfigurationListing.JSONValue {
        let root = Node()
        try value.encode(to: TreeEncoder(node: root, codingPath: []))
        return root.built
    }

    /// One place in the tree being built, filled in by whichever container writes it.
    final class Node {
        var value: ConfigurationListing.JSONValue = .null
        var members: [(key: String, node: Node)]?
        var elements: [Node]?

        /// The finished value: an object or array built from its children, else `value`.
        var built: ConfigurationListing.JSONValue {
            if let members {
                return .object(Dictionary(members.map { ($0.key, $0.node.built) }, uniquingKeysWith: { _, last in last }))
            }
            if let elements { return .array(elements.map(\.built)) }
            return value
        }
    }

    /// The file's name for a Swift property name, as `JSONEncoder.KeyEncodingStrategy
    /// .convertToSnakeCase` makes it (`tlsKey` → `tls_key`, `maxURLBytes` → `max_url_bytes`).
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var result = ""
        for (index, character) in characters.enumerated() {
            let startsWord = character.isUppercase && index > 0
                && (characters[index - 1].isLowercase || characters[index - 1].isNumber
                    || (index + 1 < characters.count && characters[index + 1].isLowercase))
            if startsWord { result.append("_") }
            result.append(contentsOf: character.lowercased())
        }
        return result
    }
}

/// The `Encoder` behind `ConfigurationTreeEncoder`, writing into one node.
struct TreeEncoder: Encoder {
    let node: ConfigurationTreeEncoder.Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [] }
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.elements == nil { node.elements = [] }
        return TreeUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleValueContainer(node: node, codingPath: codingPath)
    }

    /// Encodes `value` into `node`: scalars directly, anything else through its own `encode(to:)`.
    static func write(_ value: some Encodable, into node: ConfigurationTreeEncoder.Node, codingPath: [any CodingKey]) throws {
        switch value {
        case let value as String: node.value = .string(value)
        case let value as Bool: node.value = .bool(value)
        case let value as any BinaryInteger: node.value = .number(Double(value))
        case let value as any BinaryFloatingPoint: node.value = .number(Double(value))
        default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        }
    }
}
