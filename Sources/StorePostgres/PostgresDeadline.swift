import Foundation

/// Runs an operation with a time limit that holds even when the operation does not
/// notice cancellation (a pool waiting for a server that is down): the caller gets
/// `PostgresStoreError.timedOut` at the deadline and the operation is cancelled.
enum PostgresDeadline {
    static func run<Result: Sendable>(
        seconds: Double, _ operation: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        let outcome = OnceOutcome<Result>()
        return try await withCheckedThrowingContinuation { continuation in
            outcome.wait(continuation)
            let work = Task {
                do { outcome.settle(.success(try await operation())) } catch { outcome.settle(.failure(error)) }
            }
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
                guard !Task.isCancelled else { return }
                if outcome.settle(.failure(PostgresStoreError.timedOut(seconds: seconds))) { work.cancel() }
            }
            outcome.onSettle { timer.cancel() }
        }
    }
}

/// A continuation resumed exactly once, by whichever of the work and the timer ends first.
private final class OnceOutcome<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Result, any Error>?
    private var settled: Swift.Result<Result, any Error>?
    private var settleActions: [@Sendable () -> Void] = []

    func wait(_ continuation: CheckedContinuation<Result, any Error>) {
        lock.lock()
        self.continuation = continuation
        lock.unlock()
    }

    /// Runs `action` once the outcome is settled (at once if it is already).
    func onSettle(_ action: @escaping @Sendable () -> Void) {
        lock.lock()
        if settled != nil {
            lock.unlock()
            action()
            return
        }
        settleActions.append(action)
        lock.unlock()
    }

    /// True for the call that settled the outcome; later calls change nothing.
    @discardableResult
    func settle(_ result: Swift.Result<Result, any Error>) -> Bool {
        lock.lock()
        guard settled == nil, let continuation else {
            lock.unlock()
            return false
        }
        settled = result
        self.continuation = nil
        let actions = settleActions
        settleActions = []
        lock.unlock()
        continuation.resume(with: result)
        for action in actions { action() }
        return true
    }
}
