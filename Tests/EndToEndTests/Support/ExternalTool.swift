import Foundation

/// Runs a system tool (openssl, postmap, python3) with optional standard input and
/// returns what it printed; a non-zero exit is an error carrying its output.
enum ExternalTool {
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], input: [UInt8]? = nil, acceptedStatuses: Set<Int32> = [0]
    ) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // Standard input from a file, so that a tool printing a lot cannot deadlock us.
        let inputFile = FileManager.default.temporaryDirectory.appendingPathComponent("chaperone-tool-\(UUID().uuidString)")
        try Data(input ?? []).write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard acceptedStatuses.contains(process.terminationStatus) else {
            throw PostfixHarnessError.commandFailed(
                "\(executable) \(arguments.joined(separator: " "))",
                String(decoding: out + err, as: UTF8.self))
        }
        return [UInt8](out)
    }

    static func text(
        _ executable: String, _ arguments: [String], input: [UInt8]? = nil, acceptedStatuses: Set<Int32> = [0]
    ) throws -> String {
        String(decoding: try run(executable, arguments, input: input, acceptedStatuses: acceptedStatuses), as: UTF8.self)
    }
}
