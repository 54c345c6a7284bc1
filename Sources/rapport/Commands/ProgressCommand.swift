import ArgumentParser
import Foundation
import RapportCore
import RapportTerminal

#if canImport(Glibc)
import Glibc
#endif

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "See how your practice is going, from your saved sessions.",
        discussion: """
            For each practice: how many sessions and how they ended, one line per part of the \
            practice with a mark for each session (met or missed, oldest on the left), and the \
            pitfall that comes up most, in your own words. Files that cannot be read are \
            skipped and counted.
            """
    )

    @Flag(help: "Print a JSON array: one object per practice with its sessions, outcomes, parts (a mark per session) and pitfalls.")
    var json = false

    @OptionGroup var location: TranscriptsCommand.Location
    @OptionGroup var output: OutputOptions

    func run() throws {
        let store = location.store
        let ids = try io { try store.ids() }
        var transcripts: [TranscriptStore.Transcript] = []
        var unreadable = 0
        for id in ids {
            if let transcript = try? store.read(id) { transcripts.append(transcript) } else { unreadable += 1 }
        }
        let runtime = try Runtime.load()
        let report = ProgressReport(transcripts: transcripts, unreadableFiles: unreadable, library: runtime.library)
        if json {
            StandardOutput.out.write(JSONListing.text(report.scenarios.map(ProgressJSON.object)))
        } else {
            let style = Style(choice: output.color)
            let glyphs: ProgressRenderer.Glyphs = isatty(1) == 1 ? .terminal : .plain
            StandardOutput.out.write(ProgressRenderer.text(report, glyphs: glyphs, bold: style.bold))
        }
        StandardOutput.out.flush()
        var skipped: [String] = []
        if report.unreadableFiles > 0 { skipped.append("\(report.unreadableFiles) file(s) that could not be read") }
        if report.skippedLines > 0 { skipped.append("\(report.skippedLines) damaged line(s)") }
        if !skipped.isEmpty {
            StandardOutput.err.line("rapport: skipped " + skipped.joined(separator: " and ") + ".")
            StandardOutput.err.flush()
        }
    }
}
