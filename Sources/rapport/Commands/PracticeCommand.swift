import ArgumentParser
import RapportCore

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Start one practice directly, e.g. 'rapport practice apology' (or 'rapport practise apology').",
        discussion: """
            Ends, and exits 0, when the practice is done. When standard input is not a terminal, \
            each line is one reply and there are no prompts, so a script can drive it:
              printf '%s\\n' 'I forgot your birthday' "I'm sorry" | rapport practice apology --seed 1 --no-save
            See 'rapport scenarios' for the practices; the name can be typed in any case.
            """,
        aliases: ["practise"]
    )

    @Argument(help: "The practice to start (see 'rapport scenarios').", completion: Completions.practices)
    var scenario: String

    @OptionGroup var session: SessionOptions
    @OptionGroup var dialogues: DialogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try CoachLoop.run(mode: .practice(scenario), options: session, dialogues: dialogues, output: output)
    }
}
