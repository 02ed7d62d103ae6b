// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Interlock's parsers, kept out of the main package so that its
// `swift build` and `swift test` never meet `-sanitize=fuzzer`. Each target's main hands its
// function to libFuzzer's driver. Build and run them with `make fuzz` / `make fuzz-ci` at the top
// level, which instrument for libFuzzer and AddressSanitizer and pass `-enable-testing` (the
// loaders' parsers are internal; the fuzzers reach them through `@testable import`).
let package = Package(
    name: "InterlockFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Interlock", path: "..")],
    targets: [
        // libFuzzer's driver entry point, declared for Swift.
        .target(name: "CLibFuzzer"),
        // Starting libFuzzer and reading its input.
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
        // YAML text through libyaml, the conversion with its limits, and the decoder.
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", .product(name: "InterlockCore", package: "Interlock")]),
        // JSON bytes through the single pass and through the parts path: both must agree.
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", .product(name: "InterlockCore", package: "Interlock")]),
        // A portfolio that loads, through the graph, every detector and its custom rules.
        .executableTarget(
            name: "FuzzDecode",
            dependencies: [
                "FuzzSupport", .product(name: "InterlockCore", package: "Interlock"),
                .product(name: "InterlockQuery", package: "Interlock"),
            ]),
        // Query text through the lexer, the parser, the checker and a bounded run.
        .executableTarget(
            name: "FuzzQuery",
            dependencies: [
                "FuzzSupport", .product(name: "InterlockCore", package: "Interlock"),
                .product(name: "InterlockQuery", package: "Interlock"),
            ]),
        // The importers (interlock import, --from): a file of each format imported, and what imports
        // loaded back by the normal loader.
        .target(
            name: "FuzzImportSupport",
            dependencies: [
                "FuzzSupport", .product(name: "InterlockCore", package: "Interlock"),
                .product(name: "InterlockInterop", package: "Interlock"),
            ]),
        .executableTarget(name: "FuzzArchiMate", dependencies: ["FuzzSupport", "FuzzImportSupport"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "FuzzImportSupport"]),
        .executableTarget(name: "FuzzXLSX", dependencies: ["FuzzSupport", "FuzzImportSupport"]),
        .executableTarget(name: "FuzzBackstage", dependencies: ["FuzzSupport", "FuzzImportSupport"]),
    ]
)
