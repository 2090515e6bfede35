import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The learned include file on disk: read whole, replaced atomically (a temporary file
/// beside it, flushed to disk, then renamed over it), so a reload never sees half an
/// entry. Created 0640: it names pupils' roster keys.
public struct LearnedFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The file's text, nil when there is no file yet.
    public func read() throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LearnedFileWriter.WriteError(description: "cannot read the learned file '\(path)': check its permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Replaces the file's text with `text`, durably.
    public func replace(with text: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else {
            throw LearnedFileWriter.WriteError(description: "cannot write beside the learned file '\(path)': check the directory exists and is writable (\(String(cString: strerror(errno))))")
        }
        let bytes = Array(text.utf8)
        var written = 0
        let ok = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard ok, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw LearnedFileWriter.WriteError(description: "cannot write the learned file '\(path)': \(reason)")
        }
    }
}
