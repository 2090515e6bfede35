#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Loopback ports for the servers tests start (Postfix, `chaperone serve`, PostgreSQL),
/// shared by every test in the process. A port is handed out at most once per run and
/// only after a bind to it succeeded, and it comes from below Linux's ephemeral range
/// (32768–60999), so neither another test's server nor an outgoing connection can be
/// given the same port between the choice and the moment the server binds it (a
/// "milter down" test once found another test's milter on its port).
public enum LoopbackPorts {
    /// Where ports are taken from: below the kernel's ephemeral ports.
    public static let range = 20_000..<32_000

    /// Thrown when no port in `range` can be bound.
    public struct Exhausted: Error, CustomStringConvertible {
        public var description: String { "no free loopback port in \(LoopbackPorts.range)" }
    }

    /// The next candidate; starts at a place chosen by the process id, so two test
    /// processes on one machine walk different stretches of the range.
    private static let cursor = Mutex<Int>(Int(getpid()) % (range.upperBound - range.lowerBound))

    /// A port no other caller in this process has been given, free when returned.
    public static func next() throws -> Int {
        for _ in range {
            let port = cursor.withLock { offset -> Int in
                let port = range.lowerBound + offset
                offset = (offset + 1) % (range.upperBound - range.lowerBound)
                return port
            }
            if canBind(port) { return port }
        }
        throw Exhausted()
    }

    /// True when a listening socket could bind 127.0.0.1:port now.
    private static func canBind(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
