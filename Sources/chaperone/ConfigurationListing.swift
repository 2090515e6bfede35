import ChaperoneModel
import Foundation

/// A `Configuration` flattened to sorted `section.key = value` settings, with the
/// configuration file's snake_case names; lists are written `[a, b]` and keys that are
/// not set `null` (every key is listed, set or not). Keys that name a secret (password,
/// secret, token, private key) show `(set)` when set.
struct ConfigurationListing {
    /// Each key with its value as printed; `value` is nil for a key that is not set.
    private(set) var settings: [(key: String, value: String?)] = []
    private var byKey: [String: String?] = [:]

    init(_ configuration: Configuration) throws {
        var tree = try ConfigurationTreeEncoder().encode(configuration)
        if case .object(var top) = tree, case .array(let schools)? = top.removeValue(forKey: "schools") {
            tree = .object(top)
            for case .object(let school) in schools {
                guard case .string(let id)? = school["id"], case .object(let own)? = school["configuration"] else { continue }
                for (section, value) in own where Self.schoolSections.contains(section) {
                    flatten(value, path: "schools.\(id).\(section)")
                }
                if case .object(let notifications)? = own["notifications"], let alerts = notifications["alert_recipients"] {
                    flatten(alerts, path: "schools.\(id).notifications.alert_recipients")
                }
            }
        }
        flatten(tree, path: "")
        settings.sort { $0.key < $1.key }
        byKey = Dictionary(settings.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of `key` as printed, `.some(nil)` if it is not set, nil if there is no such key.
    func value(of key: String) -> String?? { byKey[key] }

    /// The sections of a school's effective configuration listed under `schools.<id>.`;
    /// the rest is the shared setting, listed once at the top level.
    static let schoolSections: Set<String> = [
        "school", "roster", "senders", "pupils", "actions", "thresholds", "images", "explanations", "scope", "exposed_recipients",
    ]

    /// The key whose built-in default a setting is compared with: a school's own
    /// `schools.<id>.actions.images` has the default of `actions.images`.
    static func defaultKey(of key: String) -> String {
        guard key.hasPrefix("schools.") else { return key }
        let rest = key.dropFirst("schools.".count)
        guard let dot = rest.firstIndex(of: ".") else { return key }
        return String(rest[rest.index(after: dot)...])
    }

    private mutating func flatten(_ value: JSONValue, path: String) {
        if case .object(let object) = value, !object.isEmpty || path.isEmpty {
            for (key, nested) in object { flatten(nested, path: path.isEmpty ? key : path + "." + key) }
            return
        }
        let secret = Self.secretWords.contains { path.lowercased().contains($0) }
        if case .null = value { settings.append((path, nil)) } else { settings.append((path, secret ? "(set)" : value.text)) }
    }

    static let secretWords = ["password", "secret", "token", "private_key"]

    /// A configuration value as `ConfigurationTreeEncoder` writes it.
    enum JSONValue {
        case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        var text: String {
            switch self {
            case .null: "null"
            case .bool(let bool): bool ? "true" : "false"
            case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case .string(let string): string
            case .array(let array): "[" + array.map(\.text).joined(separator: ", ") + "]"
            case .object(let object): "{" + object.keys.sorted().map { "\($0): \(object[$0]?.text ?? "null")" }.joined(separator: ", ") + "}"
            }
        }
    }
}
