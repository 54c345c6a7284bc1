import ArgumentParser
import RapportCore
import RapportTerminal

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print a practice's state machine as Graphviz DOT.",
        discussion: "Render it with: rapport graph apology | dot -Tsvg > apology.svg"
    )

    @Argument(help: "The practice (or detour) to draw, e.g. apology.", completion: Completions.dialogues)
    var scenario: String

    @OptionGroup var dialogues: DialogueOptions

    func run() throws {
        let runtime = try Runtime.load(dialogues: dialogues)
        guard let dialogue = runtime.library.dialogue(id: scenario) else {
            let known = runtime.library.dialogues.map(\.id).joined(separator: ", ")
            fail("there is no dialogue called '\(TerminalSafeText.sanitize(scenario))'; choose one of: \(known)", code: ExitStatus.usage)
        }
        StandardOutput.out.write(DialogueGraph.dot(dialogue))
        StandardOutput.out.flush()
    }
}
