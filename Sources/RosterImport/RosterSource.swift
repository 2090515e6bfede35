/// One roster file's name (for problem reports) and bytes. The CLI reads files; the
/// importer never touches the file system.
public struct RosterSource: Hashable, Sendable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}
