/// Why the Postfix test harness could not do its job.
enum PostfixHarnessError: Error, CustomStringConvertible {
    case commandFailed(String, String)
    case notListening(port: Int, log: String)
    case noFreePort

    var description: String {
        switch self {
        case .commandFailed(let command, let output): "\(command) failed:\n\(output)"
        case .notListening(let port, let log): "Postfix did not start (no listener on 127.0.0.1:\(port), or its master never logged \"daemon started\") within 20 s. Log:\n\(log)"
        case .noFreePort: "no free loopback port"
        }
    }
}
