import Foundation

/// The fields of an `application/x-www-form-urlencoded` body, in order, repeated names
/// kept (the bulk form sends one `id` per ticked message). Bounded: at most
/// `maxBytes` of body and `maxFields` fields.
public struct FormFields: Hashable, Sendable {
    /// The largest form body accepted (a reason and a page of ids fit easily).
    public static let maxBytes = 64 * 1024
    public static let maxFields = 1_000

    public private(set) var pairs: [(name: String, value: String)] = []

    public init() {}

    /// Parses a body; nil when it is not a well-formed form within the bounds.
    public init?(body: String) {
        guard body.utf8.count <= Self.maxBytes else { return nil }
        for piece in body.split(separator: "&", omittingEmptySubsequences: true) {
            guard pairs.count < Self.maxFields else { return nil }
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            pairs.append((name, value))
        }
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value of `name`.
    public func all(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The first value of `name`, trimmed; nil when missing or blank.
    public func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
        lhs.pairs.map(\.name) == rhs.pairs.map(\.name) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
