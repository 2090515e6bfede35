import ScanPipeline
import Synchronization
import Testing

/// `InOrderBoard` hands every result out once, in input order, whatever order the
/// workers finish in, and never lets a worker claim more than `window` inputs ahead of
/// the next result to hand out.
@Suite struct InOrderBoardTests {
    /// What the workers saw, shared between them.
    final class Record: Sendable {
        struct State {
            var handedOut: [Int] = []
            var furthestAhead = 0
            /// A worker is between taking a result and asking for the next one.
            var handingOut = false
            /// Two workers were ever handing results out at once.
            var overlapped = false
        }
        let state = Mutex(State())
    }

    /// Runs `workers` workers over `inputs` inputs; input i takes `cost(i)` yields.
    func run(inputs: Int, workers: Int, window: Int, cost: @escaping @Sendable (Int) -> Int) async -> Record.State {
        let board = InOrderBoard<Int>(inputs: inputs, window: window)
        let record = Record()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    while let index = await board.claim() {
                        record.state.withLock { state in
                            state.furthestAhead = max(state.furthestAhead, index - state.handedOut.count)
                        }
                        for _ in 0..<cost(index) { await Task.yield() }
                        guard board.deposit(index * 10, at: index) else { continue }
                        while let (number, result) = board.nextInOrder() {
                            #expect(result == number * 10)
                            record.state.withLock { state in
                                if state.handingOut { state.overlapped = true }
                                state.handingOut = true
                                state.handedOut.append(number)
                            }
                            await Task.yield()
                            record.state.withLock { $0.handingOut = false }
                        }
                    }
                }
            }
        }
        return record.state.withLock { $0 }
    }

    @Test(arguments: [(1, 1), (1, 16), (2, 1), (2, 3), (4, 2), (8, 5)])
    func everyResultOnceInInputOrderWithinTheWindow(workers: Int, window: Int) async {
        // Every seventh input is slow, as a CSV list is among short messages.
        let seen = await run(inputs: 300, workers: workers, window: window) { $0 % 7 == 3 ? 40 : $0 % 3 }
        #expect(seen.handedOut == Array(0..<300))
        // The record of what was handed out lags the board by at most the one result
        // being handed out, so an input claimed inside the window reads as < window + 1.
        #expect(seen.furthestAhead <= window, "a worker claimed an input \(seen.furthestAhead) ahead, window \(window)")
        #expect(!seen.overlapped, "two workers handed results out at once")
    }

    @Test func noInputsEndsAtOnce() async {
        let seen = await run(inputs: 0, workers: 3, window: 4) { _ in 0 }
        #expect(seen.handedOut.isEmpty)
    }
}
