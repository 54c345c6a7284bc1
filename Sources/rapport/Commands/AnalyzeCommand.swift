import ArgumentParser
import RapportCore
import RapportTerminal

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the signals rapport finds in each text (apology parts, blame, absolutes, crisis language and more).",
        discussion: """
            With no TEXT, reads one text per line from standard input. With --json, prints one \
            JSON object per line: {"input", "signals": [{"kind", "text", "start", "end"}]}, \
            where start and end count Unicode scalars (end exclusive). Without --json, shows each \
            line with the text behind each signal marked. The kinds: acknowledgement, remorse, \
            commitment, repair, non-apology, excuse, blame-shift, minimizing, you-statement, \
            absolute, label, contempt, defensiveness, stonewalling, i-statement, request, \
            validation, crisis, risk, demand (and rapport's own: need, curiosity, reflection, \
            ownership, benefit-of-doubt, time-out, flooded, timing, poor-timing, boundary, \
            appreciation, faux-feeling, feeling, agreement, decline, advice, unsure, distress, \
            answer-no). crisis is clear danger and stops a practice; risk may be danger and is \
            asked about first; both carry "about": self, hurt or others. With --explain, each \
            safety signal also says why it was asked about rather than stopped, and what the \
            weighing of the whole line added or set aside. --features prints, for each line, \
            the features that weighing reads (for tools/train_weights.py).
            """
    )

    @Flag(help: "Print one JSON object per input line.")
    var json = false

    @Flag(help: "Also show the normalised words and the vocabulary rule behind each signal (with --json, as an \"explain\" field in each object).")
    var explain = false

    @Flag(help: "Print, as JSON per line, the features the weighing of the whole line reads (for tools/train_weights.py).")
    var features = false

    @OptionGroup var output: OutputOptions

    @Argument(help: "Texts to analyse. Reads standard input when none are given.")
    var texts: [String] = []

    func run() throws {
        let analyzer = try Runtime.load().analyzer
        let out = StandardOutput.out
        let style = Style(choice: output.color)
        func handle(_ line: String) {
            if features {
                out.line(bytes: FeaturesJSON.line(input: line, features: analyzer.weighingFeatures(of: line)).bytes)
                return
            }
            let (signals, setAside) = analyzer.reading(of: line)
            if json {
                // With --explain the explanation goes inside each object, so the output stays JSON Lines.
                let object = explain
                    ? ExplainedAnalysisJSON.line(input: line, signals: signals, words: analyzer.normalisedWords(of: line), setAside: setAside)
                    : signals.analysisJSONBytes(input: line)
                out.line(bytes: object.bytes)
                return
            }
            out.write(SignalMarks.render(line, signals, style: style))
            if explain {
                let words = analyzer.normalisedWords(of: line).map(TerminalSafeText.sanitize).joined(separator: " ")
                out.line(style.dim("  read as: " + words))
                for signal in signals {
                    let about = signal.about.map { " (about: \($0.rawValue))" } ?? ""
                    out.line(style.dim("  \(signal.kind.rawValue)\(about) \"\(TerminalSafeText.sanitize(signal.text))\" from \(signal.rule.map(String.init(describing:)) ?? "?")"))
                    if let note = signal.note { out.line(style.dim("    " + note)) }
                }
                for signal in setAside {
                    out.line(style.dim("  not \(signal.kind.rawValue) \"\(TerminalSafeText.sanitize(signal.text))\", though \(signal.rule.map(String.init(describing:)) ?? "?") found it"))
                    if let note = signal.note { out.line(style.dim("    " + note)) }
                }
            }
        }
        if texts.isEmpty {
            eachLineOfStandardInput(handle)
        } else {
            texts.forEach(handle)
        }
        out.flush()
    }
}
