/// Why `chaperone serve` could not build what it runs on.
enum ServeError: Error, CustomStringConvertible {
    /// A module `serve` depends on is not wired into this build yet.
    case notYetWired(component: String, needed: String)

    var description: String {
        switch self {
        case .notYetWired(let component, let needed):
            "\(component) is not wired into this build yet (needed \(needed)); build from the merged main branch"
        }
    }
}
