// swift-tools-version: 6.2
import PackageDescription

/// The fuzzing build (`scripts/fuzz.sh` sets `PROCTOR_FUZZ_RUNTIME` to libFuzzer's runtime
/// without a main): Proctor's own modules get libFuzzer's coverage instrumentation and
/// `proctor-fuzz` links the driver. Unset, as in every other build, nothing changes.
let fuzzRuntime = Context.environment["PROCTOR_FUZZ_RUNTIME"]
let fuzzCoverage: [SwiftSetting] = fuzzRuntime == nil ? [] : [.unsafeFlags(["-sanitize=fuzzer"])]

/// Strict settings shared by every target (Swift 6 mode comes with tools 6.2).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
] + fuzzCoverage

let package = Package(
    name: "proctor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "proctor", targets: ["proctor"]),
        .library(name: "ProctorCore", targets: ["ProctorCore"]),
        .library(name: "ProctorClient", targets: ["ProctorClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing.git", from: "1.3.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(name: "CProctorScheduling"),
        .target(
            name: "ProctorCore",
            dependencies: [.product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorClient",
            dependencies: [
                "ProctorCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorBenchmarks",
            dependencies: [
                "ProctorCore",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/gsm8k"), .copy("Resources/math"), .copy("Resources/mt_bench"), .copy("Resources/edgejson"), .copy("Resources/mathchat")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorStore",
            dependencies: [
                "ProctorCore",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorReport",
            dependencies: [
                "ProctorCore",
                "ProctorStore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorDashboard",
            dependencies: [
                "ProctorCore",
                "ProctorStore",
                "ProctorReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorMonitor",
            dependencies: ["ProctorCore"],
            resources: [.copy("Resources/codecarbon")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorTelemetry",
            dependencies: [
                "ProctorCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorTrain",
            dependencies: [
                "ProctorCore",
                "ProctorBenchmarks",
                "ProctorEngine",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources/train_lora.py"), .copy("Resources/fetch_converter.py")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorRunner",
            dependencies: [
                "ProctorCore",
                "CProctorScheduling",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                "ProctorClient",
                "ProctorBenchmarks",
                .product(name: "Tracing", package: "swift-distributed-tracing"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ProctorEngine",
            dependencies: [
                "ProctorCore",
                "ProctorClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ScoringBenchmark",
            dependencies: ["ProctorBenchmarks", "ProctorCore"],
            path: "Benchmarks/ScoringBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ReportStoreBuilder",
            dependencies: ["ProctorCore", "ProctorStore"],
            path: "Benchmarks/ReportStoreBuilder",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "proctor",
            dependencies: [
                "ProctorCore",
                "ProctorClient",
                "ProctorBenchmarks",
                "ProctorStore",
                "ProctorRunner",
                "ProctorEngine",
                "ProctorReport",
                "ProctorDashboard",
                "ProctorMonitor",
                "ProctorTelemetry",
                "ProctorTrain",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "CLibFuzzer"),
        .target(
            name: "ProctorFuzzTargets",
            dependencies: [
                "ProctorCore", "ProctorClient", "ProctorBenchmarks", "ProctorStore", "ProctorRunner", "ProctorReport", "ProctorEngine",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "proctor-fuzz",
            dependencies: ["ProctorFuzzTargets", "CLibFuzzer"],
            path: "Sources/ProctorFuzz",
            swiftSettings: strictSettings + (fuzzRuntime == nil ? [] : [.define("PROCTOR_FUZZING")]),
            linkerSettings: fuzzRuntime.map { [.unsafeFlags(["-Xlinker", $0, "-lstdc++"])] } ?? []
        ),
        .target(
            name: "ProctorTestSupport",
            dependencies: [
                "ProctorCore",
                "ProctorClient",
                "ProctorStore",
                "ProctorEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/v3-store")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ProctorFuzzTargetsTests", dependencies: ["ProctorFuzzTargets"], resources: [.copy("Regressions")], swiftSettings: strictSettings),
        .testTarget(name: "ProctorCoreTests", dependencies: ["ProctorCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "ProctorMonitorTests", dependencies: ["ProctorMonitor", "ProctorCore"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(
            name: "ProctorTelemetryTests",
            dependencies: ["ProctorTelemetry", "ProctorTestSupport", .product(name: "Tracing", package: "swift-distributed-tracing")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ProctorTrainTests", dependencies: ["ProctorTrain", "ProctorCore", "ProctorBenchmarks", "ProctorEngine"], exclude: ["Fixtures"],
            swiftSettings: strictSettings),
        .testTarget(name: "CProctorSchedulingTests", dependencies: ["CProctorScheduling"], swiftSettings: strictSettings),
        .testTarget(
            name: "ProctorClientTests",
            dependencies: ["ProctorClient", "ProctorTestSupport", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorBenchmarksTests",
            dependencies: ["ProctorBenchmarks"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorStoreTests",
            dependencies: ["ProctorStore", "ProctorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorRunnerTests",
            dependencies: [
                "ProctorRunner", "ProctorTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorReportTests",
            dependencies: ["ProctorReport", "ProctorTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorDashboardTests",
            dependencies: [
                "ProctorDashboard", "ProctorTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorEngineTests",
            dependencies: ["ProctorEngine", "ProctorTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ProctorCLITests",
            dependencies: ["ProctorStore", "ProctorBenchmarks", "ProctorClient", "ProctorEngine", "ProctorTrain", "ProctorTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
