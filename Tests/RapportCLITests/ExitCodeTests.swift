import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, exit codes: a failure never ends with status 0, a wrong ID is a usage error,
/// and a session always gets its `end` record.
@Suite struct ExitCodeTests {
    static func fullDisk() throws -> FileHandle {
        let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"), "this machine has no /dev/full")
        return handle
    }

    /// Standard input that is a folder: reading it fails (EISDIR).
    static func folderAsInput() throws -> FileHandle {
        let descriptor = open(try BinaryRunner.temporaryFolder().path, O_RDONLY)
        try #require(descriptor >= 0)
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    @Test(arguments: [["analyze", "I'm sorry"], ["rewrite", "You never listen"], ["analyze", "--json", "x"], ["scenarios"], ["graph", "apology"]])
    func aFullDiskIs74WithOneLine(arguments: [String]) throws {
        let result = try BinaryRunner.runRedirected(arguments, standardOutput: try ExitCodeTests.fullDisk())
        #expect(result.status == 74, "\(arguments): \(result.status)")
        #expect(result.errors == "rapport: cannot write to standard output: disk full\n", "\(arguments): \(result.errors)")
    }

    @Test(arguments: [["analyze"], ["rewrite"], ["analyze", "--json"]])
    func standardInputThatIsAFolderIs74(arguments: [String]) throws {
        let result = try BinaryRunner.runRedirected(arguments, standardInput: try ExitCodeTests.folderAsInput())
        #expect(result.status == 74, "\(arguments)")
        #expect(result.errors == "rapport: cannot read standard input: it is a folder\n", "\(arguments): \(result.errors)")
    }

    @Test func aSessionWhoseInputIsAFolderIs74AndSaved() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.runRedirected(["practice", "warm-up", "--transcripts", folder.path], standardInput: try ExitCodeTests.folderAsInput())
        #expect(result.status == 74)
        #expect(result.errors.contains("rapport: cannot read standard input: it is a folder"))
        let end = try #require(BinaryRunner.transcriptLines(in: folder).last { !$0.isEmpty }.flatMap(BinaryRunner.jsonObject))
        #expect(end["type"] as? String == "end")
    }

    @Test func aReaderThatGoesAwayIsNotAFailure() throws {
        // `rapport analyze < lines | head -1`: the pipe closes early; no error, status 0.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let lines = String(repeating: "I'm sorry I forgot\n", count: 20_000)
        let input = try BinaryRunner.temporaryFolder().appending(path: "lines.txt")
        try Data(lines.utf8).write(to: input)
        // POSIX sh has no PIPESTATUS: the binary's own status goes out through a file.
        let status = try BinaryRunner.temporaryFolder().appending(path: "status")
        process.arguments = ["-c", "{ \"$0\" analyze < \"$1\"; echo $? > \"$2\"; } | head -1 >/dev/null", BinaryRunner.binary.path, input.path, status.path]
        process.environment = BinaryRunner.isolatedEnvironment()
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let written = try String(contentsOf: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(written == "0")
        #expect(errors.fileHandleForReading.readDataToEndOfFile().isEmpty)
    }

    // MARK: - Wrong IDs are usage errors

    static func folderWithTwoSessions() throws -> (folder: URL, ids: [String]) {
        let folder = try BinaryRunner.temporaryFolder()
        for _ in 0..<2 {
            let made = try BinaryRunner.run(["practice", "warm-up", "--seed", "1", "--transcripts", folder.path], lines: ["Sam"])
            #expect(made.status == 0)
        }
        let ids = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { String($0.dropLast(6)) }.sorted()
        try #require(ids.count == 2)
        return (folder, ids)
    }

    @Test(arguments: [["transcripts", "show"], ["transcripts", "export"], ["transcripts", "delete"], ["replay"]])
    func anUnknownIDIs64(command: [String]) throws {
        let (folder, _) = try ExitCodeTests.folderWithTwoSessions()
        let result = try BinaryRunner.run(command + ["no-such-session", "--transcripts", folder.path])
        #expect(result.status == 64, "\(command): \(result.status) \(result.errors)")
        #expect(result.errors.hasPrefix("rapport: no saved session has the ID 'no-such-session'"))
    }

    @Test(arguments: [["transcripts", "show"], ["transcripts", "export"], ["transcripts", "delete"], ["replay"]])
    func anAmbiguousIDIs64WithTheCandidates(command: [String]) throws {
        let (folder, ids) = try ExitCodeTests.folderWithTwoSessions()
        // What the two IDs share (at least the century of their date) is the start of both.
        let prefix = String(zip(ids[0], ids[1]).prefix { $0 == $1 }.map(\.0))
        try #require(!prefix.isEmpty)
        let result = try BinaryRunner.run(command + [prefix, "--transcripts", folder.path])
        #expect(result.status == 64, "\(command): \(result.status) \(result.errors)")
        #expect(result.errors.contains("is the start of 2 saved sessions"))
        for id in ids { #expect(result.errors.contains("  \(id)\n"), "\(command) lists \(id)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2, "nothing was deleted")
    }

    // MARK: - Sessions end properly

    @Test func aClosedStandardOutputStillWritesTheEndRecord() throws {
        let folder = try BinaryRunner.temporaryFolder()
        // A pipe whose reading end is closed before the binary starts: its first write fails with EPIPE.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try BinaryRunner.runRedirected(["practice", "apology", "--transcripts", folder.path],
                                          standardInput: FileHandle(forReadingAtPath: "/dev/null"), standardOutput: pipe.fileHandleForWriting)
        #expect(result.status == 0, "a reader that went away is not a failure: \(result.errors)")
        let records = BinaryRunner.transcriptLines(in: folder).filter { !$0.isEmpty }.compactMap(BinaryRunner.jsonObject)
        #expect(records.first?["type"] as? String == "session")
        let end = try #require(records.last)
        #expect(end["type"] as? String == "end", "the end record is written")
        #expect(end["outcome"] as? String == "interrupted")
        #expect(end["scorecard"] is [String: Any])
    }

    @Test func aFullDiskOnStandardOutputInASessionIs74AndSaved() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.runRedirected(["practice", "apology", "--transcripts", folder.path],
                                          standardInput: FileHandle(forReadingAtPath: "/dev/null"), standardOutput: try ExitCodeTests.fullDisk())
        #expect(result.status == 74)
        #expect(result.errors == "rapport: cannot write to standard output: disk full\n")
        let end = try #require(BinaryRunner.transcriptLines(in: folder).last { !$0.isEmpty }.flatMap(BinaryRunner.jsonObject))
        #expect(end["type"] as? String == "end")
    }

    @Test func ctrlCTwiceAtThePromptExits130AsTheReadmeSays() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let terminal = try TerminalRunner(["practice", "apology", "--transcripts", folder.path], terminalInput: true, terminalOutput: true)
        #expect(terminal.waitForScreen("you> "), "the prompt: \(terminal.screen)")
        terminal.signal(SIGINT)   // what the terminal sends for Ctrl-C
        #expect(terminal.waitForScreen("press Ctrl-C again"), "\(terminal.screen)")
        terminal.signal(SIGINT)
        let result = terminal.wait()
        #expect(result.status == 128 + SIGINT)
        let end = try #require(BinaryRunner.transcriptLines(in: folder).last { !$0.isEmpty }.flatMap(BinaryRunner.jsonObject))
        #expect(end["outcome"] as? String == "interrupted")

        let readme = try String(contentsOf: BinaryRunner.packageRoot.appending(path: "README.md"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: " ")
        #expect(readme.contains("Ctrl-C twice at an empty prompt leaves: the session is saved as `interrupted` and rapport exits 130"),
                "the README says the same")
    }
}
