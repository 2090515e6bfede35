/// The content of a notice, independent of its format: rendered once as plain text and
/// once as simple HTML so that both alternatives always say the same thing.
public struct NoticeDocument: Hashable, Sendable {
    /// One block of the body.
    public enum Block: Hashable, Sendable {
        case heading(String)
        case paragraph(String)
        case list([String])
    }

    public var subject: String
    public var blocks: [Block]

    public init(subject: String, blocks: [Block]) {
        self.subject = subject
        self.blocks = blocks
    }
}
