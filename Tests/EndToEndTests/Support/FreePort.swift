import PostgresTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Loopback ports for services the test starts outside this process (Postfix).
enum FreePort {
    /// A port no other test in this process has been given, free when returned
    /// (`LoopbackPorts`).
    static func next() throws -> Int {
        do {
            return try LoopbackPorts.next()
        } catch {
            throw PostfixHarnessError.noFreePort
        }
    }

    /// True when something accepts connections on 127.0.0.1:port.
    static func isListening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = Self.loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
