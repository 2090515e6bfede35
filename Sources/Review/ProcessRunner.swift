import Dispatch
import Foundation

/// Runs a program to completion off the cooperative thread pool and returns its exit
/// status and output.
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: String
    }

    func run(_ executable: String, _ arguments: [String]) async throws -> Result {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Result, any Error>) in
            DispatchQueue.global().async {
                do {
                    continuation.resume(returning: try Self.runBlocking(executable, arguments))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read standard error on another thread so that neither pipe can fill and stall the child.
        let errorData = ErrorCollector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData.data = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, standardOutput: [UInt8](outputData),
            standardError: String(decoding: errorData.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Standard error collected by a helper thread; read only after the group is waited on.
private final class ErrorCollector: @unchecked Sendable {
    var data = Data()
}
