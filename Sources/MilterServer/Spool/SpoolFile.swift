#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One private temporary file holding a message too big for memory. It has no name
/// while in use: `O_TMPFILE` (Linux) creates it unnamed in the spool directory, and where
/// that is not supported it is created 0600 with `O_EXCL` and unlinked at once. A crash
/// or kill -9 therefore leaves nothing behind: the kernel frees the file with the
/// descriptor. Used only from thread-pool threads, one operation at a time: the owning
/// `MessageSpool` chains every operation after the previous one.
final class SpoolFile: @unchecked Sendable {
    /// Names of spool files older versions left (`msg-…`); `MilterServer.start` removes them.
    static let legacyNamePrefix = "msg-"
    #if os(Linux)
    /// `O_TMPFILE` as glibc defines it (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import.
    static let temporaryFileFlag: Int32 = 0o20_000_000 | O_DIRECTORY
    #endif

    let directory: String
    private var descriptor: Int32 = -1
    private(set) var length = 0

    init(directory: String) {
        self.directory = directory
    }

    /// Appends bytes, creating the file on first use.
    func append(_ bytes: [UInt8]) throws(MilterServerError) {
        if self.descriptor < 0 { self.descriptor = try Self.openUnnamed(in: self.directory) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                pwrite(self.descriptor, raw.baseAddress.map { $0 + written }, bytes.count - written, off_t(self.length + written))
            }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw .spoolFileFailed(path: self.directory, errno: errno) }
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
            guard result > 0 else { throw .spoolFileFailed(path: self.directory, errno: errno) }
            done += result
        }
        return bytes
    }

    /// Closes the file, which frees it; safe to call more than once.
    func remove() {
        if self.descriptor >= 0 {
            close(self.descriptor)
            self.descriptor = -1
        }
    }

    deinit { self.remove() }

    /// An open descriptor for a new file that no name refers to.
    static func openUnnamed(in directory: String) throws(MilterServerError) -> Int32 {
        #if os(Linux)
        let unnamed = open(directory, O_RDWR | O_CLOEXEC | Self.temporaryFileFlag, 0o600)
        if unnamed >= 0 { return unnamed }
        // Filesystems without O_TMPFILE say EOPNOTSUPP (or EISDIR on old kernels).
        guard errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL else {
            throw .spoolFileFailed(path: directory, errno: errno)
        }
        #endif
        var generator = SystemRandomNumberGenerator()
        let path = "\(directory)/tmp-\(String(generator.next(), radix: 36))\(String(generator.next(), radix: 36))"
        let named = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard named >= 0 else { throw .spoolFileFailed(path: path, errno: errno) }
        unlink(path)
        return named
    }
}
