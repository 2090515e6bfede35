#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One private (0600, `O_EXCL`) temporary file holding a message too big for memory.
/// Used only from thread-pool threads, one operation at a time: the owning
/// `MessageSpool` chains every operation after the previous one.
final class SpoolFile: @unchecked Sendable {
    let path: String
    private var descriptor: Int32 = -1
    private(set) var length = 0

    init(path: String) {
        self.path = path
    }

    /// Appends bytes, creating the file on first use.
    func append(_ bytes: [UInt8]) throws(MilterServerError) {
        if self.descriptor < 0 {
            self.descriptor = open(self.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard self.descriptor >= 0 else { throw .spoolFileFailed(path: self.path, errno: errno) }
        }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(self.descriptor, raw.baseAddress.map { $0 + written }, bytes.count - written, off_t(self.length + written))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw .spoolFileFailed(path: self.path, errno: errno) }
            written += result
        }
        self.length += written
    }

    /// Reads the whole file back.
    func readAll() throws(MilterServerError) -> [UInt8] {
        guard self.descriptor >= 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: self.length)
        var done = 0
        while done < self.length {
            let result = bytes.withUnsafeMutableBytes { raw in
                pread(self.descriptor, raw.baseAddress.map { $0 + done }, self.length - done, off_t(done))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw .spoolFileFailed(path: self.path, errno: errno) }
            done += result
        }
        return bytes
    }

    /// Closes and unlinks the file; safe to call more than once.
    func remove() {
        if self.descriptor >= 0 {
            close(self.descriptor)
            unlink(self.path)
            self.descriptor = -1
        }
    }

    deinit { self.remove() }
}
