import NIOCore
import NIOPosix

/// Gathers one message's bytes (reconstructed headers, then the body) on its event
/// loop: in memory up to `memory_spool_bytes`, then in a private spool file written on
/// the thread pool, which has no name (see `SpoolFile`). Past `max_message_bytes` it
/// keeps counting but stores nothing.
/// All writes are chained, so the file always holds the bytes in order.
final class MessageSpool {
    let memoryLimit: Int
    let messageLimit: Int
    private let directory: String
    private let threadPool: NIOThreadPool
    private let eventLoop: any EventLoop
    private var memory: [UInt8] = []
    private var file: SpoolFile?
    private var pending: EventLoopFuture<Void>

    /// Bytes appended so far (also beyond the limit).
    private(set) var totalBytes = 0
    /// The most bytes ever held in memory for this message.
    private(set) var peakMemoryBytes = 0
    /// True once the message is larger than `max_message_bytes`.
    private(set) var isOverLimit = false
    /// True once the message went to a spool file.
    var isSpooled: Bool { self.file != nil }

    init(memoryLimit: Int, messageLimit: Int, directory: String, threadPool: NIOThreadPool, eventLoop: any EventLoop) {
        self.memoryLimit = memoryLimit
        self.messageLimit = messageLimit
        self.directory = directory
        self.threadPool = threadPool
        self.eventLoop = eventLoop
        self.pending = eventLoop.makeSucceededVoidFuture()
    }

    func append<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        self.totalBytes += bytes.count
        guard !self.isOverLimit else { return }
        guard self.totalBytes <= self.messageLimit else {
            self.isOverLimit = true
            self.memory = []
            self.discard()
            return
        }
        if self.file == nil, self.memory.count + bytes.count <= self.memoryLimit {
            self.memory.append(contentsOf: bytes)
            self.peakMemoryBytes = max(self.peakMemoryBytes, self.memory.count)
            return
        }
        let file = self.file ?? SpoolFile(directory: self.directory)
        self.file = file
        let chunk = self.memory + bytes
        self.memory = []
        self.pending = self.pending.flatMap { [threadPool, eventLoop] in
            threadPool.runIfActive(eventLoop: eventLoop) { try file.append(chunk) }
        }
    }

    /// Completes when every append so far is on disk (or fails if one failed).
    func flushed() -> EventLoopFuture<Void> { self.pending }

    /// The whole message, read back from the spool file when there is one.
    func contents() -> EventLoopFuture<[UInt8]> {
        guard let file = self.file else {
            let memory = self.memory
            return self.pending.map { memory }
        }
        return self.pending.flatMap { [threadPool, eventLoop] in
            threadPool.runIfActive(eventLoop: eventLoop) { try file.readAll() }
        }
    }

    /// Frees memory and removes the spool file (after pending writes finish).
    func discard() {
        self.memory = []
        guard let file = self.file else { return }
        self.file = nil
        self.pending.whenComplete { [threadPool] _ in
            threadPool.submit { _ in file.remove() }
        }
    }
}
