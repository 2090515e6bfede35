/// Why a compound file (OLE2 / CFB: legacy Word, Excel, PowerPoint, Outlook .msg) or a
/// document inside one could not be read. `reason` is shown to the sender and reviewer.
enum CompoundFileError: Error, Equatable {
    /// Not a compound file at all (wrong signature or header).
    case notCompoundFile
    /// The container or a document inside it is malformed; says what was wrong.
    case damaged(String)
    /// The document is password-protected or otherwise encrypted.
    case encrypted(String)
    /// A format variant that is recognised but not read (e.g. Word 6 / Excel 5).
    case unsupported(String)
    /// Reading would exceed `max_archive_expansion_bytes`.
    case overBudget

    var reason: String {
        switch self {
        case .notCompoundFile: "it is not a readable OLE2 compound file"
        case .damaged(let what): "it is damaged (\(what))"
        case .encrypted(let what): "it is encrypted (\(what))"
        case .unsupported(let what): "its format is not supported (\(what))"
        case .overBudget: "it expands beyond max_archive_expansion_bytes"
        }
    }

    /// The same reason in the words every reader uses (damaged, encrypted, unsupported
    /// format), so a damaged .doc reads like a damaged .docx; nil for `overBudget`,
    /// which is a limit.
    var unreadContent: (reason: UnreadContent, detail: String?)? {
        switch self {
        case .notCompoundFile: (.damaged, "not a readable OLE2 compound file")
        case .damaged(let what): (.damaged, what)
        case .encrypted(let what): (.encrypted(what), nil)
        case .unsupported(let what): (.unsupportedFormat, what)
        case .overBudget: nil
        }
    }
}
