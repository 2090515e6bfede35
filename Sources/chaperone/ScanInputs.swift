import Foundation
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
        guard let data = FileManager.default.contents(atPath: path) else {
            return [ScanInput(name: path, error: "cannot read this file: check its permissions")]
        }
        let bytes = [UInt8](data)
        let messages = MboxSplitter.messages(inFile: bytes)
        guard !messages.isEmpty else {
            return [ScanInput(name: path, error: "no message in this file (it is empty, or an mbox with no messages): give an .eml file or an mbox")]
        }
        guard MboxSplitter.isMbox(bytes) else {
            return [ScanInput(name: path, bytes: messages[0])]
        }
        return messages.enumerated().map { ScanInput(name: "\(path)#\($0.offset + 1)", bytes: $0.element) }
    }
}
