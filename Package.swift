// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Interlock",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "InterlockCore", targets: ["InterlockCore"]),
        .library(name: "InterlockAnalysis", targets: ["InterlockAnalysis"]),
        .library(name: "InterlockQuery", targets: ["InterlockQuery"]),
        .library(name: "InterlockGraphviz", targets: ["InterlockGraphviz"]),
        .library(name: "InterlockReports", targets: ["InterlockReports"]),
        .executable(name: "interlock", targets: ["interlock"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "InterlockCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "InterlockAnalysis", dependencies: ["InterlockCore"]),
        .target(name: "InterlockQuery", dependencies: ["InterlockCore", "InterlockAnalysis"]),
        .target(name: "InterlockGraphviz", dependencies: ["InterlockCore", "InterlockAnalysis", "CGraphviz"]),
        .target(
            name: "InterlockReports",
            dependencies: [
                "InterlockCore", "InterlockAnalysis", "InterlockGraphviz",
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        .executableTarget(
            name: "interlock",
            dependencies: [
                "InterlockCore", "InterlockAnalysis", "InterlockQuery", "InterlockGraphviz", "InterlockReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "InterlockCoreTests", dependencies: ["InterlockCore", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "InterlockAnalysisTests", dependencies: ["InterlockCore", "InterlockAnalysis"]),
        .testTarget(name: "InterlockQueryTests", dependencies: ["InterlockCore", "InterlockAnalysis", "InterlockQuery"]),
        .testTarget(name: "InterlockGraphvizTests", dependencies: ["InterlockCore", "InterlockAnalysis", "InterlockGraphviz"],
                    exclude: ["Golden", "Portfolios"]),
        .testTarget(name: "InterlockReportsTests", dependencies: ["InterlockCore", "InterlockAnalysis", "InterlockReports"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "InterlockCLITests", dependencies: ["interlock"], exclude: ["Golden"]),
    ]
)
