import Foundation
import Testing

/// Issue 15, scriptable: every `--json` is JSON that `jq` reads, the Markdown export reads
/// as typed, and deleting everything is asked about at a terminal and said outright in a
/// script.
@Suite struct ScriptingTests {
    static func folderWithSessions(_ count: Int) throws -> URL {
        let folder = BinaryRunner.temporaryFolder()
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
}
