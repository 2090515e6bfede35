@testable import MilterServer
import NIOCore
import NIOEmbedded
import Testing

/// The admission alone, on an embedded event loop: workers and the byte budget bound
/// what runs, the queue is first come first served, and a withdrawn or refused request
/// never runs.
@Suite struct ScanAdmissionTests {
    let loop = EmbeddedEventLoop()

    /// What a future holds; the embedded loop completes callbacks at once, on this thread.
    private final class Observed: @unchecked Sendable {
        var state = "waiting"
    }

    private func state(_ future: EventLoopFuture<Void>) -> String {
        let observed = Observed()
        future.whenComplete { result in
            switch result {
            case .success: observed.state = "granted"
            case .failure(let error): observed.state = "\(error)"
            }
        }
        return observed.state
    }

    @Test func grantsWhileWorkersAndBudgetAllow() {
        let admission = ScanAdmission(workers: 2, budgetBytes: 1_000)
        let first = admission.request(bytes: 400, mayWait: true, eventLoop: loop)
        let second = admission.request(bytes: 400, mayWait: true, eventLoop: loop)
        let third = admission.request(bytes: 100, mayWait: true, eventLoop: loop)
        #expect(!first.waits && !second.waits)
        #expect(third.waits, "two workers are busy")
        #expect(state(third.granted) == "waiting")
        admission.release(first.ticket)
        #expect(state(third.granted) == "granted")
        #expect(admission.load == ScanAdmission.Load(running: 2, bytesInFlight: 500, waiting: 0, peakBytesInFlight: 800))
    }

    @Test func overBudgetWaitsOrIsRefusedAtOnce() {
        let admission = ScanAdmission(workers: 4, budgetBytes: 1_000)
        let running = admission.request(bytes: 900, mayWait: true, eventLoop: loop)
        let refused = admission.request(bytes: 200, mayWait: false, eventLoop: loop)
        #expect(state(running.granted) == "granted")
        #expect(state(refused.granted) == "overBudget")
        let waiting = admission.request(bytes: 200, mayWait: true, eventLoop: loop)
        #expect(waiting.waits)
        admission.release(running.ticket)
        #expect(state(waiting.granted) == "granted")
    }

    @Test func aMessageLargerThanTheBudgetRunsAlone() {
        let admission = ScanAdmission(workers: 4, budgetBytes: 1_000)
        let small = admission.request(bytes: 10, mayWait: true, eventLoop: loop)
        let huge = admission.request(bytes: 5_000, mayWait: true, eventLoop: loop)
        #expect(state(huge.granted) == "waiting")
        admission.release(small.ticket)
        #expect(state(huge.granted) == "granted")
        let next = admission.request(bytes: 10, mayWait: true, eventLoop: loop)
        #expect(state(next.granted) == "waiting", "nothing runs beside a message over the whole budget")
        admission.release(huge.ticket)
        #expect(state(next.granted) == "granted")
    }

    @Test func theQueueIsFirstComeFirstServed() {
        let admission = ScanAdmission(workers: 4, budgetBytes: 1_000)
        let running = admission.request(bytes: 600, mayWait: true, eventLoop: loop)
        let large = admission.request(bytes: 800, mayWait: true, eventLoop: loop)
        let small = admission.request(bytes: 100, mayWait: true, eventLoop: loop)
        // The small one would fit, but it does not overtake the large one ahead of it.
        #expect(state(large.granted) == "waiting")
        #expect(state(small.granted) == "waiting")
        admission.release(running.ticket)
        #expect(state(large.granted) == "granted")
        #expect(state(small.granted) == "granted")
    }

    @Test func aWithdrawnRequestNeverRunsAndUnblocksTheQueue() {
        let admission = ScanAdmission(workers: 4, budgetBytes: 1_000)
        let running = admission.request(bytes: 500, mayWait: true, eventLoop: loop)
        let large = admission.request(bytes: 900, mayWait: true, eventLoop: loop)
        let small = admission.request(bytes: 100, mayWait: true, eventLoop: loop)
        #expect(admission.withdraw(large.ticket))
        #expect(state(large.granted) == "withdrawn")
        #expect(state(small.granted) == "granted")
        #expect(!admission.withdraw(small.ticket), "a granted request is released, not withdrawn")
        admission.release(small.ticket)
        admission.release(small.ticket)
        admission.release(running.ticket)
        #expect(admission.load.running == 0)
        #expect(admission.load.bytesInFlight == 0)
    }
}
