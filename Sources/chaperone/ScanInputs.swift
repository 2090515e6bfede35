import Foundation
#if canImport(Glibc)
import Glibc
#endif
import ScanPipeline

/// One message to scan, or a file that could not be read.
struct ScanInput: Sendable {
    /// `path`, or `path#N` for the Nth message of an mbox (1-based).
    var name: String
    var bytes: [UInt8]?
    var error: String?
}

/// Expands the PATH arguments of `chaperone scan` into messages: a file is one message
/// or, if it is an mbox, many; a directory is every regular file below it, sorted.
struct ScanInputs {
    let paths: [String]

    /// The files in order; directories are walked, hidden files skipped.
    func files() -> [(path: String, error: String?)] {
        var result: [(String, String?)] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.append((path, "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                result.append((path, nil))
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else {
                result.append((path, "cannot list this directory"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") { continue }
                let full = (path as NSString).appendingPathComponent(relative)
                var childIsDirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &childIsDirectory), !childIsDirectory.boolValue,
                   Self.isMessageFile(name) {
                    found.append(full)
                }
            }
            result += found.sorted().map { ($0, nil) }
        }
        return result
    }

    /// Files in a directory that are messages: `.eml`, `.msg` text, `.mbox`, or no extension.
    static func isMessageFile(_ name: String) -> Bool {
        let ext = (name as NSString).pathExtension.lowercased()
        return ["eml", "mbox", "mbx", "txt", ""].contains(ext)
    }

    /// Reads one file into its messages.
    static func read(_ path: String) -> [ScanInput] {
        guard let bytes = contents(of: path) else {
            return [ScanInput(name: path, error: "cannot read this file: check its permissions")]
        }
        let messages = MboxSplitter.messages(inFile: bytes)
        guard !messages.isEmpty else {
            return [ScanInput(name: path, error: "no message in this file (it is empty, or an mbox with no messages): give an .eml file or an mbox")]
        }
        guard MboxSplitter.isMbox(bytes) else {
            return [ScanInput(name: path, bytes: messages[0])]
        }
        return messages.enumerated().map { ScanInput(name: "\(path)#\($0.offset + 1)", bytes: $0.element) }
    }

    /// The file's bytes, read straight into one array (no `Data` beside it, so a 27 MB
    /// message is held once); nil when it cannot be opened or read (a directory, no permission).
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        let expected = fstat(descriptor, &status) == 0 ? max(0, Int(status.st_size)) : 0
        // Read straight into the array's storage, sized by fstat with a byte to spare, so
        // that end of file shows as a short read; a file that grew meanwhile is read on.
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            initialized = readFully(descriptor, into: buffer, failed: &failed)
        }
        guard !failed else { return nil }
        guard bytes.count == expected + 1 else { return bytes }
        while true {
            let chunk = [UInt8](unsafeUninitializedCapacity: 1 << 16) { buffer, initialized in
                initialized = readFully(descriptor, into: buffer, failed: &failed)
            }
            guard !failed else { return nil }
            bytes.append(contentsOf: chunk)
            if chunk.count < 1 << 16 { return bytes }
        }
    }

    /// Reads until `buffer` is full or the file ends; returns how many bytes were read.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, failed: inout Bool) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = Glibc.read(descriptor, base + filled, buffer.count - filled)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            filled += count
        }
        return filled
    }
}
