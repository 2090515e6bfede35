import ArgumentParser
import ChaperoneModel
import CoreMetrics
import Logging
import MetricsEndpoint
import Prometheus
import ServiceMetrics

/// `serve`'s metrics: when `metrics.listen` is set, swift-metrics is bootstrapped with
/// a Prometheus registry and `/metrics` is served on that loopback address; otherwise
/// nothing is started and the `ChaperoneMetrics` calls go nowhere.
enum ServeMetrics {
    static func start(_ configuration: Configuration, logger: Logger) async throws -> MetricsEndpoint? {
        guard let listen = configuration.metrics.listen else { return nil }
        guard let address = MetricsEndpoint.hostAndPort(listen) else {
            throw CommandFailure.input("metrics.listen '\(listen)' is not HOST:PORT: use 127.0.0.1:9464")
        }
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
        ]
        MetricsSystem.bootstrap(factory)
        do {
            let endpoint = try await MetricsEndpoint.start(host: address.host, port: address.port, registry: registry) {
                ChaperoneMetrics.updateRosterGauges()
            }
            logger.info("metrics listening", metadata: ["listen": "\(listen)", "path": "/metrics"])
            return endpoint
        } catch {
            logger.critical("metrics listener could not start", metadata: ["listen": "\(listen)", "error": "\(error)"])
            throw ExitCode(ExitStatus.refused.rawValue)
        }
    }
}
