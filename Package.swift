// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Interlock",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "InterlockCore", targets: ["InterlockCore"]),
        .library(name: "InterlockGenerator", targets: ["InterlockGenerator"]),
        .library(name: "InterlockAnalysis", targets: ["InterlockAnalysis"]),
        .library(name: "InterlockQuery", targets: ["InterlockQuery"]),
        .library(name: "InterlockInterop", targets: ["InterlockInterop"]),
        .library(name: "InterlockGraphviz", targets: ["InterlockGraphviz"]),
        .library(name: "InterlockReports", targets: ["InterlockReports"]),
        .library(name: "InterlockBoard", targets: ["InterlockBoard"]),
        .library(name: "InterlockServe", targets: ["InterlockServe"]),
        .executable(name: "interlock", targets: ["interlock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // The model, the loaders and the compact graph: what every other target reads.
        .target(name: "InterlockCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Synthetic portfolios for tests and benchmarks.
        .target(name: "InterlockGenerator", dependencies: ["InterlockCore"]),
        // The shared facts (AnalysisContext) and the detectors.
        .target(name: "InterlockAnalysis", dependencies: ["InterlockCore"]),
        // openCypher queries, custom rules, and the one load-and-analyse path (PortfolioAnalysis).
        .target(name: "InterlockQuery", dependencies: ["InterlockCore", "InterlockAnalysis"]),
        // Importers (spreadsheets, ArchiMate, Backstage) and exports for other tools.
        .target(
            name: "InterlockInterop",
            dependencies: [
                "InterlockCore", "InterlockQuery",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Views and the only code that calls Graphviz.
        .target(name: "InterlockGraphviz", dependencies: ["InterlockCore", "InterlockAnalysis", "CGraphviz"]),
        // Text, JSON, SARIF and Markdown: no Graphviz.
        .target(name: "InterlockReports", dependencies: ["InterlockCore", "InterlockAnalysis"]),
        // The board pack: the HTML report and its diagrams.
        .target(
            name: "InterlockBoard",
            dependencies: [
                "InterlockCore", "InterlockAnalysis", "InterlockGraphviz", "InterlockReports",
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // `interlock serve`: the live page and its JSON API, on Hummingbird.
        .target(
            name: "InterlockServe",
            dependencies: [
                "InterlockCore", "InterlockAnalysis", "InterlockQuery", "InterlockGraphviz", "InterlockReports", "InterlockBoard",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Page/index.html"), .embedInCode("Page/app.js"), .embedInCode("Page/style.css")]
        ),
        .executableTarget(
            name: "interlock",
            dependencies: [
                "InterlockCore", "InterlockGenerator", "InterlockAnalysis", "InterlockQuery", "InterlockInterop",
                "InterlockGraphviz", "InterlockReports", "InterlockBoard", "InterlockServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "InterlockTestSupport", dependencies: ["InterlockCore", "InterlockAnalysis", "InterlockReports"],
            path: "Tests/InterlockTestSupport"),
        .testTarget(name: "InterlockCoreTests", dependencies: ["InterlockCore", "InterlockGenerator", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "InterlockGeneratorTests", dependencies: ["InterlockCore", "InterlockGenerator", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "InterlockAnalysisTests", dependencies: ["InterlockCore", "InterlockGenerator", "InterlockAnalysis"]),
        .testTarget(name: "InterlockQueryTests", dependencies: ["InterlockCore", "InterlockGenerator", "InterlockAnalysis", "InterlockQuery"]),
        .testTarget(name: "InterlockGraphvizTests", dependencies: ["InterlockCore", "InterlockGenerator", "InterlockAnalysis", "InterlockGraphviz"],
                    exclude: ["Golden", "Portfolios"]),
        .testTarget(name: "InterlockReportsTests", dependencies: ["InterlockCore", "InterlockAnalysis", "InterlockReports", "InterlockTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "InterlockBoardTests",
                    dependencies: ["InterlockCore", "InterlockGenerator", "InterlockAnalysis", "InterlockReports", "InterlockBoard", "InterlockTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "InterlockInteropTests",
                    dependencies: ["InterlockCore", "InterlockGenerator", "InterlockQuery", "InterlockInterop",
                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "InterlockServeTests",
                    dependencies: ["InterlockCore", "InterlockGenerator", "InterlockQuery", "InterlockServe",
                                   .product(name: "HummingbirdTesting", package: "hummingbird")]),
        .testTarget(name: "InterlockCLITests", dependencies: ["interlock"], exclude: ["Golden"]),
    ]
)
