import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AppDatabase {
    /// Mode of the database and its `-wal`/`-shm` files: the owner (the milter's user)
    /// and the group (`chaperone`: the reviewers) read and write; others nothing. Who may
    /// review is who may open the store.
    public static let fileMode: mode_t = 0o660
    /// Mode of a directory this creates for the database: group-writable (SQLite creates
    /// `-wal`/`-shm` beside the file) and set-group-id, so files any reviewer creates
    /// there belong to the directory's group.
    public static let directoryMode: mode_t = 0o2770

    /// Creates the database directory and file before SQLite opens them, so that the
    /// file is never readable by others, not even for a moment. SQLite gives `-wal` and
    /// `-shm` the main file's mode and, when run as root, its owner (so
    /// `sudo chaperone …` cannot lock the milter out).
    static func createPrivateFiles(at path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateDatabase(path: path, errno: errno)
            }
            guard chmod(directory, directoryMode) == 0 else { throw StoreError.cannotCreateDatabase(path: directory, errno: errno) }
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw StoreError.cannotCreateDatabase(path: path, errno: errno) }
        close(descriptor)
    }

    /// Brings the files this user owns to `fileMode` (the umask may have narrowed a new
    /// file; an older version made them 0600, or a hand-made file may be world-readable).
    /// Files another user owns are left as their owner made them.
    static func restrictCompanionFiles(of path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            var status = stat()
            guard stat(file, &status) == 0, status.st_uid == geteuid(), status.st_mode & 0o7777 != fileMode else { continue }
            guard chmod(file, fileMode) == 0 else { throw StoreError.cannotCreateDatabase(path: file, errno: errno) }
        }
    }
}
