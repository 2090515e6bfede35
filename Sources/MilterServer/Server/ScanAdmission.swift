import NIOCore
import Synchronization

/// Bounds the scans running at once, so that a burst of large messages is queued rather
/// than run out of memory: at most `workers` scans (one per scan thread; more would only
/// wait inside the pool holding their bytes) and at most `budgetBytes` of message bytes
/// among them (`milter.max_scan_bytes_in_flight`). A message that does not fit waits its
/// turn in arrival order (so a large one is not starved by small ones behind it); one
/// larger than the whole budget runs when nothing else does. How long a message may wait
/// (`milter.admission_wait_seconds`) is the session's business: it withdraws its request
/// and applies the fail action when the wait is over.
///
/// Thread-safe. Promises are completed outside the lock.
final class ScanAdmission: Sendable {
    /// One request, to withdraw it or to release what it was granted.
    struct Ticket: Hashable, Sendable {
        fileprivate let id: Int
        let bytes: Int
    }

    /// Why a request was not granted.
    enum Refusal: Error, Hashable {
        /// The request could not be granted at once and was not allowed to wait.
        case overBudget
        /// The request was withdrawn while it waited.
        case withdrawn
    }

    /// What the admission holds now, for the statistics.
    struct Load: Hashable, Sendable {
        var running = 0
        var bytesInFlight = 0
        var waiting = 0
        var peakBytesInFlight = 0
    }

    private struct Waiter {
        var ticket: Ticket
        var promise: EventLoopPromise<Void>
    }

    private struct State {
        var budgetBytes: Int
        var load = Load()
        var waiting: [Waiter] = []
        var nextID = 0
        var granted: Set<Int> = []

        func fits(_ bytes: Int, workers: Int) -> Bool {
            load.running < workers && (load.running == 0 || load.bytesInFlight + bytes <= budgetBytes)
        }

        mutating func grant(_ ticket: Ticket) {
            load.running += 1
            load.bytesInFlight += ticket.bytes
            load.peakBytesInFlight = max(load.peakBytesInFlight, load.bytesInFlight)
            granted.insert(ticket.id)
        }
    }

    let workers: Int
    private let state: Mutex<State>

    init(workers: Int, budgetBytes: Int) {
        self.workers = max(1, workers)
        self.state = Mutex(State(budgetBytes: max(0, budgetBytes)))
    }

    /// The budget new requests are held to (a reload may change it).
    var budgetBytes: Int {
        get { self.state.withLock { $0.budgetBytes } }
        set { self.state.withLock { $0.budgetBytes = max(0, newValue) } }
    }

    var load: Load { self.state.withLock { $0.load } }

    /// Asks to scan a message of `bytes`. The future succeeds once the scan may start
    /// (at once when it fits and nobody is queued ahead), or fails with `Refusal`:
    /// `.overBudget` at once when it does not fit and `mayWait` is false, `.withdrawn`
    /// after `withdraw`. `waits` tells whether the request joined the queue. A granted
    /// ticket must be `release`d (a second release does nothing).
    func request(bytes: Int, mayWait: Bool, eventLoop: any EventLoop)
        -> (ticket: Ticket, granted: EventLoopFuture<Void>, waits: Bool)
    {
        let promise = eventLoop.makePromise(of: Void.self)
        let (ticket, outcome) = self.state.withLock { state -> (Ticket, Bool?) in
            let ticket = Ticket(id: state.nextID, bytes: max(0, bytes))
            state.nextID += 1
            if state.waiting.isEmpty, state.fits(ticket.bytes, workers: self.workers) {
                state.grant(ticket)
                return (ticket, true)
            }
            guard mayWait else { return (ticket, false) }
            state.waiting.append(Waiter(ticket: ticket, promise: promise))
            state.load.waiting = state.waiting.count
            return (ticket, nil)
        }
        switch outcome {
        case true?: promise.succeed()
        case false?: promise.fail(Refusal.overBudget)
        case nil: break
        }
        return (ticket, promise.futureResult, outcome == nil)
    }

    /// Takes a waiting request out of the queue (its future fails with `.withdrawn`).
    /// Returns false when it was already granted (the caller must then release it) or
    /// is unknown.
    @discardableResult
    func withdraw(_ ticket: Ticket) -> Bool {
        let removed = self.state.withLock { state -> Waiter? in
            guard let index = state.waiting.firstIndex(where: { $0.ticket == ticket }) else { return nil }
            let waiter = state.waiting.remove(at: index)
            state.load.waiting = state.waiting.count
            return waiter
        }
        guard let removed else { return false }
        removed.promise.fail(Refusal.withdrawn)
        // The head of the queue may have been the one holding the others back.
        self.admitWaiting()
        return true
    }

    /// Gives back what a granted ticket held, and lets the next waiting requests in.
    /// A second release of the same ticket does nothing.
    func release(_ ticket: Ticket) {
        let released = self.state.withLock { state -> Bool in
            guard state.granted.remove(ticket.id) != nil else { return false }
            state.load.running -= 1
            state.load.bytesInFlight -= ticket.bytes
            return true
        }
        if released { self.admitWaiting() }
    }

    private func admitWaiting() {
        let admitted = self.state.withLock { state -> [Waiter] in
            var admitted: [Waiter] = []
            while let head = state.waiting.first, state.fits(head.ticket.bytes, workers: self.workers) {
                state.waiting.removeFirst()
                state.grant(head.ticket)
                admitted.append(head)
            }
            state.load.waiting = state.waiting.count
            return admitted
        }
        for waiter in admitted { waiter.promise.succeed() }
    }
}
