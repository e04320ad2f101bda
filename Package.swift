// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ssm-console",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ssm-console", targets: ["ssm-console"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The API model and the service protocol every other layer shares.
        .target(name: "AutomationModel"),
        // The AWS wire: SigV4, configuration resolution, JSON protocol client.
        .target(
            name: "AWSWire",
            dependencies: [
                "AutomationModel",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Schema 0.3 documents: parsing, validation, parameters, interpolation, branch choices.
        .target(
            name: "AutomationDocuments",
            dependencies: ["AutomationModel", .product(name: "Yams", package: "Yams")]
        ),
        // The local Automation engine: actions, flow, signals, SQLite store, shipped runbooks.
        .target(
            name: "LocalEngine",
            dependencies: [
                "AutomationModel",
                "AutomationDocuments",
                "AWSWire",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Runbooks")]
        ),
        // Plain-text output of API results for the command line.
        .target(name: "CommandLineOutput", dependencies: ["AutomationModel"]),
        // The executable: argument parsing only.
        .executableTarget(
            name: "ssm-console",
            dependencies: [
                "AutomationModel",
                "LocalEngine",
                "CommandLineOutput",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // A bare engine process for tests that kill and restart the engine.
        .executableTarget(
            name: "engine-test-host",
            dependencies: ["LocalEngine", "AutomationModel"],
            path: "Tests/Support/EngineTestHost"
        ),
        .testTarget(name: "AutomationModelTests", dependencies: ["AutomationModel"]),
        .testTarget(name: "AutomationDocumentsTests", dependencies: ["AutomationDocuments", "AutomationModel"]),
        .testTarget(name: "AWSWireTests", dependencies: ["AWSWire", "AutomationModel"]),
        .testTarget(
            name: "LocalEngineTests",
            dependencies: ["LocalEngine", "AutomationDocuments", "AutomationModel", "AWSWire", "engine-test-host"]
        ),
        .testTarget(name: "CommandLineOutputTests", dependencies: ["CommandLineOutput", "AutomationModel"]),
    ],
    swiftLanguageModes: [.v6]
)
