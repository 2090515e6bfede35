// swift-tools-version:5.4
// 5.4, below 5.5, on purpose: from 5.5 SwiftPM renames each executable's entry point
// to MODULE_main and links `main` to it, which leaves libFuzzer's own `main` unused and
// the link failing. Each target is a main.swift holding only LLVMFuzzerTestOneInput.
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
    ("FuzzCompoundFile", ["FuzzSupport"]),
    ("FuzzRTF", ["FuzzSupport"]),
    ("FuzzTNEF", ["FuzzSupport"]),
    ("FuzzODF", ["FuzzSupport"]),
    ("FuzzArchive", ["FuzzSupport"]),
]

let package = Package(
    name: "ChaperoneFuzz",
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
