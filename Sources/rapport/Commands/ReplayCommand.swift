import ArgumentParser
import Foundation
import RapportCore
import RapportTerminal

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a saved session's replies against today's dialogues and show where the path changes.",
        discussion: """
            For dialogue authors: after editing a dialogue, replay a session you saved before \
            the change. Each of your replies is analysed again and given to today's version of \
            the practice, with the same seed and difficulty; rapport shows the state each reply \
            was given in then and now, marks the first difference, and compares the endings. \
            Exit status 0 when nothing changed, 1 when the path or the ending differs.
            """
    )

    @Argument(help: "A saved session's ID (or the start of it), as 'rapport transcripts list' shows; or a transcript file's path.",
              completion: Completions.transcripts)
    var transcript: String

    @OptionGroup var location: TranscriptsCommand.Location
    @OptionGroup var dialogues: DialogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let loaded = try io { () throws -> TranscriptStore.Transcript in
            if transcript.hasSuffix(".jsonl"), FileManager.default.fileExists(atPath: transcript) {
                let url = URL(fileURLWithPath: transcript)
                let store = TranscriptStore(folder: url.deletingLastPathComponent())
                return try store.read(url.deletingPathExtension().lastPathComponent)
            }
            let store = location.store
            return try store.read(try store.find(transcript))
        }
        reportSkipped(loaded)
        let runtime = try Runtime.load(dialogues: dialogues)
        let report: ReplayReport
        do {
            report = try ReplayReport(replaying: loaded, library: runtime.library, analyzer: runtime.analyzer, rewriter: runtime.rewriter)
        } catch {
            fail(error.description, code: ExitStatus.invalidData)
        }
        let style = Style(choice: output.color)
        StandardOutput.out.write(ReplayRenderer.text(report, mark: style.warn))
        StandardOutput.out.flush()
        if !report.isSame { throw ExitCode(1) }
    }
}
