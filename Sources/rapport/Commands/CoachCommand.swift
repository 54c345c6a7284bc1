import ArgumentParser
import RapportCore

struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Open the coach: a menu of practices, then the one you pick (the default).",
        discussion: """
            Type a number to start a practice. At any prompt: /help, /hint, /rewrite SENTENCE, \
            /restart, /scenarios, /quit. Ctrl-D ends the session; Ctrl-C clears the line, and a \
            second Ctrl-C at an empty prompt leaves. Sessions are saved unless you pass --no-save.
            """
    )

    @OptionGroup var session: SessionOptions
    @OptionGroup var dialogues: DialogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CoachLoop.run(mode: .menu, options: session, dialogues: dialogues, output: output)
    }
}
