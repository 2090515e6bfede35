/// The header block of one entity: fields in order, repeated fields kept, looked up by
/// name case-insensitively.
public struct MessageHeaders: Hashable, Sendable {
    /// Every field in the order received.
    public var fields: [HeaderField]

    public init(_ fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// The first field with this name (case-insensitive).
    public func first(named name: String) -> HeaderField? {
        let wanted = name.lowercased()
        return fields.first { $0.hasLowercasedName(wanted) }
    }

    /// Every field with this name, in order.
    public func all(named name: String) -> [HeaderField] {
        let wanted = name.lowercased()
        return fields.filter { $0.hasLowercasedName(wanted) }
    }

    /// The decoded value of the first field with this name.
    public subscript(name: String) -> String? {
        first(named: name)?.decodedValue
    }

    /// The addresses in every field with this name (e.g. all `To` fields).
    public func addresses(named name: String) -> [MailAddress] {
        all(named: name).flatMap { AddressListParser.parse($0.value) }
    }

    public var isEmpty: Bool { fields.isEmpty }
}
