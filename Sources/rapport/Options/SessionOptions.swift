import ArgumentParser
import RapportTerminal
import Foundation
import RapportCore

/// Options for anything that runs a practice.
struct SessionOptions: ParsableArguments {
    @Option(help: "Make the choice of each line's variant repeatable (any whole number).")
    var seed: UInt64?

    @Option(help: "How easily the role-played partner softens, and how much the scorecard asks for: gentle, realistic or tough.")
    var difficulty: Difficulty = .realistic

    @Flag(name: .customLong("no-save"), help: "Don't save this session (nothing is written anywhere, history included).")
    var noSave = false

    @Option(help: ArgumentHelp("Folder for saved sessions (default: $RAPPORT_TRANSCRIPTS, else ~/.local/share/rapport/transcripts).", valueName: "dir"),
            completion: Completions.folders)
    var transcripts: String?

    /// The seed to use: the one given, or one from the clock so runs differ.
    var effectiveSeed: UInt64 {
        seed ?? UInt64(truncatingIfNeeded: Int64(Date().timeIntervalSince1970 * 1000)) ^ UInt64(getpid())
    }
}

/// Options shared by commands that read dialogues.
struct DialogueOptions: ParsableArguments {
    @Option(help: ArgumentHelp("An extra folder of your own dialogue files (~/.config/rapport/dialogues is always read).", valueName: "dir"),
            completion: Completions.folders)
    var dialogues: String?
}

/// Options for anything that prints.
struct OutputOptions: ParsableArguments {
    @Option(help: "Colour the output: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto
}

extension Difficulty: ExpressibleByArgument {}
