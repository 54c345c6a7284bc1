import Foundation
import Testing

/// Issue 15, scriptable: every `--json` is JSON that `jq` reads, the Markdown export reads
/// as typed, and deleting everything is asked about at a terminal and said outright in a
/// script.
@Suite struct ScriptingTests {
    static func folderWithSessions(_ count: Int) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        for _ in 0..<count {
            let made = try BinaryRunner.run(["practice", "warm-up", "--seed", "1", "--transcripts", folder.path], lines: ["Sam"])
            try #require(made.status == 0)
        }
        return folder
    }

    static func sessionCount(_ folder: URL) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".jsonl") }.count
    }

    // MARK: - delete --all

    @Test func deleteAllInAScriptNeedsYes() throws {
        let folder = try ScriptingTests.folderWithSessions(2)
        let refused = try BinaryRunner.run(["transcripts", "delete", "--all", "--transcripts", folder.path])
        #expect(refused.status == 64)
        #expect(refused.errors.contains("add --yes"), "\(refused.errors)")
        #expect(ScriptingTests.sessionCount(folder) == 2, "nothing deleted")

        let done = try BinaryRunner.run(["transcripts", "delete", "--all", "--yes", "--transcripts", folder.path])
        #expect(done.status == 0)
        #expect(done.output == "Deleted 2 saved sessions.\n")
        #expect(ScriptingTests.sessionCount(folder) == 0)
    }

    @Test(arguments: [("n\n", 2), ("\n", 2), ("yes\n", 0), ("y\n", 0)])
    func deleteAllAtATerminalAsksFirst(answer: String, left: Int) throws {
        let folder = try ScriptingTests.folderWithSessions(2)
        let terminal = try TerminalRunner(["transcripts", "delete", "--all", "--transcripts", folder.path],
                                          terminalInput: true, terminalOutput: true)
        terminal.send(answer)   // held by the terminal until the question reads it
        let result = terminal.wait()
        #expect(result.status == 0)
        #expect(result.errors.contains("Delete all 2 saved sessions in \(folder.path)? This cannot be undone. [y/N]"), "\(result.errors)")
        #expect(ScriptingTests.sessionCount(folder) == left, "answer \(answer.debugDescription)")
        #expect(result.output.contains(left == 0 ? "Deleted 2 saved sessions." : "Nothing was deleted."))
    }

    // MARK: - JSON

    /// Whether `jq` reads `text` as JSON (skipped, and true, when jq is not installed), and
    /// `JSONSerialization` agrees, value by value.
    static func jqAccepts(_ text: String) throws -> Bool {
        let jq = URL(fileURLWithPath: "/usr/bin/jq")
        guard FileManager.default.isExecutableFile(atPath: jq.path) else { return true }
        let process = Process()
        process.executableURL = jq
        process.arguments = ["-e", "."]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func array(_ text: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]], "not a JSON array: \(text)")
    }

    @Test func analyzeJSONWithExplainIsStillJSONLines() throws {
        let result = try BinaryRunner.run(["analyze", "--json", "--explain", "I'm sorry I forgot", "hello"])
        #expect(result.status == 0)
        #expect(try ScriptingTests.jqAccepts(result.output))
        let objects = result.outputLines.map(BinaryRunner.jsonObject)
        #expect(objects.count == 2, "one object per line, nothing else: \(result.output)")
        let first = try #require(objects[0])
        #expect(first["input"] as? String == "I'm sorry I forgot")
        let signals = try #require(first["signals"] as? [[String: Any]])
        let explain = try #require(first["explain"] as? [String: Any])
        #expect(explain["words"] as? [String] == ["i", "am", "sorry", "i", "forgot"])
        let explained = try #require(explain["signals"] as? [[String: Any]])
        #expect(explained.map { $0["kind"] as? String } == signals.map { $0["kind"] as? String })
        #expect(explained.allSatisfy { ($0["rule"] as? String)?.hasPrefix("rules/") == true })
        #expect((objects[1]?["explain"] as? [String: Any])?["signals"] as? [Any] != nil)
    }

    @Test func scenariosJSON() throws {
        let result = try BinaryRunner.run(["scenarios", "--json"])
        #expect(result.status == 0)
        #expect(try ScriptingTests.jqAccepts(result.output))
        let practices = try ScriptingTests.array(result.output)
        let ids = practices.compactMap { $0["id"] as? String }
        #expect(ids.contains("apology") && ids.contains("warm-up"))
        #expect(practices.allSatisfy { $0["title"] is String && $0["summary"] is String && $0["source"] as? String == "built-in" })
    }

    @Test func transcriptsListJSON() throws {
        let empty = try BinaryRunner.run(["transcripts", "list", "--json", "--transcripts", try BinaryRunner.temporaryFolder().path])
        #expect(empty.status == 0)
        #expect(empty.output == "[]\n", "no sessions is an empty array, not a sentence")

        let folder = try ScriptingTests.folderWithSessions(2)
        let result = try BinaryRunner.run(["transcripts", "list", "--json", "--transcripts", folder.path])
        #expect(result.status == 0)
        #expect(try ScriptingTests.jqAccepts(result.output))
        let sessions = try ScriptingTests.array(result.output)
        #expect(sessions.count == 2)
        for session in sessions {
            let id = try #require(session["id"] as? String)
            #expect(id.contains("-warm-up-"))
            #expect(session["scenario"] as? String == "warm-up")
            #expect((session["started"] as? String)?.hasSuffix("Z") == true)
            #expect(session["outcome"] as? String == "abandoned")
            #expect(session["replies"] as? Int == 1)
            #expect(session["path"] as? String == folder.appending(path: id + ".jsonl").path)
        }
    }

    @Test func progressJSON() throws {
        let empty = try BinaryRunner.run(["progress", "--json", "--transcripts", try BinaryRunner.temporaryFolder().path])
        #expect(empty.output == "[]\n")

        let folder = try BinaryRunner.temporaryFolder()
        _ = try BinaryRunner.run(["practice", "warm-up", "--seed", "1", "--transcripts", folder.path],
                                 lines: ["Sam", "She fed my cat while I was away", "Thank you for feeding my cat, I was so relieved"])
        // A reply where the rubric counts, so that this session is a lesson (one left before
        // any such reply is not counted).
        _ = try BinaryRunner.run(["practice", "warm-up", "--seed", "1", "--transcripts", folder.path],
                                 lines: ["Sam", "She fed my cat", "hmm"])
        let result = try BinaryRunner.run(["progress", "--json", "--transcripts", folder.path])
        #expect(result.status == 0)
        #expect(try ScriptingTests.jqAccepts(result.output))
        let practice = try #require(try ScriptingTests.array(result.output).first)
        #expect(practice["id"] as? String == "warm-up")
        #expect(practice["sessions"] as? Int == 2)
        #expect(practice["outcomes"] as? [String: Int] == ["completed": 1, "abandoned": 1])
        let parts = try #require(practice["parts"] as? [[String: Any]])
        let thanks = try #require(parts.first { $0["part"] as? String == "appreciation" })
        #expect(thanks["met"] as? Int == 1 && thanks["asked"] as? Int == 2)
        // One mark per session; both began in the same second, so their order is the IDs' random part.
        #expect((thanks["marks"] as? [Bool])?.sorted { !$0 && $1 } == [false, true])
        #expect(practice["pitfalls"] is [Any])
    }

    // MARK: - Markdown

    @Test func markdownExportEscapesOnlyWhatMarkdownNeeds() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let typed = "I'm sorry. I was tired - really (ok) #1 + 3.5! *so* sorry_now [x](y) <b> ~~no~~ &amp; Tom & Jerry"
        _ = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam", typed])
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first).replacingOccurrences(of: ".jsonl", with: "")
        let result = try BinaryRunner.run(["transcripts", "export", id, "--transcripts", folder.path])
        #expect(result.status == 0)
        let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("> **You:** I'm sorry") })
        #expect(line == #"> **You:** I'm sorry. I was tired - really (ok) #1 + 3.5! \*so\* sorry\_now \[x\](y) \<b> \~\~no\~\~ \&amp; Tom & Jerry"#)
        #expect(!result.output.contains("sorry\\."), "no full stop escaped")
    }
}
