import Synchronization

/// What the workers of an in-order run share (`chaperone scan`): which input is next to
/// work on and which is next to hand out, the results finished out of order, and
/// whether a worker is handing out. Each worker claims an input, works on it, and leaves
/// its result; whichever worker leaves the next result in order becomes the one that
/// hands results out (`deposit` then `nextInOrder`) while the others go on working, so
/// results come out in input order, as they finish, with no coordinator to wake.
///
/// Every step is one short critical section. A worker `window` inputs ahead of the next
/// result to hand out waits (suspended, holding no thread) until the others catch up, so
/// at most `window` results are ever held.
public final class InOrderBoard<Outcome: Sendable>: Sendable {
    private struct State {
        var nextToClaim = 0
        var nextToHandOut = 0
        var finished: [Int: Outcome] = [:]
        /// A worker is handing results out: the others only leave theirs.
        var handingOut = false
        /// Workers waiting for handing out to catch up with the window.
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    private let inputs: Int
    private let window: Int
    private let state = Mutex(State())

    /// A board for `inputs` inputs, numbered from 0, with at most `window` (at least 1)
    /// claimed ahead of the next result to hand out.
    public init(inputs: Int, window: Int) {
        self.inputs = inputs
        self.window = max(1, window)
    }

    private enum Claim {
        case work(Int)
        case wait
        case done
    }

    /// The next input to work on, once it is inside the window; nil when none is left.
    public func claim() async -> Int? {
        while true {
            let claim = state.withLock { state -> Claim in
                guard state.nextToClaim < inputs else { return .done }
                guard state.nextToClaim < state.nextToHandOut + window else { return .wait }
                state.nextToClaim += 1
                return .work(state.nextToClaim - 1)
            }
            switch claim {
            case .work(let index): return index
            case .done: return nil
            case .wait:
                await withCheckedContinuation { continuation in
                    let resumeNow = state.withLock { state -> Bool in
                        if state.nextToClaim < state.nextToHandOut + window || state.nextToClaim >= inputs { return true }
                        state.waiting.append(continuation)
                        return false
                    }
                    if resumeNow { continuation.resume() }
                }
            }
        }
    }

    /// Leaves an input's result; true when the caller is now the one handing results
    /// out, and must take them (`nextInOrder`) until it gets nil.
    public func deposit(_ result: Outcome, at index: Int) -> Bool {
        state.withLock { state in
            state.finished[index] = result
            guard !state.handingOut else { return false }
            state.handingOut = true
            return true
        }
    }

    /// For the worker handing results out: the next input's number and result, if it
    /// is finished; nil when it is not, and then the caller no longer hands results out.
    public func nextInOrder() -> (index: Int, result: Outcome)? {
        let (next, woken) = state.withLock { state -> ((Int, Outcome)?, [CheckedContinuation<Void, Never>]) in
            guard let ready = state.finished.removeValue(forKey: state.nextToHandOut) else {
                state.handingOut = false
                return (nil, [])
            }
            state.nextToHandOut += 1
            let woken = state.waiting
            state.waiting.removeAll()
            return ((state.nextToHandOut - 1, ready), woken)
        }
        for continuation in woken { continuation.resume() }
        return next
    }
}
