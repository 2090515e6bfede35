import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// The loopback HTTP listener that serves `GET /metrics` in Prometheus's text format
/// from a `PrometheusCollectorRegistry` (`metrics.listen`). Anything else gets 404 or
/// 405; each response closes its connection. Started and stopped by `serve`.
public final class MetricsEndpoint: Sendable {
    let channel: any Channel
    /// The port actually bound (useful when the configuration asked for port 0).
    public let port: Int

    init(channel: any Channel) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
    }

    /// Binds `host:port` and serves `registry`; `beforeScrape` runs before each
    /// `/metrics` response (to refresh gauges computed at read time).
    public static func start(
        host: String, port: Int, registry: PrometheusCollectorRegistry,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        beforeScrape: @escaping @Sendable () -> Void = {}
    ) async throws -> MetricsEndpoint {
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        MetricsRequestHandler(registry: registry, beforeScrape: beforeScrape))
                }
            }
            .bind(host: host, port: port).get()
        return MetricsEndpoint(channel: channel)
    }

    /// `HOST:PORT` as `metrics.listen` holds it (`[::1]:9464` for IPv6), split for `start`.
    public static func hostAndPort(_ listen: String) -> (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else { return nil }
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    public func stop() async {
        try? await channel.close()
    }
}

/// Answers one HTTP request on a metrics connection.
final class MetricsRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let registry: PrometheusCollectorRegistry
    let beforeScrape: @Sendable () -> Void
    private var request: HTTPRequestHead?

    init(registry: PrometheusCollectorRegistry, beforeScrape: @escaping @Sendable () -> Void) {
        self.registry = registry
        self.beforeScrape = beforeScrape
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): request = head
        case .body: break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        var status = HTTPResponseStatus.ok
        var body: [UInt8] = []
        var contentType = "text/plain; charset=utf-8"
        if path != "/metrics" {
            status = .notFound
            body = Array("only /metrics is served here\n".utf8)
        } else if head.method != .GET && head.method != .HEAD {
            status = .methodNotAllowed
            body = Array("use GET\n".utf8)
        } else {
            beforeScrape()
            registry.emit(into: &body)
            contentType = "text/plain; version=0.0.4; charset=utf-8"
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        if head.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
