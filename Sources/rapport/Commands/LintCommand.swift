import ArgumentParser
import Foundation
import RapportCore
import RapportTerminal

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check dialogue files and report every problem as file:line:column.",
        discussion: """
            With no FILE, checks the built-in dialogues and your own (--dialogues DIR and \
            ~/.config/rapport/dialogues). Finds YAML errors, unknown fields and signal kinds, \
            transitions to missing states, states that can't be reached or can't be left, and \
            {slots} quoted but never captured. Warns where the coach could contradict itself: a \
            praising line whose transition credits nothing, a rubric part no line asks for, a \
            partner line with no mood. Exits 65 when anything is wrong (warnings alone exit 0).
            """
    )

    @Argument(help: "Dialogue files to check.", completion: Completions.yamlFiles)
    var files: [String] = []

    @OptionGroup var dialogues: DialogueOptions

    func run() throws {
        let runtime = try Runtime.load()
        var sources: [(path: String, text: String)] = []
        var problems: [Diagnostic] = []
        let builtInOnly = files.isEmpty
        if builtInOnly {
            sources += BuiltIn.dialogueFiles.map { ("Dialogues/" + $0.path, $0.text) }
            let folders = UserDialogues.folders(option: dialogues.dialogues)
            let (userFiles, readProblems) = UserDialogues.files(in: folders, explicit: dialogues.dialogues.map { URL(fileURLWithPath: $0) })
            sources += userFiles
            problems += readProblems
        } else {
            for file in files {
                let data: Data
                do {
                    data = try Data(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    problems.append(Diagnostic(file: file, message: "cannot read this file: \(SystemReason.describe(error))"))
                    continue
                }
                sources.append((file, String(decoding: data, as: UTF8.self)))
            }
        }
        let (loaded, loadProblems) = DialogueLibrary.load(sources, praise: runtime.compiled.praise)
        problems += loadProblems
        // Files are checked together with the built-in dialogues they may refer to (detours).
        let checkedFiles = Set(sources.map(\.path))
        let others = runtime.library.dialogues.filter { builtIn in !loaded.contains { $0.id == builtIn.id } && !builtInOnly }
        problems += DialogueChecker.check(library: others + loaded, requireSafety: builtInOnly)
            .filter { checkedFiles.contains($0.file) || builtInOnly }

        // Diagnostics are for the person (or the editor) reading standard error, as a
        // compiler's are; standard output stays empty.
        for problem in problems {
            StandardOutput.err.line(TerminalSafeText.sanitize(problem.description))
        }
        let errors = problems.filter { $0.severity == .error }.count
        StandardOutput.err.line("rapport lint: checked \(sources.count) file\(sources.count == 1 ? "" : "s"): " +
                                (problems.isEmpty ? "no problems." : "\(errors) error\(errors == 1 ? "" : "s"), \(problems.count - errors) warning\(problems.count - errors == 1 ? "" : "s")."))
        StandardOutput.err.flush()
        if errors > 0 { throw ExitCode(ExitStatus.invalidData) }
    }
}
