import ArgumentParser
import RapportCore
import RapportTerminal

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the practices: id, title and what each is for (built-in and your own)."
    )

    @Flag(help: "Print a JSON array: one {\"id\", \"title\", \"summary\", \"source\"} object per practice.")
    var json = false

    @OptionGroup var dialogues: DialogueOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let runtime = try Runtime.load(dialogues: dialogues)
        let style = Style(choice: output.color)
        let builtIn = Set(runtime.compiled.dialogues.map(\.id))
        if json {
            let objects = runtime.library.scenarios.map { ScenarioListingJSON.object($0, builtIn: builtIn.contains($0.id)) }
            StandardOutput.out.write(JSONListing.text(objects))
            StandardOutput.out.flush()
            return
        }
        let width = runtime.library.scenarios.map(\.id.count).max() ?? 0
        for dialogue in runtime.library.scenarios {
            let id = TerminalSafeText.sanitize(dialogue.id)
            let padding = String(repeating: " ", count: max(0, width - dialogue.id.count))
            let mine = builtIn.contains(dialogue.id) ? "" : style.dim(" (yours)")
            StandardOutput.out.line("\(style.bold(id))\(padding)  \(TerminalSafeText.sanitize(dialogue.title))\(mine)")
            StandardOutput.out.line(String(repeating: " ", count: width + 2) + style.dim(TerminalSafeText.sanitize(dialogue.summary)))
        }
        StandardOutput.out.flush()
    }
}
