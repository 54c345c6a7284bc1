import Foundation

/// Runs the built `rapport` binary with arguments, input and environment, and collects
/// what it printed.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var outputLines: [String] { output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty } }
    }

    /// The binary next to the test bundle (`swift test` builds it there).
    static let binary: URL = {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent()] {
            let url = candidate.appending(path: "rapport")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return here.appending(path: "rapport")
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A private home for the run, so nothing touches the real one.
    static func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        let home = FileManager.default.temporaryDirectory.appending(path: "rapport-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"]
        environment.merge(extra) { _, new in new }
        return environment
    }

    @discardableResult
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = isolatedEnvironment(),
                    directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      errors: String(decoding: errData, as: UTF8.self))
    }

    static func run(_ arguments: [String], lines: [String], environment: [String: String] = isolatedEnvironment()) throws -> Result {
        try run(arguments, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: environment)
    }

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "rapport-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func jsonObject(_ line: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }
}
