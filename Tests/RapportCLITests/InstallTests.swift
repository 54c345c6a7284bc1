import Foundation
import Testing

/// Issue 15, installable and discoverable: shell completions that know practices and
/// sessions, a man page that matches the commands, a licence that fits GNU readline.
@Suite struct InstallTests {
    static let root = BinaryRunner.packageRoot

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appending(path: relative), encoding: .utf8)
    }

    // MARK: - Completions

    /// What bash offers after `words` (the last one is being completed), using the script
    /// `rapport --generate-completion-script bash` prints, run the way bash runs it.
    static func bashCompletions(_ words: [String], in directory: URL? = nil) throws -> [String] {
        let script = try BinaryRunner.run(["--generate-completion-script", "bash"])
        try #require(script.status == 0)
        let file = try BinaryRunner.temporaryFolder().appending(path: "rapport.bash")
        try Data(script.output.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let line = ([BinaryRunner.binary.path] + words).joined(separator: " ")
        process.arguments = ["-c", """
            source "$0"
            COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="\(line)"; COMP_POINT=${#COMP_LINE}
            _rapport
            printf '%s\\n' "${COMPREPLY[@]}"
            """, file.path, BinaryRunner.binary.path] + words
        process.environment = BinaryRunner.isolatedEnvironment()
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesPracticeIDs() throws {
        let offered = try InstallTests.bashCompletions(["practice", ""])
        #expect(Set(offered).isSuperset(of: ["apology", "raise-early", "defensiveness", "warm-up"]), "\(offered)")
        #expect(try InstallTests.bashCompletions(["practice", "ra"]) == ["raise-early"])
        #expect(try InstallTests.bashCompletions(["graph", "calm"]) == ["calm-down"], "graph also draws detours")
    }

    @Test func bashCompletesSavedSessionIDsFromTheFolderOnTheLine() throws {
        let folder = try BinaryRunner.temporaryFolder()
        _ = try BinaryRunner.run(["practice", "warm-up", "--transcripts", folder.path], lines: ["Sam"])
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first).replacingOccurrences(of: ".jsonl", with: "")
        for command in [["transcripts", "show"], ["transcripts", "export"], ["transcripts", "delete"], ["replay"]] {
            let offered = try InstallTests.bashCompletions(command + ["--transcripts", folder.path, ""])
            #expect(offered == [id], "\(command): \(offered)")
        }
    }

    @Test func bashCompletesDialogueFilesForLint() throws {
        let lint = InstallTests.root.appending(path: "Tests/RapportCoreTests/Fixtures/lint")
        let offered = try InstallTests.bashCompletions(["lint", ""], in: lint)
        #expect(offered.contains("missing-target.yaml"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func everyShellGetsAScriptThatAsksRapportForIDs(shell: String) throws {
        let script = try BinaryRunner.run(["--generate-completion-script", shell])
        #expect(script.status == 0)
        #expect(script.output.contains("---completion practice -- positional@0"), "\(shell): practice ids come from rapport")
        #expect(script.output.contains("---completion transcripts show -- positional@0"), "\(shell): session ids too")
    }

    @Test func theReadmeSaysHowToInstallCompletions() throws {
        let readme = try InstallTests.text("README.md")
        #expect(readme.contains("rapport --generate-completion-script bash"))
        #expect(readme.contains("zsh") && readme.contains("fish"))
    }

    // MARK: - Man page

    /// Every command and option, from rapport's own description of its interface.
    static func interface() throws -> (commands: [String], options: [String], abstracts: [String]) {
        let dump = try BinaryRunner.run(["--experimental-dump-help"])
        let root = try #require(BinaryRunner.jsonObject(dump.output)?["command"] as? [String: Any])
        var commands: [String] = []
        var options: Set<String> = []
        var abstracts: [String] = []
        func visit(_ command: [String: Any]) {
            if let name = command["commandName"] as? String { commands.append(name) }
            if let abstract = command["abstract"] as? String { abstracts.append(abstract) }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for name in argument["names"] as? [[String: Any]] ?? [] where name["kind"] as? String == "long" {
                    options.insert(name["name"] as? String ?? "")
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] { visit(subcommand) }
        }
        visit(root)
        return (commands, options.sorted(), abstracts)
    }

    @Test func theManPageIsCurrent() throws {
        let page = try InstallTests.text("docs/rapport.1")
        #expect(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\""))
        let (commands, options, abstracts) = try InstallTests.interface()
        #expect(commands.count > 10)
        for command in commands.dropFirst() {
            // A command with aliases is listed with them: `.It Em "practice, practise"`.
            #expect(page.contains(".It Em \(command)\n") || page.contains(".It Em \"\(command), "),
                    "docs/rapport.1 lacks '\(command)': run docs/generate-manual.sh")
        }
        for option in options {
            // `.Fl -name`, or `.Fl n , -name` when it has a short form too.
            #expect(page.contains("Fl -\(option)") || page.contains(" , -\(option)"), "docs/rapport.1 lacks --\(option): run docs/generate-manual.sh")
        }
        for abstract in abstracts where !abstract.contains("\\") {
            #expect(page.contains(abstract), "docs/rapport.1 has an old help text: run docs/generate-manual.sh (\(abstract))")
        }
    }

    @Test func theManPageRenders() throws {
        let man = URL(fileURLWithPath: "/usr/bin/man")
        guard FileManager.default.isExecutableFile(atPath: man.path) else { return }
        let process = Process()
        process.executableURL = man
        process.arguments = ["--warnings", "-l", InstallTests.root.appending(path: "docs/rapport.1").path]
        process.environment = ["MANPAGER": "cat", "MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let page = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(page.contains("RAPPORT(1)") && page.contains("EXIT STATUS"))
        #expect(page.contains("rapport [subcommand]"))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    // MARK: - Licence and package

    @Test func theLicenceIsGPL3OrLaterAsReadlineNeeds() throws {
        let licence = try InstallTests.text("LICENSE")
        #expect(licence.contains("GNU GENERAL PUBLIC LICENSE") && licence.contains("Version 3, 29 June 2007"))
        let readme = try InstallTests.text("README.md")
        #expect(readme.contains("GPL-3.0-or-later"))
        #expect(readme.contains("readline"))
    }

    @Test func thePackageIsHonestAboutWhatItBuilds() throws {
        let manifest = try InstallTests.text("Package.swift")
        #expect(!manifest.contains("pkgConfig:"), "readline's pkg-config flags make SwiftPM warn on every build")
        #expect(!manifest.contains(".macOS("), "the code calls Glibc directly")
        #expect(!manifest.contains(#".executable(name: "rapport-bench""#), "the benchmark is not a product")
        #expect(manifest.contains(#".executableTarget(name: "RapportBench""#), "but benchmarks/run.py still builds it")
        let common = try InstallTests.text("benchmarks/common.py")
        #expect(common.contains(#"BENCH = ROOT / ".build" / "release" / "RapportBench""#))
    }
}
