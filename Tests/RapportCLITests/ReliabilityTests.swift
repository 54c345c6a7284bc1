import Foundation
import Testing

/// Issue 6's promises, tried against the real binary: signals end a session with a
/// record, kill -9 leaves a valid file, hostile input and files are handled, nothing leaks.
@Suite struct ReliabilityTests {
    // MARK: - Nothing lost

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalEndsTheSessionWithAnInterruptedRecord(signal: Int32) throws {
        let folder = try BinaryRunner.temporaryFolder()
        let running = try BinaryRunner.Running(["practice", "apology", "--transcripts", folder.path],
                                               environment: BinaryRunner.isolatedEnvironment())
        running.send("I forgot my friend's birthday")
        // The reply is on disk before the signal comes: wait for the user's turn record.
        #expect(BinaryRunner.waitUntil { BinaryRunner.transcriptLines(in: folder).contains { $0.contains("\"speaker\": \"user\"") } })
        running.signal(signal)
        let result = running.wait(timeout: 20)
        #expect(result.status == 128 + signal, "exit status after signal \(signal): \(result.status) \(result.errors)")
        let lines = BinaryRunner.transcriptLines(in: folder).filter { !$0.isEmpty }
        #expect(lines.allSatisfy { BinaryRunner.jsonObject($0) != nil })
        let end = try #require(lines.last.flatMap(BinaryRunner.jsonObject))
        #expect(end["type"] as? String == "end")
        #expect(end["outcome"] as? String == "interrupted")
        #expect(end["scorecard"] is [String: Any])
    }

    @Test func killNineLeavesValidJSONLinesUpToTheLastRecord() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let running = try BinaryRunner.Running(["practice", "apology", "--transcripts", folder.path],
                                               environment: BinaryRunner.isolatedEnvironment())
        running.send("I forgot my friend's birthday")
        running.send("Sam")
        running.send("I'm sorry I forgot")
        #expect(BinaryRunner.waitUntil { BinaryRunner.transcriptLines(in: folder).filter { $0.contains("\"speaker\": \"user\"") }.count == 3 })
        running.signal(SIGKILL)
        let result = running.wait(timeout: 20)
        #expect(result.status == SIGKILL || result.status == 128 + SIGKILL)
        let lines = BinaryRunner.transcriptLines(in: folder)
        #expect(lines.last == "", "the file ends with a whole record and its newline")
        let records = lines.filter { !$0.isEmpty }.map(BinaryRunner.jsonObject)
        #expect(records.allSatisfy { $0 != nil })
        #expect(records.filter { $0?["speaker"] as? String == "user" }.count == 3, "every reply typed is there")
        #expect(!records.contains { $0?["type"] as? String == "end" })
    }

    @Test func twoSessionsAtOnceWriteTwoFiles() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let first = try BinaryRunner.Running(["practice", "warm-up", "--transcripts", folder.path], environment: BinaryRunner.isolatedEnvironment())
        let second = try BinaryRunner.Running(["practice", "warm-up", "--transcripts", folder.path], environment: BinaryRunner.isolatedEnvironment())
        for running in [first, second] {
            running.send("Sam")
            running.closeInput()
        }
        #expect(first.wait().status == 0)
        #expect(second.wait().status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        #expect(files.count == 2)
    }

    @Test func anUnwritableTranscriptFolderIsOneLineAndThePracticeGoesOn() throws {
        // A folder under a regular file can never be created, whoever runs the test.
        let blocker = try BinaryRunner.temporaryFolder().appending(path: "a-file")
        _ = FileManager.default.createFile(atPath: blocker.path, contents: Data("x".utf8))
        let folder = blocker.appending(path: "transcripts")
        let result = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam", "she fed my cat", "Thank you, I was so relieved"])
        #expect(result.status == 0)
        #expect(result.errors.hasPrefix("rapport: this session is not being saved: "), "a warning, on standard error")
        #expect(result.errors.contains("not a folder"), "in plain words: \(result.errors)")
        #expect(result.errors.components(separatedBy: "not being saved").count == 2, "said once")
        #expect(!result.output.contains("not being saved"))
        #expect(result.output.contains("Scorecard"), "the practice went on to the end")

        for command in [["transcripts", "list"], ["transcripts", "show", "x"], ["progress"], ["replay", "x"]] {
            let failed = try BinaryRunner.run(command + ["--transcripts", blocker.path])
            #expect(failed.status == 74, "\(command): \(failed.status) \(failed.errors)")
            #expect(failed.errors.hasPrefix("rapport: "), "\(command): one clear line")
            #expect(failed.errors.split(separator: "\n").count == 1, "\(command): \(failed.errors)")
            #expect(failed.errors.hasSuffix(": not a folder\n"), "\(command): \(failed.errors)")
        }
    }

    @Test func filesArePrivateWhateverTheUmask() throws {
        let folder = try BinaryRunner.temporaryFolder().appending(path: "private")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask 000; printf 'Sam\\n' | \"$0\" practice warm-up --transcripts \"$1\" >/dev/null", BinaryRunner.binary.path, folder.path]
        process.environment = BinaryRunner.isolatedEnvironment()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let fileMode = try FileManager.default.attributesOfItem(atPath: folder.appending(path: name).path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
    }

    // MARK: - Bad input

    @Test func hostileLinesInAPracticeAreHandledAndNeverEchoedRaw() throws {
        let folder = try BinaryRunner.temporaryFolder()
        var input = Data()
        input.append(Data("   \n\n\t\n".utf8))                                   // empty and whitespace-only
        input.append(Data(String(repeating: "you never listen ", count: 62_000).utf8)) // about 1 MB
        input.append(Data("\n".utf8))
        input.append(Data([0x49, 0x20, 0xFF, 0xFE, 0xC3, 0x28, 0x20, 0x73, 0x6F, 0x72, 0x72, 0x79, 0x0A]))  // invalid UTF-8
        input.append(Data("nul\u{0}and\u{7}bell\u{8}\n".utf8))
        input.append(Data("\u{1B}[2J\u{1B}]0;pwned\u{7}I'm sorry \u{1B}[31mred\u{1B}[0m\n".utf8))
        input.append(Data("I'm sorry 😔🙏 שלום مرحبا e\u{301}\u{302}\u{303} Z\u{335}\u{336}\n".utf8))
        let result = try BinaryRunner.run(["practice", "apology", "--transcripts", folder.path], input: input, timeout: 60)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.contains("\u{1B}"), "no escape sequence reaches the terminal")
        #expect(!result.output.contains("\u{0}") && !result.output.contains("\u{7}"))
        #expect(result.output.contains("Scorecard (ended at end of input)"))
        let lines = BinaryRunner.transcriptLines(in: folder).filter { !$0.isEmpty }
        #expect(lines.allSatisfy { BinaryRunner.jsonObject($0) != nil }, "the transcript stays valid JSON Lines")

        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first).replacingOccurrences(of: ".jsonl", with: "")
        let shown = try BinaryRunner.run(["transcripts", "show", id, "--transcripts", folder.path])
        #expect(shown.status == 0)
        #expect(!shown.output.contains("\u{1B}") && !shown.output.contains("\u{0}"), "show neutralises what was typed")
        #expect(shown.output.contains("😔"), "emoji pass through")
    }

    @Test func inputPipedFasterThanItIsReadIsAllAnswered() throws {
        let lines = (0..<5_000).map { "You never do the dishes \($0)" }
        let result = try BinaryRunner.run(["practice", "rewrite", "--no-save"], lines: lines)
        #expect(result.status == 0)
        #expect(result.output.contains("Scorecard"))
    }

    @Test func hostileDialogueFilesInTheUserFolderAreReportedAndTheRestLoad() throws {
        let config = try BinaryRunner.temporaryFolder()
        let folder = config.appending(path: "rapport/dialogues")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        func write(_ name: String, _ text: String) {
            _ = FileManager.default.createFile(atPath: folder.appending(path: name).path, contents: Data(text.utf8))
        }
        write("empty.yaml", "")
        write("truncated.yaml", "id: cut\ntitle: \"Cut off\nstates:\n  a:\n    say: [")
        write("deep.yaml", String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000))
        let laughs = (1...9).map { "l\($0): &l\($0) [" + Array(repeating: "*l\($0 - 1)", count: 9).joined(separator: ",") + "]" }
        write("aliases.yaml", "l0: &l0 \"lol\"\n" + laughs.joined(separator: "\n") + "\n")
        write("huge.yaml", "id: huge\nstates:\n" + String(repeating: "  # padding line to make the file large\n", count: 200_000))
        write("binary.yaml", String(decoding: Data((0..<4096).map { UInt8($0 % 256) }), as: UTF8.self))
        write("unreadable.yaml", "id: secret\n")
        chmod(folder.appending(path: "unreadable.yaml").path, 0)
        write("mine.yaml", """
            id: my-practice
            title: My own practice
            summary: One of mine.
            start: ask
            states:
              ask:
                say:
                  - coach: ["Say thank you to someone."]
                hint: ["Anyone will do."]
                otherwise:
                  go: done
              done:
                say:
                  - coach: ["Done."]
                end: completed
            """)
        let environment = BinaryRunner.isolatedEnvironment(["XDG_CONFIG_HOME": config.path])
        let result = try BinaryRunner.run(["scenarios"], environment: environment, timeout: 30)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("apology"), "the built-in practices still load")
        #expect(result.output.contains("my-practice"), "a good user file still loads")
        for name in ["empty", "truncated", "deep", "aliases", "huge", "binary"] {
            #expect(result.errors.contains("\(name).yaml"), "\(name).yaml is reported: \(result.errors)")
        }
        #expect(result.errors.range(of: #"truncated\.yaml:\d+:\d+"#, options: .regularExpression) != nil, "with line:column")
    }

    @Test func corruptedTranscriptsAreSkippedAndSaidSo() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let made = try BinaryRunner.run(["practice", "warm-up", "--seed", "2", "--transcripts", folder.path], lines: ["Sam", "she fed my cat"])
        #expect(made.status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let id = name.replacingOccurrences(of: ".jsonl", with: "")
        let url = folder.appending(path: name)
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\n{\"type\": \"turn\"", with: "\nnot json at all\n{\"type\": \"turn\"", options: [], range: text.range(of: "\n{\"type\": \"turn\""))
        text += "{\"type\": \"end\", \"outcome\": \"compl"  // cut off mid-record
        try Data(text.utf8).write(to: url)
        _ = FileManager.default.createFile(atPath: folder.appending(path: "20260101-000000-apology-dead.jsonl").path, contents: Data([0xFF, 0x00, 0x0A]))

        let list = try BinaryRunner.run(["transcripts", "list", "--transcripts", folder.path])
        #expect(list.status == 0)
        #expect(list.output.contains(id))
        #expect(list.errors.contains("could not be read"))

        let show = try BinaryRunner.run(["transcripts", "show", id, "--transcripts", folder.path])
        #expect(show.status == 0)
        #expect(show.output.contains("Sam"))
        #expect(show.errors.contains("skipped 2 line(s)"))

        let progress = try BinaryRunner.run(["progress", "--transcripts", folder.path])
        #expect(progress.status == 0)
        #expect(progress.errors.contains("skipped"))

        let replay = try BinaryRunner.run(["replay", id, "--transcripts", folder.path])
        #expect(replay.status == 0 || replay.status == 1, "\(replay.errors)")
        #expect(replay.output.contains("Replaying 2 replies"))
        #expect(replay.errors.contains("skipped 2 line(s)"))
    }

    // MARK: - What it is and is not

    @Test func helpSaysItIsNotTherapy() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.output.contains("not therapy"))
        let readme = try String(contentsOf: BinaryRunner.packageRoot.appending(path: "README.md"), encoding: .utf8)
        #expect(readme.contains("## What rapport promises"))
        #expect(readme.contains("not therapy"))
    }
}
