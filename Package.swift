// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "minsheng",
    products: [
        .executable(name: "minsheng", targets: ["minsheng"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        // PostgreSQL's C client, for the district server's executor (PostgresEngine.swift):
        // its header; the library is loaded at run time, only when a server is opened.
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]),
        // The domain and the language: no terminal, no GRDB.
        .target(name: "MinshengCore"),
        // The only target that imports GRDB or libpq; also reads CSV files (RFC 4180, streaming).
        .target(
            name: "MinshengStore",
            dependencies: [
                "MinshengCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "CSV", package: "CSV.swift"),
                // The SQLite C API itself, for the bulk insert's bindings (SQLiteEngine+Bulk.swift).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "CLibPQ",
            ]),
        .target(
            name: "MinshengShell",
            dependencies: ["MinshengCore", "MinshengStore", "CEditLine"]),
        .executableTarget(
            name: "minsheng",
            dependencies: ["MinshengShell", "MinshengCore"]),
        .target(
            name: "MinshengTestSupport",
            dependencies: ["MinshengShell", "MinshengCore", "MinshengStore"]),
        // The fuzzer: `scripts/fuzz` (a seeded generator), or libFuzzer with -DLIBFUZZER.
        .executableTarget(name: "minsheng-fuzz", dependencies: ["MinshengTestSupport"]),
        .testTarget(name: "MinshengCoreTests", dependencies: ["MinshengCore"]),
        .testTarget(name: "MinshengStoreTests", dependencies: ["MinshengStore", "MinshengCore", "MinshengTestSupport"]),
        .testTarget(
            name: "MinshengShellTests",
            dependencies: ["MinshengShell", "MinshengTestSupport", "MinshengCore"]),
    ]
)
