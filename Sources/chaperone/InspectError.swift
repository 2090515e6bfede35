/// Errors from `chaperone inspect`, saying what failed, where, and how to fix it.
enum InspectError: Error, CustomStringConvertible {
    case unreadable(path: String)

    var description: String {
        switch self {
        case .unreadable(let path):
            "cannot read \(path): check that the file exists and that you may read it"
        }
    }
}
