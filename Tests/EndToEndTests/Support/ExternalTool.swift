import Foundation

/// Runs a system tool (openssl, postmap, python3) with optional standard input and
/// returns what it printed; a non-zero exit is an error carrying its output.
enum ExternalTool {
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        try process.run()
        // Write on another thread so that a tool printing a lot cannot deadlock us.
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(Data(input)) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PostfixHarnessError.commandFailed(
                "\(executable) \(arguments.joined(separator: " "))",
                String(decoding: out + err, as: UTF8.self))
        }
        return [UInt8](out)
    }

    static func text(_ executable: String, _ arguments: [String], input: [UInt8]? = nil) throws -> String {
        String(decoding: try run(executable, arguments, input: input), as: UTF8.self)
    }
}
