import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (a child process and the wait for it) on a thread of its own, so
/// an async test never holds a thread of Swift's cooperative pool while it waits.
///
/// The pool has one thread per core (two in CI). A test that waits there for a tool
/// talking to a server in this same process (`openssl s_client` to the web app, whose
/// handlers run on the pool) can, with one other test blocked the same way, leave no
/// thread for the server to answer on: both waits then last for ever. The thread also
/// starts with no signals blocked, so a child it spawns (`timeout`) gets SIGTERM as
/// usual; dispatch's worker threads block signals and children inherit that mask.
enum OwnThread {
    static func run<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                var none = sigset_t()
                sigemptyset(&none)
                pthread_sigmask(SIG_SETMASK, &none, nil)
                continuation.resume(with: Swift.Result { try work() })
            }
            thread.start()
        }
    }
}
