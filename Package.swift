// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportCore", targets: ["RapportCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        // GNU readline from Debian's libreadline-dev, for line editing and history.
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // Build-time tool: turns Dialogues/*.yaml and Vocabulary/* into a Swift source.
        .executableTarget(name: "RapportEmbed"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["RapportEmbed"]
        ),
        // Everything but the terminal: dialogues, engine, analysis, rewriting, transcripts.
        .target(
            name: "RapportCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            plugins: ["EmbedResources"]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "rapport",
            dependencies: [
                "RapportCore",
                "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "RapportCoreTests",
            dependencies: ["RapportCore"]
        ),
        .testTarget(
            name: "RapportCLITests",
            dependencies: ["RapportCore"]
        ),
    ]
)
