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
        guard let fd = connectedSocket(port) else { return false }
        close(fd)
        return true
    }

    /// A TCP socket connected to 127.0.0.1:port, which the caller closes; nil when
    /// nothing accepts there. The one connect the test's HTTP clients share.
    static func connectedSocket(_ port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }
}
