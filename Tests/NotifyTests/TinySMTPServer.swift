import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal SMTP server on 127.0.0.1 for tests: it accepts every transaction (or
/// refuses chosen recipients), un-dot-stuffs the data and records what it received.
final class TinySMTPServer: @unchecked Sendable {
    struct Transaction: Sendable, Equatable {
        var mailFrom: String
        var mailParameters: String = ""
        var recipients: [String]
        var data: [UInt8]
    }

    let port: Int
    private let listener: Int32
    private let refusedRecipient: String?
    private let lock = NSLock()
    private var received: [Transaction] = []

    init(refusingRecipient: String? = nil) throws {
        refusedRecipient = refusingRecipient
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        listener = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var listenerAddress: String { "127.0.0.1:\(port)" }

    var transactions: [Transaction] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            serve(connection)
            close(connection)
        }
    }

    private func serve(_ connection: Int32) {
        var reader = LineReader(descriptor: connection)
        func reply(_ text: String) { _ = text.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) } }
        reply("220 tiny ESMTP\r\n")
        var current = Transaction(mailFrom: "", recipients: [], data: [])
        while let line = reader.nextLine() {
            let command = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .newlines)
            let upper = command.uppercased()
            if upper.hasPrefix("EHLO") {
                reply("250-tiny\r\n250 8BITMIME\r\n")
            } else if upper.hasPrefix("MAIL FROM:") {
                current = Transaction(mailFrom: Self.address(in: command), recipients: [], data: [])
                current.mailParameters = command.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false).last.map {
                    $0.trimmingCharacters(in: .whitespaces)
                } ?? ""
                reply("250 2.1.0 ok\r\n")
            } else if upper.hasPrefix("RCPT TO:") {
                let recipient = Self.address(in: command)
                if recipient == refusedRecipient {
                    reply("550 5.1.1 no such user\r\n")
                } else {
                    current.recipients.append(recipient)
                    reply("250 2.1.5 ok\r\n")
                }
            } else if upper == "DATA" {
                reply("354 go ahead\r\n")
                while let dataLine = reader.nextLine(), dataLine != Array(".\r\n".utf8) {
                    current.data += dataLine.first == UInt8(ascii: ".") ? Array(dataLine.dropFirst()) : dataLine
                }
                lock.lock()
                received.append(current)
                lock.unlock()
                reply("250 2.0.0 queued as TEST\r\n")
            } else if upper == "QUIT" {
                reply("221 bye\r\n")
                return
            } else {
                reply("502 5.5.2 what\r\n")
            }
        }
    }

    private static func address(in command: String) -> String {
        guard let open = command.firstIndex(of: "<"), let close = command.lastIndex(of: ">"), open < close else {
            return ""
        }
        return String(command[command.index(after: open)..<close])
    }
}

/// Splits a socket's bytes into lines that keep their line ends.
private struct LineReader {
    let descriptor: Int32
    var buffer: [UInt8] = []

    mutating func nextLine() -> [UInt8]? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[...newline])
                buffer.removeFirst(newline + 1)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4_096)
            let count = chunk.withUnsafeMutableBufferPointer { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
        }
    }
}
