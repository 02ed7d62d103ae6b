// swift-tools-version:6.1
// Interlock's benchmarks: a package of its own, so the main package's `swift build` and
// `swift test` never compile the benchmark framework or the peers. Run from the repository root
// with `make bench`, or here with `swift package benchmark` (see BENCHMARKS.md).
import PackageDescription

/// A product of the main package.
func interlock(_ product: String) -> Target.Dependency { .product(name: product, package: "Interlock") }

/// One ordo-one/benchmark suite: `Benchmarks/<name>/<name>.swift`, run by `swift package benchmark`.
func stage(_ name: String, _ products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["BenchmarkSupport", "StageSupport", .product(name: "Benchmark", package: "benchmark")]
            + products.map(interlock),
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "InterlockBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Interlock", path: ".."),
        // The MallocInterposer trait alone: no jemalloc and no runtime interposer to fetch.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/davecom/SwiftGraph", from: "4.0.0"),
    ],
    targets: [
        // Generated portfolios, sizes, edge lists and timing helpers, free of the benchmark framework.
        .target(name: "BenchmarkSupport", dependencies: [interlock("InterlockCore"), interlock("InterlockGenerator")], path: "Sources/BenchmarkSupport"),
        // Run lengths of the suites by portfolio size.
        .target(
            name: "StageSupport",
            dependencies: ["BenchmarkSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Sources/StageSupport"
        ),
        // The command the peer scripts time (plain process: no malloc interposer).
        .executableTarget(
            name: "interlock-bench",
            dependencies: ["BenchmarkSupport", interlock("InterlockCore"), .product(name: "SwiftGraph", package: "SwiftGraph")],
            path: "Sources/interlock-bench"
        ),
        stage("Loading", ["InterlockCore", "InterlockGenerator"]),
        stage("Graph", ["InterlockCore"]),
        stage("Detectors", ["InterlockCore", "InterlockAnalysis"]),
        stage("Rendering", ["InterlockCore", "InterlockAnalysis", "InterlockGraphviz"]),
    ]
)
