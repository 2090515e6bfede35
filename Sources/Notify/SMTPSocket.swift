#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A blocking TCP connection with read and write timeouts, reading CRLF-ended lines.
/// Used only from a thread of its own (never an event loop), and closed by `close()`.
final class SMTPSocket {
    /// Longest reply line accepted (RFC 5321 allows 512; servers may send more).
    static let maxLineBytes = 4_096

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var position = 0

    init(connectingTo listener: SMTPListenerAddress, timeoutSeconds: Double) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(listener.host, String(listener.port), &hints, &found)
        guard status == 0, let first = found else {
            throw NotifyError.cannotResolve(host: listener.host, code: status)
        }
        defer { freeaddrinfo(first) }
        var lastError: Int32 = 0
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            let candidate = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if candidate >= 0 {
                Self.setTimeouts(candidate, seconds: timeoutSeconds)
                if connect(candidate, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 {
                    descriptor = candidate
                    return
                }
                lastError = errno
                Self.closeDescriptor(candidate)
            } else {
                lastError = errno
            }
            cursor = info.pointee.ai_next
        }
        throw NotifyError.cannotConnect(listener: listener.description, errno: lastError)
    }

    func close() {
        Self.closeDescriptor(descriptor)
    }

    private static func closeDescriptor(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    #if canImport(Glibc)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    private static let sendFlags: Int32 = 0
    #endif

    /// Writes every byte or throws.
    func write(_ bytes: [UInt8], stage: String) throws {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBufferPointer { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return send(descriptor, base + sent, buffer.count - sent, Self.sendFlags)
            }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { throw NotifyError.connectionLost(stage: stage, errno: errno) }
            sent += result
        }
    }

    /// Reads one line, without its CRLF.
    func readLine(stage: String) throws -> String {
        var line: [UInt8] = []
        while true {
            if position == buffer.count { try fill(stage: stage) }
            let byte = buffer[position]
            position += 1
            if byte == UInt8(ascii: "\n") {
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            line.append(byte)
            guard line.count <= Self.maxLineBytes else { throw NotifyError.malformedReply(stage: stage) }
        }
    }

    private func fill(stage: String) throws {
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw NotifyError.connectionLost(stage: stage, errno: count == 0 ? 0 : errno) }
            buffer = Array(chunk[0..<count])
            position = 0
            return
        }
    }

    private static func setTimeouts(_ descriptor: Int32, seconds: Double) {
        let whole = Int(seconds)
        var value = timeval(tv_sec: whole, tv_usec: suseconds_t((seconds - Double(whole)) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }
}
