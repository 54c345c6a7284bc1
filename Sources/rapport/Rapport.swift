import ArgumentParser
import RapportCore

#if canImport(Glibc)
import Glibc
#endif

@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "A conversation coach in your terminal: rehearse apologies, raise problems early, stay calm when things get heated.",
        discussion: """
            Run `rapport` on its own to open the coach and pick a practice. Everything you type \
            stays on this machine. rapport is a practice tool, not therapy or crisis support: \
            if you are in danger, call your local emergency number.

            What you asked for goes to standard output; warnings and diagnostics go to \
            standard error. Exit status: 0 success; 1 when 'replay' finds a change; 64 wrong \
            usage (an unknown option, practice or session ID); 65 invalid data (a dialogue \
            file or transcript); 70 a damaged build; 74 input or output failed (a folder that \
            cannot be read or written, a full disk); 128 + N when ended by signal N (130 for \
            Ctrl-C, also Ctrl-C twice at the prompt).

            Environment: RAPPORT_TRANSCRIPTS (the transcript folder), XDG_DATA_HOME, \
            XDG_CONFIG_HOME and XDG_STATE_HOME (where transcripts, your dialogues and the \
            line history live), NO_COLOR (no colour unless --color always).
            """,
        version: RapportInfo.version,
        subcommands: [
            CoachCommand.self,
            PracticeCommand.self,
            ScenariosCommand.self,
            RewriteCommand.self,
            AnalyzeCommand.self,
            TranscriptsCommand.self,
            ProgressCommand.self,
            ReplayCommand.self,
            LintCommand.self,
            GraphCommand.self,
        ],
        defaultSubcommand: CoachCommand.self
    )

    /// A reader that goes away (`rapport analyze < big | head`) is not an error: with
    /// SIGPIPE ignored the write fails with EPIPE, and `StandardOutput` ends quietly with
    /// status 0 (a session first writes its transcript's `end` record).
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        main(nil)
    }
}
