import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AppDatabase {
    /// Creates the database directory (0700) and file (0600) before SQLite opens them,
    /// so that the file is never readable by others, not even for a moment. The `-wal`
    /// and `-shm` files are left to SQLite, which gives them the database file's mode
    /// and, when run as root, its owner (so `sudo chaperone …` cannot lock the milter out).
    static func createPrivateFiles(at path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.cannotCreateDatabase(path: path, errno: errno)
            }
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError.cannotCreateDatabase(path: path, errno: errno) }
        close(descriptor)
    }

    /// SQLite gives `-wal` and `-shm` the main file's mode; this makes sure of it
    /// for files left by an older version.
    static func restrictCompanionFiles(of path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            guard chmod(file, 0o600) == 0 else { throw StoreError.cannotCreateDatabase(path: file, errno: errno) }
        }
    }
}
