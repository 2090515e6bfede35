import Foundation

/// `scan`'s progress line on standard error: only when standard error is a terminal
/// and the run is long (more than `minimumFiles` files), redrawn in place, and cleared
/// at the end so the terminal shows only the verdicts and the summary.
struct ScanProgress: Sendable {
    /// Runs over fewer files than this show no progress.
    static let minimumFiles = 200

    /// Progress for a run over `files` files, or nil when none should be shown.
    static func make(files: Int, standardErrorIsTerminal: Bool = isatty(STDERR_FILENO) == 1) -> ScanProgress? {
        standardErrorIsTerminal && files >= minimumFiles ? ScanProgress() : nil
    }

    func update(done: Int, of total: Int) {
        FileHandle.standardError.write(Data("\r\u{1B}[Kscanning: \(done)/\(total) files".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
