/// One macro the MTA sent: a name as spelled on the wire (`i`, `{auth_authen}`) and
/// its value.
public struct MilterMacro: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// The name without braces, the form Chaperone looks macros up by.
    public var bareName: String {
        if name.hasPrefix("{"), name.hasSuffix("}"), name.count >= 2 {
            return String(name.dropFirst().dropLast())
        }
        return name
    }
}
