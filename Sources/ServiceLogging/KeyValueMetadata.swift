import Logging

/// Log metadata as `key=value` pairs sorted by key, the form every Chaperone log line
/// uses: a value with spaces, quotes, `=` or control characters is quoted with `"` and
/// escaped; lists are joined with `,`; nested dictionaries are flattened as `key.sub`.
public enum KeyValueMetadata {
    public static func pairs(_ metadata: Logger.Metadata) -> String {
        flattened(metadata, prefix: "").sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted($0.value))" }.joined(separator: " ")
    }

    static func flattened(_ metadata: Logger.Metadata, prefix: String) -> [(key: String, value: String)] {
        metadata.flatMap { key, value -> [(key: String, value: String)] in
            let name = prefix + key
            switch value {
            case .string(let text): return [(name, text)]
            case .stringConvertible(let convertible): return [(name, convertible.description)]
            case .array(let values): return [(name, values.map(plain).joined(separator: ","))]
            case .dictionary(let nested): return flattened(nested, prefix: name + ".")
            }
        }
    }

    static func plain(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(plain).joined(separator: ",")
        case .dictionary(let nested): pairs(nested)
        }
    }

    /// The value as is when it is one plain word, otherwise quoted and escaped.
    static func quoted(_ value: String) -> String {
        let plainWord = !value.isEmpty && !value.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
        guard !plainWord else { return value }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
