import Foundation
import RapportTestSupport
#if canImport(Glibc)
import Glibc
#endif

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

    /// A binary that stops reading (it ended, or was killed) must not kill the test run.
    static let ignoreBrokenPipes: Void = { _ = Glibc.signal(SIGPIPE, SIG_IGN) }()

    /// Runs the binary with standard input or output going to a given file instead of a pipe.
    static func runRedirected(_ arguments: [String], standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil,
                    environment: [String: String] = isolatedEnvironment(), timeout: Double = 60) throws -> Result {
        let running = try Running(arguments, environment: environment, standardInput: standardInput, standardOutput: standardOutput)
        if standardInput != nil { running.closeInput() }
        return running.wait(timeout: timeout)
    }

    /// A private home for the run, so nothing touches the real one.
    static func isolatedEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        let home = (try? ScratchFolder.make("home")) ?? FileManager.default.temporaryDirectory
        var environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"]
        environment.merge(extra) { _, new in new }
        return environment
    }

    /// Runs the binary to the end. Output and errors are read at the same time (so neither
    /// pipe can fill and stall it), and a run that takes longer than `timeout` seconds is
    /// killed and reported as status -1: a hang is a failure, never a stuck test run.
    @discardableResult
    static func run(_ arguments: [String], input: Data = Data(), environment: [String: String] = isolatedEnvironment(),
                    directory: URL? = nil, timeout: Double = 60) throws -> Result {
        let running = try Running(arguments, environment: environment, directory: directory)
        let writer = Thread {
            running.write(input)
            running.closeInput()
        }
        writer.start()
        return running.wait(timeout: timeout)
    }

    static func run(_ arguments: [String], lines: [String], environment: [String: String] = isolatedEnvironment()) throws -> Result {
        try run(arguments, input: Data(lines.map { $0 + "\n" }.joined().utf8), environment: environment)
    }

    static func temporaryFolder() throws -> URL {
        try ScratchFolder.make("folder")
    }

    static func jsonObject(_ line: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    }

    /// A started binary that a test talks to line by line and can send signals to.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let stdin = Pipe()
        private let stdout = Pipe()
        private let stderr = Pipe()
        private var outData = Data()
        private var errData = Data()
        private let readers = DispatchGroup()

        /// `standardInput` / `standardOutput`: a file to use instead of the pipe (a folder
        /// opened for reading, /dev/full); what the binary prints there is not collected.
        init(_ arguments: [String], environment: [String: String], directory: URL? = nil,
             standardInput: FileHandle? = nil, standardOutput: FileHandle? = nil) throws {
            _ = BinaryRunner.ignoreBrokenPipes
            process.executableURL = BinaryRunner.binary
            process.arguments = arguments
            process.environment = environment
            if let directory { process.currentDirectoryURL = directory }
            process.standardInput = standardInput ?? stdin
            process.standardOutput = standardOutput ?? stdout
            process.standardError = stderr
            try process.run()
            if standardOutput != nil { try? stdout.fileHandleForWriting.close() }
            for (pipe, isOutput) in [(stdout, true), (stderr, false)] {
                readers.enter()
                Thread {
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    if isOutput { self.outData = data } else { self.errData = data }
                    self.readers.leave()
                }.start()
            }
        }

        func write(_ data: Data) {
            try? stdin.fileHandleForWriting.write(contentsOf: data)
        }

        func send(_ line: String) {
            write(Data((line + "\n").utf8))
        }

        func closeInput() {
            try? stdin.fileHandleForWriting.close()
        }

        func signal(_ number: Int32) {
            kill(process.processIdentifier, number)
        }

        /// Waits for the process to end; kills it after `timeout` seconds (status -1).
        func wait(timeout: Double = 60) -> Result {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            var timedOut = false
            if process.isRunning {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            readers.wait()
            return Result(status: timedOut ? -1 : process.terminationStatus,
                          output: String(decoding: outData, as: UTF8.self), errors: String(decoding: errData, as: UTF8.self))
        }
    }

    /// Waits until `condition` holds, checking every 20 ms, for at most `timeout` seconds.
    static func waitUntil(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// The lines of the one transcript in `folder` (empty when there is none yet).
    static func transcriptLines(in folder: URL) -> [String] {
        guard let name = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.first(where: { $0.hasSuffix(".jsonl") }),
              let data = FileManager.default.contents(atPath: folder.appending(path: name).path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
