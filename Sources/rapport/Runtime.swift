import ArgumentParser
import Foundation
import RapportCore
import RapportTerminal

/// What commands share: the compiled built-in data, the analyzer and (when asked for) the
/// rewriter over it, and the dialogue library with the user's own dialogues added.
struct Runtime {
    let compiled: CompiledData
    let analyzer: Analyzer
    var library: DialogueLibrary

    /// The rewriter, built the first time a command asks for it: `scenarios`, `analyze` and
    /// the rest never do, and building its tables was a tenth of their start-up. Kept for
    /// the rest of the process, like `kept`.
    var rewriter: Rewriter {
        if let built = Runtime.keptRewriter { return built }
        let built = Rewriter(analyzer: analyzer, knowledge: compiled.rewriting)
        Runtime.keptRewriter = built
        return built
    }
    nonisolated(unsafe) private static var keptRewriter: Rewriter?

    /// The runtime loaded last, kept for the rest of the process. A command's own copy then
    /// never frees the tables when it ends: the process ends instead, which is free, where
    /// freeing every table one by one cost as much as a tenth of start-up. Commands run on
    /// the main thread only, hence unchecked.
    nonisolated(unsafe) private static var kept: Runtime?

    /// Loads the built-in data. A failure here means a damaged build (exit 70).
    static func load() throws -> Runtime {
        do {
            let compiled = try BuiltIn.compiled()
            let analyzer = Analyzer(vocabulary: compiled.vocabulary)
            let runtime = Runtime(compiled: compiled, analyzer: analyzer, library: DialogueLibrary.builtIn(from: compiled))
            kept = runtime
            return runtime
        } catch {
            fail("this build is damaged (\(error)); reinstall rapport", code: 70)
        }
    }

    /// Loads the built-in data and the user's dialogues; problems in the user's files are
    /// printed as `file:line:column: error: …` and those files are skipped.
    static func load(dialogues option: DialogueOptions) throws -> Runtime {
        var runtime = try load()
        let folders = UserDialogues.folders(option: option.dialogues)
        let explicit = option.dialogues.map { URL(fileURLWithPath: $0) }
        let problems = UserDialogues.add(to: &runtime.library, folders: folders, explicit: explicit)
        for problem in problems {
            StandardOutput.err.line("rapport: skipping a dialogue: " + TerminalSafeText.sanitize(problem.description))
        }
        StandardOutput.err.flush()
        return runtime
    }
}

/// Prints `rapport: message` on standard error and exits with `code`.
func fail(_ message: String, code: Int32) -> Never {
    StandardOutput.out.flush()
    StandardOutput.err.line("rapport: " + message)
    StandardOutput.err.flush()
    exit(code)
}

/// Exit codes SPEC.md fixes.
enum ExitStatus {
    static let usage: Int32 = 64
    static let invalidData: Int32 = 65
    static let ioFailure: Int32 = 74
}
