// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ssm-console",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ssm-console", targets: ["ssm-console"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in the graph through async-http-client and hummingbird; named because our code imports them.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
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
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
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
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Runbooks")]
        ),
        // `ssm-console serve`: the local engine behind an SSM-compatible JSON 1.1 endpoint.
        .target(
            name: "LocalEndpoint",
            dependencies: [
                "AutomationModel",
                "AWSWire",
                "LocalEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Resolving a target (the local engine or an AWS endpoint, with credentials), paced to the quotas: the
        // connection the console and the CLI share.
        .target(
            name: "Connection",
            dependencies: ["AutomationModel", "AWSWire", "LocalEngine", .product(name: "Logging", package: "swift-log")]
        ),
        // JMESPath with python jmespath's semantics, as the AWS CLI's --query applies it. No dependencies.
        .target(name: "JMESPath"),
        // The `aws ssm` parity subcommands: shorthand, --cli-input-json/yaml, skeletons, output, exit codes.
        .target(
            name: "AutomationCLI",
            dependencies: [
                "AutomationModel",
                "AutomationDocuments",
                "AWSWire",
                "Connection",
                "JMESPath",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The console: state, pure update, action table, views drawn into a cell buffer, and the client core
        // that runs every service call on a background queue.
        .target(name: "Console", dependencies: ["AutomationModel", "AutomationDocuments"]),
        // The console's config file: its settings, read with line and column for every error, and the default
        // file generated from the same definitions.
        .target(name: "ConsoleSettings", dependencies: ["Console", .product(name: "Yams", package: "Yams")]),
        // ncursesw's macros and globals as functions Swift can call.
        .target(name: "CNcurses", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The terminal backend: the only code that calls ncurses.
        .target(
            name: "TerminalBackend",
            dependencies: ["Console", "CNcurses", .product(name: "Logging", package: "swift-log")]
        ),
        // The executable: argument parsing only.
        .executableTarget(
            name: "ssm-console",
            dependencies: [
                "AutomationModel",
                "LocalEngine",
                "LocalEndpoint",
                "AutomationCLI",
                "AWSWire",
                "Connection",
                "Console",
                "ConsoleSettings",
                "TerminalBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [
                // The static Swift runtime's link exports all 50,000 symbols of the executable. Nothing looks
                // them up (the crash backtracer reads the file), and loading them cost about a millisecond of a
                // short command's 20.
                .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // A bare engine process for tests that kill and restart the engine.
        .executableTarget(
            name: "engine-test-host",
            dependencies: ["LocalEngine", "AutomationModel"],
            path: "Tests/Support/EngineTestHost"
        ),
        // Benchmarks that print figures: swift run -c release NAME.
        .executableTarget(
            name: "engine-benchmark",
            dependencies: ["LocalEngine", "AutomationModel"],
            path: "Benchmarks/EngineBenchmark"
        ),
        .executableTarget(
            name: "fleet-benchmark",
            dependencies: ["LocalEngine", "AutomationModel"],
            path: "Benchmarks/FleetBenchmark"
        ),
        .executableTarget(
            name: "client-benchmark",
            dependencies: ["AWSWire", "AutomationModel"],
            path: "Benchmarks/ClientBenchmark"
        ),
        .executableTarget(
            name: "console-benchmark",
            dependencies: ["Console", "AutomationModel"],
            path: "Benchmarks/ConsoleBenchmark"
        ),
        .executableTarget(
            name: "console-call-rate",
            dependencies: ["Console", "AutomationModel"],
            path: "Benchmarks/ConsoleCallRate"
        ),
        .testTarget(name: "AutomationModelTests", dependencies: ["AutomationModel"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath"], exclude: ["Compliance"]),
        .testTarget(name: "AutomationDocumentsTests", dependencies: ["AutomationDocuments", "AutomationModel"]),
        .testTarget(name: "AWSWireTests", dependencies: ["AWSWire", "AutomationModel"]),
        .testTarget(
            name: "LocalEngineTests",
            dependencies: [
                "LocalEngine", "AutomationDocuments", "AutomationModel", "AWSWire", "engine-test-host",
                // The migration and upgrade tests write data directories in the layouts earlier versions left.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LocalEndpointTests",
            dependencies: [
                "LocalEndpoint", "LocalEngine", "AWSWire", "AutomationModel",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "AutomationCLITests",
            dependencies: ["AutomationCLI", "AutomationModel", "AWSWire", "Connection", "LocalEngine", "LocalEndpoint"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ConnectionTests", dependencies: ["Connection", "AWSWire", "AutomationModel", "LocalEngine"]),
        .testTarget(
            name: "ConsoleTests", dependencies: ["Console", "AutomationModel", "LocalEngine"],
            exclude: ["Snapshots", "Fixtures"]),
        .testTarget(name: "ConsoleSettingsTests", dependencies: ["ConsoleSettings", "Console"]),
        .testTarget(
            name: "TerminalBackendTests",
            dependencies: ["TerminalBackend", "Console", .product(name: "Logging", package: "swift-log")],
            exclude: ["Snapshots"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
