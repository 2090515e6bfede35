import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Delivers the given signals as an async sequence, through `DispatchSource` signal
/// sources (the default handlers are switched off so the process is not killed).
final class SignalStream {
    let events: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    init(_ signals: Int32...) {
        let queue = DispatchQueue(label: "chaperone.signals")
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.events = stream
        self.sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    deinit {
        for source in self.sources { source.cancel() }
    }
}
