import ArgumentParser
import Foundation
import RapportCore
import RapportTerminal

struct TranscriptsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcripts",
        abstract: "See, export or delete your saved sessions.",
        discussion: """
            Sessions are saved as JSON Lines files in ~/.local/share/rapport/transcripts (or \
            --transcripts DIR, or $RAPPORT_TRANSCRIPTS). Only you can read them; nothing is sent \
            anywhere. An ID can be shortened to any unique start of it.
            """,
        subcommands: [List.self, Show.self, Export.self, Delete.self]
    )

    struct Location: ParsableArguments {
        @Option(help: ArgumentHelp("The transcript folder (default: $RAPPORT_TRANSCRIPTS, else ~/.local/share/rapport/transcripts).", valueName: "dir"),
                completion: Completions.folders)
        var transcripts: String?

        var store: TranscriptStore { TranscriptStore(folder: TranscriptFolder.resolve(option: transcripts)) }
    }

    struct List: ParsableCommand {
        // Named here: without a name ArgumentParser derives it from the type name by
        // reflection, for every subcommand on every start-up of any command.
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List saved sessions, oldest first: ID, practice, how it ended.")

        @Flag(help: "Print a JSON array: one {\"id\", \"scenario\", \"started\", \"outcome\", \"replies\", \"skipped\", \"path\"} object per session.")
        var json = false

        @OptionGroup var location: Location
        @OptionGroup var output: OutputOptions

        func run() throws {
            let store = location.store
            let ids = try io { try store.ids() }
            let style = Style(choice: output.color)
            if json {
                printJSON(store: store, ids: ids)
                return
            }
            guard !ids.isEmpty else {
                StandardOutput.out.line("No saved sessions yet. They will appear in \(store.folder.path).")
                StandardOutput.out.flush()
                return
            }
            var skipped = 0
            for id in ids {
                guard let transcript = try? store.read(id) else {
                    skipped += 1
                    continue
                }
                skipped += transcript.skippedLines > 0 ? 1 : 0
                let outcome = transcript.outcome.map(\.rawValue) ?? "cut off"
                let turns = transcript.userLines.count
                StandardOutput.out.line("\(style.bold(TerminalSafeText.sanitize(id)))  \(TerminalSafeText.sanitize(transcript.scenario ?? "?"))  \(outcome), \(turns) \(turns == 1 ? "reply" : "replies")")
            }
            if skipped > 0 {
                StandardOutput.err.line("rapport: \(skipped) file(s) had lines that could not be read; they were skipped.")
            }
            StandardOutput.out.flush()
            StandardOutput.err.flush()
        }

        private func printJSON(store: TranscriptStore, ids: [String]) {
            var unreadable = 0
            let objects = ids.compactMap { id -> JSONText? in
                guard let transcript = try? store.read(id) else {
                    unreadable += 1
                    return nil
                }
                return TranscriptListingJSON.object(transcript)
            }
            StandardOutput.out.write(JSONListing.text(objects))
            StandardOutput.out.flush()
            if unreadable > 0 {
                StandardOutput.err.line("rapport: \(unreadable) file(s) could not be read; they were left out.")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a saved session as a conversation, with its scorecard.")

        @Argument(help: "The session's ID, or the start of it.", completion: Completions.transcripts)
        var id: String

        @OptionGroup var location: Location

        func run() throws {
            let store = location.store
            let transcript = try io { try store.read(try store.find(id)) }
            let runtime = try Runtime.load()
            let dialogue = transcript.scenario.flatMap { runtime.library.dialogue(id: $0) }
            StandardOutput.out.write(TranscriptRenderer.text(transcript, title: dialogue?.title, partnerName: dialogue?.partner?.name,
                                                             partNames: dialogue?.partNames ?? [:], width: min(terminalWidth(), 100)))
            StandardOutput.out.flush()
            reportSkipped(transcript)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a saved session as Markdown (to keep) or JSON Lines (as saved).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case markdown
            case json
        }

        @Argument(help: "The session's ID, or the start of it.", completion: Completions.transcripts)
        var id: String

        @Option(help: "markdown (a readable document) or json (the records, one per line).")
        var format: Format = .markdown

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"),
                completion: .file())
        var output: String?

        @OptionGroup var location: Location

        func run() throws {
            let store = location.store
            let transcript = try io { try store.read(try store.find(id)) }
            let text: String
            switch format {
            case .markdown:
                let dialogue = transcript.scenario.flatMap { try? Runtime.load().library.dialogue(id: $0) }
                text = TranscriptRenderer.markdown(transcript, title: dialogue?.title, partnerName: dialogue?.partner?.name,
                                                   partNames: dialogue?.partNames ?? [:])
            case .json:
                text = transcript.records.map(\.jsonLine).joined(separator: "\n") + "\n"
            }
            if let output {
                write(text, toFile: output)
                StandardOutput.err.line("Wrote \(output).")
            } else {
                StandardOutput.out.write(text)
            }
            StandardOutput.out.flush()
            StandardOutput.err.flush()
            reportSkipped(transcript)
        }

        /// Writes the export to a new or emptied file, private (0600) from the start, as
        /// the transcript was; a failure is one line and exit 74.
        private func write(_ text: String, toFile path: String) {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                fail("cannot write \(path): \(SystemReason.describe(errno: errno))", code: ExitStatus.ioFailure)
            }
            let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            do {
                try file.write(contentsOf: Data(text.utf8))
                try file.close()
            } catch {
                fail("cannot write \(path): \(SystemReason.describe(error))", code: ExitStatus.ioFailure)
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete one saved session, or all of them with --all.",
            discussion: """
                --all asks first when standard input is a terminal. A script, which cannot \
                answer, must say --all --yes; without --yes it is refused (exit 64) and \
                nothing is deleted.
                """
        )

        @Argument(help: "The session's ID, or the start of it.", completion: Completions.transcripts)
        var id: String?

        @Flag(help: "Delete every saved session.")
        var all = false

        @Flag(name: .shortAndLong, help: "With --all, don't ask first (for scripts).")
        var yes = false

        @OptionGroup var location: Location

        func validate() throws {
            if all == (id != nil) { throw ValidationError("Give either an ID or --all.") }
        }

        func run() throws {
            let store = location.store
            if all {
                let count = try io { try store.ids().count }
                guard count > 0 else {
                    StandardOutput.out.line("There were no saved sessions.")
                    StandardOutput.out.flush()
                    return
                }
                if !yes {
                    guard Confirmation.canAsk else {
                        fail("--all deletes every saved session; add --yes to do it without being asked (nothing was deleted)",
                             code: ExitStatus.usage)
                    }
                    let sessions = count == 1 ? "the 1 saved session" : "all \(count) saved sessions"
                    guard Confirmation.ask("Delete \(sessions) in \(store.folder.path)? This cannot be undone.") else {
                        StandardOutput.out.line("Nothing was deleted.")
                        StandardOutput.out.flush()
                        return
                    }
                }
                let deleted = try io { try store.deleteAll() }
                StandardOutput.out.line("Deleted \(deleted) saved session\(deleted == 1 ? "" : "s").")
            } else if let id {
                let found = try io { try store.find(id) }
                try io { try store.delete(found) }
                StandardOutput.out.line("Deleted \(TerminalSafeText.sanitize(found)).")
            }
            StandardOutput.out.flush()
        }
    }
}
