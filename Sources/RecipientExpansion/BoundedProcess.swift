import Dispatch
import Foundation

/// Runs one of Postfix's lookup programs with input on standard input, bounded in time
/// (`timeoutSeconds`, then SIGKILL) and in output (`maxOutputBytes`, from
/// `expansion.max_list_bytes`). Blocking: call it
/// from a thread pool. Both pipes are drained on their own threads so that neither
/// can fill and stall the child.
struct BoundedProcess {
    struct Result {
        var status: Int32
        var output: [UInt8]
        var errors: String
    }

    enum Failure: Error {
        case couldNotStart(String)
        case timedOut
        case outputTooLarge
    }

    let executable: String
    let arguments: [String]
    let timeoutSeconds: Double
    let maxOutputBytes: Int

    /// A lookup program that exits without reading all its input (a fatal error on a
    /// missing map) must fail the lookup, not kill this process with SIGPIPE.
    static let brokenPipeIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    func run(input: [UInt8]) throws(Failure) -> Result {
        _ = Self.brokenPipeIgnored
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .couldNotStart("\(executable): \(error.localizedDescription)")
        }
        let pid = process.processIdentifier
        let writer = stdin.fileHandleForWriting, errorReader = stderr.fileHandleForReading
        let outputReader = stdout.fileHandleForReading
        let collected = Collected()
        let group = DispatchGroup()
        let queue = DispatchQueue.global()
        group.enter()
        queue.async {
            try? writer.write(contentsOf: input)
            try? writer.close()
            group.leave()
        }
        group.enter()
        queue.async {
            collected.errors = Self.read(errorReader, limit: 65_536, pid: pid).bytes
            group.leave()
        }
        group.enter()
        queue.async {
            let (bytes, overflowed) = Self.read(outputReader, limit: maxOutputBytes, pid: pid)
            collected.output = bytes
            collected.overflowed = overflowed
            group.leave()
        }
        if group.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            kill(pid, SIGKILL)
            group.wait()
            process.waitUntilExit()
            throw .timedOut
        }
        process.waitUntilExit()
        if collected.overflowed { throw .outputTooLarge }
        return Result(status: process.terminationStatus, output: collected.output,
                      errors: String(decoding: collected.errors, as: UTF8.self))
    }

    private static func read(_ handle: FileHandle, limit: Int, pid: Int32) -> (bytes: [UInt8], overflowed: Bool) {
        var bytes: [UInt8] = []
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return (bytes, false) }
            bytes += chunk
            if bytes.count > limit {
                kill(pid, SIGKILL)
                return (Array(bytes.prefix(limit)), true)
            }
        }
    }
}

/// Output gathered by the reader threads; read only after the group is waited on.
private final class Collected: @unchecked Sendable {
    var output: [UInt8] = []
    var errors: [UInt8] = []
    var overflowed = false
}
