import Foundation
import Testing

/// Issue 15, streams: what a person reads goes to standard output, warnings and
/// diagnostics to standard error, and system errors are said in plain words.
@Suite struct StreamsTests {
    /// A path whose folder can never be created, whoever runs the test: it is under a file.
    static func pathUnderAFile() throws -> (file: URL, folder: URL) {
        let file = try BinaryRunner.temporaryFolder().appending(path: "a-file")
        _ = FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8))
        return (file, file.appending(path: "transcripts"))
    }

    @Test func theNotSavedWarningIsOnStandardErrorInPlainWords() throws {
        let (file, folder) = try StreamsTests.pathUnderAFile()
        let result = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam"])
        #expect(result.status == 0)
        #expect(!result.output.contains("not being saved"), "the conversation on standard output stays clean")
        let warning = try #require(result.errors.split(separator: "\n").first { $0.contains("not being saved") })
        #expect(warning.hasPrefix("rapport: "))
        #expect(warning.contains("\(file.path) is a file, not a folder"), "\(warning)")
        #expect(!result.errors.contains("NSCocoaErrorDomain") && !result.errors.contains("could not be completed"))

        let onTheFile = try BinaryRunner.run(["practice", "warm-up", "--transcripts", file.path], lines: ["Sam"])
        #expect(onTheFile.status == 0)
        #expect(onTheFile.errors.contains("cannot create the transcript folder \(file.path): it is a file, not a folder"), "\(onTheFile.errors)")
    }

    @Test func transcriptCommandsSayWhyInPlainWords() throws {
        let (file, _) = try StreamsTests.pathUnderAFile()
        for command in [["transcripts", "list"], ["progress"], ["transcripts", "delete", "--all", "--yes"]] {
            let result = try BinaryRunner.run(command + ["--transcripts", file.path])
            #expect(result.status == 74, "\(command)")
            #expect(result.errors == "rapport: cannot read the transcript folder \(file.path): not a folder\n", "\(command)")
        }
    }

    @Test func exportToAFileThatCannotBeWrittenSaysWhy() throws {
        let folder = try BinaryRunner.temporaryFolder()
        _ = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam"])
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first).replacingOccurrences(of: ".jsonl", with: "")
        let full = try BinaryRunner.run(["transcripts", "export", id, "-o", "/dev/full", "--transcripts", folder.path])
        #expect(full.status == 74)
        #expect(full.errors == "rapport: cannot write /dev/full: disk full\n")
        let missing = folder.appending(path: "no-such-folder/out.md").path
        let nowhere = try BinaryRunner.run(["transcripts", "export", id, "-o", missing, "--transcripts", folder.path])
        #expect(nowhere.status == 74)
        #expect(nowhere.errors == "rapport: cannot write \(missing): no such file or folder\n")
        let kept = folder.appending(path: "out.md").path
        #expect(try BinaryRunner.run(["transcripts", "export", id, "-o", kept, "--transcripts", folder.path]).status == 0)
        #expect(try FileManager.default.attributesOfItem(atPath: kept)[.posixPermissions] as? Int == 0o600)
    }

    @Test func lintDiagnosticsGoToStandardError() throws {
        let bad = BinaryRunner.packageRoot.appending(path: "Tests/RapportCoreTests/Fixtures/lint/missing-target.yaml")
        let result = try BinaryRunner.run(["lint", bad.path])
        #expect(result.status == 65)
        #expect(result.output.isEmpty, "nothing on standard output: \(result.output)")
        #expect(result.errors.contains("missing-target.yaml:10:7: error:"))
        let folder = try BinaryRunner.run(["lint", try BinaryRunner.temporaryFolder().path])
        #expect(folder.status == 65)
        #expect(folder.errors.contains("cannot read this file: it is a folder"), "\(folder.errors)")
    }

    @Test func skippedDialogueFilesAreReportedOnStandardError() throws {
        let config = try BinaryRunner.temporaryFolder()
        let folder = config.appending(path: "rapport/dialogues")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder.appending(path: "broken.yaml").path, contents: Data("id: [".utf8))
        let result = try BinaryRunner.run(["scenarios"], environment: BinaryRunner.isolatedEnvironment(["XDG_CONFIG_HOME": config.path]))
        #expect(result.status == 0)
        #expect(!result.output.contains("broken.yaml"))
        #expect(result.errors.contains("broken.yaml"))
    }

    // MARK: - Colour

    @Test func colorAlwaysWinsOverNoColor() throws {
        let always = try BinaryRunner.run(["analyze", "--color", "always", "I'm sorry"],
                                          environment: BinaryRunner.isolatedEnvironment(["NO_COLOR": "1"]))
        #expect(always.output.contains("\u{1B}["), "an explicit --color always wins over NO_COLOR")
        let auto = try BinaryRunner.run(["analyze", "I'm sorry"], environment: BinaryRunner.isolatedEnvironment(["NO_COLOR": "1"]))
        #expect(!auto.output.contains("\u{1B}"), "not a terminal, and NO_COLOR")
    }

    @Test func noColorTurnsAutoOffEvenAtATerminal() throws {
        for (noColor, coloured) in [("1", false), ("", true)] {
            var environment = BinaryRunner.isolatedEnvironment(["TERM": "xterm"])
            environment["NO_COLOR"] = noColor
            let terminal = try TerminalRunner(["analyze", "I'm sorry"], terminalInput: false, terminalOutput: true, environment: environment)
            let result = terminal.wait()
            #expect(result.status == 0)
            #expect(result.output.contains("remorse"))
            #expect(result.output.contains("\u{1B}[") == coloured, "NO_COLOR='\(noColor)'")
        }
    }

    // MARK: - Buffering

    @Test func batchOutputAtATerminalComesLineByLine() throws {
        let terminal = try TerminalRunner(["analyze"], terminalInput: false, terminalOutput: true)
        terminal.send("I'm sorry I forgot\n")
        // Standard input is still open: the answer must be on the screen before it ends.
        #expect(terminal.waitForScreen("remorse"), "the first answer waited for the end of input: \(terminal.screen)")
        terminal.send("you never listen\n")
        #expect(terminal.waitForScreen("absolute"))
        let result = terminal.wait()
        #expect(result.status == 0)
    }
}
