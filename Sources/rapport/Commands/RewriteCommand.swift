import ArgumentParser
import RapportCore
import RapportTerminal

struct RewriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rewrite",
        abstract: "Turn a blaming sentence into an I-statement you could say instead.",
        discussion: """
            With no SENTENCE, rewrites each line of standard input. A sentence that is already a \
            good I-statement, a plain request or a kind word comes back unchanged.
            Example: rapport rewrite "You never listen to me"
            """
    )

    @Flag(help: "Print one JSON object per sentence: input, rewrite, changed, notes.")
    var json = false

    @Flag(help: "Offer up to three different versions: feeling first, observation first, and a question.")
    var all = false

    @Option(help: ArgumentHelp("Offer this many versions (1 to 3): feeling first, observation first, a question.", valueName: "n"))
    var variants: Int?

    @OptionGroup var output: OutputOptions

    @Argument(help: "Sentences to rewrite. Reads standard input when none are given.")
    var sentences: [String] = []

    func validate() throws {
        if let variants, !(1...3).contains(variants) {
            throw ValidationError("--variants takes 1, 2 or 3.")
        }
    }

    func run() throws {
        let rewriter = try Runtime.load().rewriter
        let style = Style(choice: output.color)
        let count = variants ?? (all ? 3 : 1)
        let out = StandardOutput.out
        func handle(_ sentence: String) {
            var result = rewriter.rewrite(sentence, variants: count > 1)
            result.alternatives = Array(result.alternatives.prefix(count))
            if json {
                out.line(bytes: result.json(includeAlternatives: count > 1).bytes)
                return
            }
            let safe = TerminalSafeText.sanitize
            if !result.changed {
                out.line(style.dim("(unchanged) ") + safe(result.rewrite))
            } else if count > 1 {
                for (index, text) in result.alternatives.enumerated() { out.line("\(index + 1). " + safe(text)) }
            } else {
                out.line(safe(result.rewrite))
            }
            for note in result.notes { out.line(style.dim("   · " + safe(note.message))) }
        }
        if sentences.isEmpty {
            eachLineOfStandardInput(handle)
        } else {
            sentences.forEach(handle)
        }
        out.flush()
    }
}
