import Foundation

/// One HTTP/1.1 request over a loopback TCP socket (`Connection: close`, so the response
/// ends where the server closes), with a cookie and a form: enough to sign in to
/// `chaperone web` and press its buttons as a browser would.
enum HTTPExchange {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        /// The value a `Set-Cookie` header gives `name`, if any.
        func cookie(_ name: String) -> String? {
            for header in headers where header.name.lowercased() == "set-cookie" && header.value.hasPrefix(name + "=") {
                return String(header.value.dropFirst(name.count + 1).prefix { $0 != ";" })
            }
            return nil
        }

        /// The first CSRF token in the page's forms.
        var csrfToken: String? {
            guard let range = body.range(of: "name=\"csrf\" value=\"") else { return nil }
            return String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func send(port: Int, _ method: String, _ path: String, cookie: String? = nil, form: [(String, String)]? = nil,
                     service: String = "chaperone web") throws -> Response {
        guard let fd = FreePort.connectedSocket(port) else { throw PostfixHarnessError.notListening(port: port, log: service) }
        defer { close(fd) }
        let body = form.map { fields in
            fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        if let body { head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n" }
        let request = Array((head + "\r\n" + (body ?? "")).utf8)
        var sent = 0
        while sent < request.count {
            let count = request[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw PostfixHarnessError.commandFailed("send", "\(errno)") }
            sent += count
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return Response(status: 0, headers: [], body: text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        // Hummingbird may send the page in chunks: join them.
        var payload = String(text[split.upperBound...])
        if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased().contains("chunked") }) {
            payload = dechunked(payload)
        }
        return Response(status: status, headers: headers, body: payload)
    }

    /// A chunked body joined (sizes in hex, each line ended by CRLF).
    static func dechunked(_ text: String) -> String {
        var bytes = Substring(text)
        var result = ""
        while let lineEnd = bytes.range(of: "\r\n"), let size = Int(bytes[..<lineEnd.lowerBound].split(separator: ";").first ?? "", radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let utf8 = bytes[start...].utf8
            let end = utf8.index(utf8.startIndex, offsetBy: min(size, utf8.count))
            result += String(bytes[start..<end])
            bytes = bytes[end...].dropFirst(2)
        }
        return result
    }
}
