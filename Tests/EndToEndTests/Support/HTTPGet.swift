import Foundation

/// A plain HTTP/1.1 GET (`HTTPExchange`), enough to scrape `/metrics`.
enum HTTPGet {
    struct Response {
        var status: Int
        var body: String
    }

    static func fetch(port: Int, path: String) throws -> Response {
        let response = try HTTPExchange.send(port: port, "GET", path, service: "metrics endpoint")
        return Response(status: response.status, body: response.body)
    }

    /// The value of the sample `name{labels}` (or `name` alone) in a Prometheus text body.
    static func sample(_ body: String, _ name: String) -> Double? {
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            if parts.count >= 2, parts[0] == name { return Double(parts[1]) }
        }
        return nil
    }
}
