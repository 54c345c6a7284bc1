import Foundation
import Testing

/// The built binary, driven the way scripts and people drive it.
@Suite struct EndToEndTests {
    @Test func theBinaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: BinaryRunner.binary.path), "build rapport first: \(BinaryRunner.binary.path)")
    }

    @Test func menuThenQuit() throws {
        let result = try BinaryRunner.run(["--no-save"], lines: ["1", "/quit"])
        #expect(result.status == 0)
        #expect(result.output.contains("Hi, I'm rapport"))
        #expect(result.output.contains("1. "))
        // Left before any reply: no lesson, so no scorecard.
        #expect(!result.output.contains("Scorecard"))
        #expect(!result.output.contains("you>"), "no prompts when input is piped")
    }

    @Test func practiseIsPracticeAndAPracticeTakesAnyCase() throws {
        for command in ["practise", "practice"] {
            let result = try BinaryRunner.run([command, "Apology", "--no-save", "--seed", "1"], lines: ["I hung up on my dad"])
            #expect(result.status == 0, "\(command)")
            #expect(result.output.contains("your dad"), "\(command): \(result.output)")
        }
    }

    @Test func aPipedSessionWritesATranscriptAsSpecified() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["practice", "warm-up", "--seed", "1", "--transcripts", folder.path],
                                          lines: ["Sam", "She fed my cat while I was away", "Thank you for feeding my cat, I was so relieved"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Coach: "))
        // The scorecard as printed: its header and each of its lines.
        #expect(result.output.contains("Scorecard (completed)\n  Done well: Saying thank you, Saying what it meant to you\n  Next time: "),
                "\(result.output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1)
        let name = try #require(files.first)
        #expect(name.range(of: #"^\d{8}-\d{6}-warm-up-[0-9a-f]{4}\.jsonl$"#, options: .regularExpression) != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appending(path: name).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let records = try String(contentsOf: folder.appending(path: name), encoding: .utf8).split(separator: "\n").map { BinaryRunner.jsonObject(String($0)) }
        #expect(records.allSatisfy { $0 != nil })
        let session = try #require(records.first ?? nil)
        #expect(session["type"] as? String == "session")
        #expect(session["scenario"] as? String == "warm-up")
        #expect(session["seed"] as? Int == 1)
        #expect((session["started"] as? String)?.hasSuffix("Z") == true)
        #expect(session["version"] is String)
        let turns = records.dropFirst().dropLast().compactMap { $0 }
        #expect(turns.allSatisfy { $0["type"] as? String == "turn" && $0["state"] is String && $0["text"] is String })
        #expect(turns.filter { $0["speaker"] as? String == "user" }.count == 3)
        let userTurns = turns.filter { $0["speaker"] as? String == "user" }
        #expect(userTurns.map { $0["signals"] as? [String] }.first == [], "a name carries no signals, and says so")
        let thanks = try #require(userTurns.last?["signals"] as? [String])
        #expect(Set(thanks).isSuperset(of: ["appreciation", "feeling"]), "the reply is saved with what was found in it: \(thanks)")
        #expect(turns.filter { $0["speaker"] as? String != "user" }.allSatisfy { $0["signals"] == nil })
        let end = try #require(records.last ?? nil)
        #expect(end["type"] as? String == "end")
        #expect(end["outcome"] as? String == "completed")
        let card = try #require(end["scorecard"] as? [String: Any])
        #expect(card["met"] as? [String] == ["appreciation", "i-statement"])
        #expect(card["missed"] as? [String] == [])
        #expect(card["pitfalls"] is [Any])
    }

    @Test func endOfInputMidPracticeIsAbandoned() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam"])
        #expect(result.status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let last = try String(contentsOf: folder.appending(path: name), encoding: .utf8).split(separator: "\n").last.map(String.init) ?? ""
        #expect(BinaryRunner.jsonObject(last)?["outcome"] as? String == "abandoned")
    }

    /// `/quit` mid-practice: the scorecard is printed and the saved session ends with its record.
    @Test func quittingMidPracticeSavesAnEndRecord() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let result = try BinaryRunner.run(["practice", "warm-up", "--seed", "1", "--transcripts", folder.path], lines: ["Sam", "She fed my cat", "thanks", "/quit"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Scorecard (you left early)\n  Done well: Saying thank you\n  Still to add: Saying what it meant to you\n"),
                "\(result.output)")
        let lines = BinaryRunner.transcriptLines(in: folder).filter { !$0.isEmpty }
        #expect(lines.filter { $0.contains("\"type\": \"end\"") }.count == 1)
        let end = try #require(lines.last.flatMap(BinaryRunner.jsonObject))
        #expect(end["type"] as? String == "end")
        #expect(end["outcome"] as? String == "quit")
        let card = try #require(end["scorecard"] as? [String: Any])
        #expect(card["met"] as? [String] == ["appreciation"])
        #expect(card["missed"] as? [String] == ["i-statement"])
    }

    @Test func noSaveWritesNothing() throws {
        let environment = BinaryRunner.isolatedEnvironment()
        let home = URL(fileURLWithPath: try #require(environment["HOME"]))
        _ = try BinaryRunner.run(["practice", "warm-up", "--no-save"], lines: ["Sam", "/quit"], environment: environment)
        let written = FileManager.default.enumerator(atPath: home.path)?.allObjects ?? []
        #expect(written.isEmpty, "wrote \(written)")
    }

    @Test func analyzeJSONHandlesEveryLine() throws {
        var input = Data("I'm sorry I forgot, but you never remind me\n\n".utf8)
        input += Data([0x49, 0x20, 0xFF, 0xFE, 0x20, 0x73, 0x6F, 0x72, 0x72, 0x79, 0x0A])
        input += Data("last line without newline".utf8)
        let result = try BinaryRunner.run(["analyze", "--json"], input: input)
        #expect(result.status == 0)
        let objects = result.outputLines.map(BinaryRunner.jsonObject)
        try #require(objects.count == 4)
        #expect(objects.allSatisfy { $0?["input"] is String && $0?["signals"] is [Any] })
        #expect((objects[1]?["signals"] as? [Any])?.isEmpty == true)
        #expect((objects[2]?["input"] as? String)?.contains("\u{FFFD}") == true)
        let first = try #require(objects[0]?["signals"] as? [[String: Any]])
        #expect(first.first?["kind"] as? String == "remorse")
        #expect(first.first?["start"] as? Int == 0 && first.first?["end"] as? Int == 9)
    }

    @Test func rewriteJSONHasTheSpecifiedShape() throws {
        let result = try BinaryRunner.run(["rewrite", "--json", "You never listen to me!", "Thank you for the flowers."])
        #expect(result.status == 0)
        let objects = result.outputLines.compactMap(BinaryRunner.jsonObject)
        try #require(objects.count == 2)
        #expect(objects[0]["changed"] as? Bool == true)
        #expect((objects[0]["rewrite"] as? String)?.hasPrefix("I feel") == true)
        #expect(((objects[0]["notes"] as? [[String: Any]])?.first?["kind"] as? String) == "absolute")
        #expect(objects[1]["changed"] as? Bool == false)
        #expect(objects[1]["rewrite"] as? String == "Thank you for the flowers.")
        let all = try BinaryRunner.run(["rewrite", "--json", "--all", "You never listen to me!"])
        #expect((all.outputLines.first.flatMap(BinaryRunner.jsonObject)?["alternatives"] as? [String])?.count == 3)
    }

    @Test func scenariosLintAndGraph() throws {
        let scenarios = try BinaryRunner.run(["scenarios"])
        #expect(scenarios.status == 0)
        #expect(scenarios.output.contains("warm-up"))
        let lint = try BinaryRunner.run(["lint"])
        #expect(lint.status == 0, "\(lint.output)\(lint.errors)")
        let bad = BinaryRunner.packageRoot.appending(path: "Tests/RapportCoreTests/Fixtures/lint/missing-target.yaml")
        let failing = try BinaryRunner.run(["lint", bad.path])
        #expect(failing.status == 65)
        #expect(failing.errors.contains("missing-target.yaml:10:7: error:"))
        let graph = try BinaryRunner.run(["graph", "warm-up"])
        #expect(graph.status == 0)
        #expect(graph.output.hasPrefix("digraph \"warm-up\" {"))
        #expect(graph.output.contains("\"who\" -> \"what\""))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            let rendered = Process()
            rendered.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            rendered.arguments = ["-Tsvg"]
            let input = Pipe()
            rendered.standardInput = input
            rendered.standardOutput = FileHandle.nullDevice
            rendered.standardError = FileHandle.nullDevice
            try rendered.run()
            try input.fileHandleForWriting.write(contentsOf: Data(graph.output.utf8))
            try input.fileHandleForWriting.close()
            rendered.waitUntilExit()
            #expect(rendered.terminationStatus == 0, "dot rejected the graph")
        }
    }

    @Test func transcriptsCommands() throws {
        let folder = try BinaryRunner.temporaryFolder()
        _ = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam \u{1B}[31mred", "/quit"])
        let list = try BinaryRunner.run(["transcripts", "list", "--transcripts", folder.path])
        #expect(list.status == 0)
        let id = String(try #require(list.outputLines.first?.split(separator: " ").first))
        let show = try BinaryRunner.run(["transcripts", "show", String(id.prefix(10)), "--transcripts", folder.path])
        #expect(show.status == 0)
        #expect(show.output.contains("You: Sam ^[[31mred"))
        #expect(!show.output.contains("\u{1B}"))
        let markdown = try BinaryRunner.run(["transcripts", "export", id, "--transcripts", folder.path])
        #expect(markdown.output.hasPrefix("# "))
        let json = try BinaryRunner.run(["transcripts", "export", id, "--format", "json", "--transcripts", folder.path])
        #expect(json.outputLines.allSatisfy { BinaryRunner.jsonObject($0) != nil })
        #expect(try BinaryRunner.run(["transcripts", "delete", id, "--transcripts", folder.path]).status == 0)
        #expect(try BinaryRunner.run(["transcripts", "show", id, "--transcripts", folder.path]).status == 64, "gone: a wrong ID now")
        let blocker = folder.appending(path: "not-a-folder")
        try Data().write(to: blocker)
        #expect(try BinaryRunner.run(["transcripts", "list", "--transcripts", blocker.path]).status == 74)
    }

    @Test func usageErrorsAndHelp() throws {
        #expect(try BinaryRunner.run(["no-such-command"]).status == 64)
        #expect(try BinaryRunner.run(["rewrite", "--variants", "9", "x"]).status == 64)
        #expect(try BinaryRunner.run(["practice", "no-such-practice", "--no-save"]).status == 64)
        for command in ["practice", "scenarios", "rewrite", "analyze", "transcripts", "lint", "graph"] {
            let help = try BinaryRunner.run([command, "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("USAGE"), "\(command) --help")
        }
        let root = try BinaryRunner.run(["--help"])
        #expect(root.output.contains("not therapy"))
    }
}
