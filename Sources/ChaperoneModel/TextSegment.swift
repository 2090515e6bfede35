/// A run of readable text extracted from a message, with its location. Detectors work
/// on segments; a segment never spans two locations.
public struct TextSegment: Codable, Hashable, Sendable {
    /// How the text was presented, which detectors use for proximity and bulk counting.
    public enum Role: String, Codable, Hashable, Sendable {
        /// Running text (paragraphs, plain-text bodies, header values).
        case prose
        /// One row of a table (HTML table, CSV line, spreadsheet row); cells are
        /// separated by tab characters so a row stays a row.
        case tableRow = "table-row"
        /// An image's alt text.
        case altText = "alt-text"
        /// A link target (href).
        case linkTarget = "link-target"
        /// A filename.
        case filename
    }

    public var location: TextLocation
    public var role: Role
    public var text: String
    /// For table rows: which table in the location (0-based) and which row (0 = first).
    public var table: Int?
    public var row: Int?

    public init(location: TextLocation, role: Role = .prose, text: String, table: Int? = nil, row: Int? = nil) {
        self.location = location
        self.role = role
        self.text = text
        self.table = table
        self.row = row
    }
}
