// swift-tools-version: 6.2
import PackageDescription

/// libFuzzer targets for every parser of hostile input. A package of its own, so the
/// main build is unaffected; build and run with `fuzz/run.sh TARGET SECONDS`.
let targets: [(name: String, dependencies: [Target.Dependency])] = [
    ("FuzzMIME", ["FuzzSupport"]),
    ("FuzzMilter", [.product(name: "NIOCore", package: "swift-nio")]),
    ("FuzzRosterCSV", []),
    ("FuzzRosterCTF", []),
    ("FuzzOOXML", ["FuzzSupport"]),
    ("FuzzPDF", ["FuzzSupport"]),
    ("FuzzXML", ["FuzzSupport"]),
    ("FuzzCSV", ["FuzzSupport"]),
    ("FuzzHTML", ["FuzzSupport"]),
]

let package = Package(
    name: "ChaperoneFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Chaperone", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "ChaperoneParsers", package: "Chaperone")]),
    ] + targets.map { target in
        .executableTarget(
            name: target.name,
            dependencies: target.dependencies + [.product(name: "ChaperoneParsers", package: "Chaperone")]
        )
    }
)
