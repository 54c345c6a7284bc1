// swift-tools-version: 6.1
import PackageDescription

// Builds on Linux with Glibc only (Debian and Ubuntu are what it is tested on): the
// terminal layer calls Glibc directly (sigaction, poll, ioctl) and links GNU readline.
// `platforms` names Apple platforms only, so it is left out rather than promise macOS.
let package = Package(
    name: "rapport",
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // GNU readline from Debian's libreadline-dev, for line editing and history. The
        // module map links it directly: its pkg-config file adds -D flags that SwiftPM
        // refuses with a warning on every build, and the headers are on the default path.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The data model, loaders, checks and matching: everything the build-time compiler
        // and the runtime share. Knows nothing of terminals or of the built-in files.
        .target(
            name: "RapportModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Build-time compiler: checks Dialogues/*.yaml and Vocabulary/* and turns them into
        // a Swift source holding their text and their compiled form.
        .executableTarget(name: "RapportEmbed", dependencies: ["RapportModel"]),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["RapportEmbed"]
        ),
        // Everything but the terminal: the built-in data, the engine, sessions, transcripts.
        .target(
            name: "RapportCore",
            dependencies: ["RapportModel"],
            plugins: ["EmbedResources"]
        ),
        // Terminal input and output: readline, signals, colours, printing a session. Swift 5
        // language mode because readline is a C library of global variables.
        .target(
            name: "RapportTerminal",
            dependencies: ["RapportCore", "CReadline"],
            swiftSettings: [.swiftLanguageMode(.v5)]
        ),
        // The thin command-line front end: one file per command.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                "RapportTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // In-process measurements for benchmarks/run.py: start-up, throughput, engine turns.
        // Not a product: SwiftPM still builds it in this package (.build/*/RapportBench),
        // but nothing that depends on rapport sees it.
        .executableTarget(name: "RapportBench", dependencies: ["RapportCore"]),
        // Shared by the test targets: temporary folders removed when the test run ends.
        .target(name: "RapportTestSupport", path: "Tests/RapportTestSupport"),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore", "RapportTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["RapportCore", "RapportTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "RapportTerminalTests",
            dependencies: ["RapportTerminal"]
        ),
    ]
)
