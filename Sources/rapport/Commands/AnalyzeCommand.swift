import ArgumentParser
import RapportCore
import RapportTerminal

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the signals rapport finds in each text (apology parts, blame, absolutes, crisis language …).",
        discussion: """
            With no TEXT, reads one text per line from standard input. With --json, prints one \
            JSON object per line: {"input": …, "signals": [{"kind", "text", "start", "end"}]}, \
            where start and end count Unicode scalars (end exclusive).
            """
    )

    @Flag(help: "Print one JSON object per input line.")
    var json = false

    @Flag(help: "Also show the normalised words and the vocabulary rule behind each signal.")
    var explain = false

    @Argument(help: "Texts to analyse. Reads standard input when none are given.")
    var texts: [String] = []

    func run() throws {
        let analyzer = try Runtime.load().analyzer
        let output = StandardOutput.out
        func handle(_ line: String) {
            let signals = analyzer.signals(in: line)
            output.line(signals.analysisJSON(input: line))
            if explain {
                output.line("  words: " + analyzer.normalisedWords(of: line).joined(separator: " "))
                for signal in signals {
                    output.line("  \(signal.kind.rawValue): \"\(signal.text)\" (\(signal.rule.map(String.init(describing:)) ?? "?"))")
                }
            }
        }
        if texts.isEmpty {
            let reader = LineReader()
            while let line = reader.readLine() { handle(line) }
        } else {
            texts.forEach(handle)
        }
        output.flush()
    }
}

