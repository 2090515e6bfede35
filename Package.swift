// swift-tools-version: 6.2
import PackageDescription

/// Chaperone: an outbound-mail milter that keeps pupils' personal data where it belongs.
/// The module graph follows ../shared/design/ARCHITECTURE.md: a pure scanning core
/// (model, MIME, text, roster, detectors, policy, pipeline) with I/O at the edges
/// (milter, store, notify, CLI).
let package = Package(
    name: "Chaperone",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chaperone", targets: ["chaperone"]),
        .executable(name: "chaperone-bench", targets: ["chaperone-bench"]),
        // The parsers of hostile input, for the libFuzzer package in fuzz/.
        .library(name: "ChaperoneParsers", targets: ["MIMEParser", "TextExtraction", "RosterImport", "MilterProtocol"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "ChaperoneModel"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "ChaperoneZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .target(name: "MIMEParser", dependencies: ["ChaperoneModel"]),
        .target(
            name: "TextExtraction",
            dependencies: [
                "ChaperoneModel", "MIMEParser", "CLibXML2", "ChaperoneZlib", "CLibArchive",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(name: "RosterImport", dependencies: ["ChaperoneModel", "CLibXML2", "Detectors"]),
        .target(name: "Detectors", dependencies: ["ChaperoneModel"]),
        .target(name: "Policy", dependencies: ["ChaperoneModel", "Yams"]),
        .target(name: "RecipientExpansion", dependencies: ["ChaperoneModel"]),
        .target(
            name: "ScanPipeline",
            dependencies: ["ChaperoneModel", "MIMEParser", "TextExtraction", "Detectors", "Policy", "RosterImport"]
        ),
        .target(
            name: "MilterProtocol",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        .target(
            name: "MilterServer",
            dependencies: [
                "ChaperoneModel", "MilterProtocol", "ScanPipeline", "Store", "Notify", "RecipientExpansion", "ServiceMetrics",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Store",
            dependencies: [
                "ChaperoneModel", "ChaperoneZlib", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The shared store for several mail hosts: DecisionStore and ReviewStore on PostgreSQL.
        .target(
            name: "StorePostgres",
            dependencies: [
                "ChaperoneModel", "Store",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "Notify", dependencies: ["ChaperoneModel"]),
        .target(name: "Review", dependencies: ["ChaperoneModel", "Store", "Notify"]),
        // Learning from reviews: suggestions, the learned include file, simulation.
        .target(name: "Learning", dependencies: ["ChaperoneModel", "Store", "Policy", "ScanPipeline"]),
        // What Chaperone measures (swift-metrics), and the loopback /metrics listener (Prometheus).
        .target(name: "ServiceMetrics", dependencies: [.product(name: "CoreMetrics", package: "swift-metrics")]),
        .target(
            name: "MetricsEndpoint",
            dependencies: [
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // Log lines for the journal (priority prefixes) or a terminal: key=value metadata.
        .target(name: "ServiceLogging", dependencies: [.product(name: "Logging", package: "swift-log")]),
        // The review web app (`chaperone web`): server-rendered pages over the same
        // Store and ReviewWorkflow as the CLI.
        .target(
            name: "ReviewUI",
            dependencies: [
                "ChaperoneModel", "Store", "Review", "Notify", "Policy", "MIMEParser", "RosterImport", "Learning",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "chaperone",
            dependencies: [
                "ChaperoneModel", "MIMEParser", "TextExtraction", "RosterImport", "Detectors",
                "Policy", "ScanPipeline", "MilterServer", "Store", "StorePostgres", "Notify", "Review", "RecipientExpansion", "ReviewUI",
                "Learning",
                "ServiceLogging", "ServiceMetrics", "MetricsEndpoint",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "chaperone-bench",
            dependencies: [
                "ChaperoneModel", "MIMEParser", "TextExtraction", "RosterImport", "Detectors",
                "Policy", "ScanPipeline", "MilterServer", "MilterProtocol", "Store", "StorePostgres", "RecipientExpansion", "ReviewUI", "Review",
                "Notify",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "ChaperoneModelTests", dependencies: ["ChaperoneModel", "SeededRandom"]),
        .testTarget(
            name: "MIMEParserTests",
            dependencies: ["MIMEParser", "SeededRandom"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TextExtractionTests",
            dependencies: ["TextExtraction", "MIMEParser", "ChaperoneZlib", "SeededRandom"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "RosterImportTests", dependencies: ["RosterImport", "SeededRandom"], exclude: ["Fixtures"]),
        .testTarget(name: "DetectorsTests", dependencies: ["Detectors", "SeededRandom"]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "SeededRandom"]),
        .testTarget(name: "ScanPipelineTests", dependencies: ["ScanPipeline", "RosterImport", "RecipientExpansion", "SeededRandom"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RecipientExpansionTests", dependencies: ["RecipientExpansion", "ChaperoneModel"]),
        .testTarget(
            name: "MilterProtocolTests",
            dependencies: [
                "MilterProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "MilterServerTests",
            dependencies: [
                "MilterServer", "MilterProtocol", "ChaperoneModel", "Store", "RecipientExpansion",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A throwaway PostgreSQL cluster (Debian's initdb/pg_ctl) for the store and end-to-end tests.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .target(name: "SeededRandom", path: "Tests/SeededRandom"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "StorePostgres", "PostgresTestSupport", "ChaperoneModel"]),
        .testTarget(name: "NotifyTests", dependencies: ["Notify", "ChaperoneModel"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Store", "Notify", "ChaperoneModel"]),
        .testTarget(
            name: "LearningTests",
            dependencies: [
                "Learning", "Store", "StorePostgres", "PostgresTestSupport", "Policy", "ScanPipeline", "ChaperoneModel", "RosterImport",
                "RecipientExpansion",
            ]),
        .testTarget(
            name: "MetricsEndpointTests",
            dependencies: [
                "MetricsEndpoint", "ServiceMetrics",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "ServiceLoggingTests",
            dependencies: ["ServiceLogging", .product(name: "Logging", package: "swift-log")]),
        .testTarget(
            name: "ReviewUITests",
            dependencies: [
                "ReviewUI", "Review", "Store", "StorePostgres", "PostgresTestSupport", "Notify", "ChaperoneModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "ChaperoneModel", "MilterServer", "ScanPipeline", "Store", "Notify", "Policy", "RosterImport", "Review",
                "RecipientExpansion", "ReviewUI", "StorePostgres", "PostgresTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
