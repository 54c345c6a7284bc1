import RapportCore

/// Prints what a session says: the coach and partner with their names, wrapped to the
/// terminal; the meter on a terminal; the scorecard. Text is sanitised on the way out.
public final class SessionPrinter {
    private let style: Style
    private let output: StandardOutput
    private let width: Int
    /// The partner meter is for people at a terminal, not for scripts.
    private let showMeter: Bool

    public init(style: Style, output: StandardOutput = .out, width: Int, showMeter: Bool) {
        self.style = style
        self.output = output
        self.width = max(40, min(width, 100))
        self.showMeter = showMeter
    }

    public func show(_ outputs: [SessionOutput]) {
        for item in outputs { show(item) }
        output.flush()
    }

    private func show(_ item: SessionOutput) {
        switch item {
        case .greeting(let lines):
            for (index, line) in lines.enumerated() {
                output.line(index == 0 ? style.bold(line) : line)
            }
        case .menu(let items):
            output.line()
            for item in items {
                let number = item.number < 10 ? " \(item.number)" : "\(item.number)"
                output.line("  \(style.bold(number + ". " + safe(item.title)))")
                output.line(style.dim(TranscriptRenderer.wrap(safe(item.summary), label: "      ", width: width)))
            }
            output.line()
        case let .line(speaker, name, text):
            let label = name + ": "
            let body = TranscriptRenderer.wrap(safe(text), label: label, width: width)
            let coloured = speaker == .partner ? style.partner(label) : style.coach(label)
            output.line(coloured + body.dropFirst(label.count))
        case let .meter(name, openness):
            guard showMeter else { return }
            // Whole tens, so a bar of a given length always carries the same word (rounding
            // put six blocks on both "wary" at 55 and "opening up" at 60).
            let filled = max(0, min(10, openness / 10))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
            output.line(style.dim("   \(safe(name)) ▕\(bar)▏ \(SessionPrinter.mood(openness))"))
        case .notice(let text):
            // Wrapped between words like the coach's lines (a long /hint was cut mid-word by
            // the terminal), each of its own lines on its own.
            let wrapped = safe(text, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
                .map { line -> String in
                    let indent = String(line.prefix { $0 == " " })
                    return TranscriptRenderer.wrap(String(line.dropFirst(indent.count)), label: indent, width: width)
                }
            output.line(style.dim(wrapped.joined(separator: "\n")))
        case let .scorecard(card, outcome):
            output.line()
            let lines = ScorecardText.lines(card, outcome: outcome)
            for (index, line) in lines.enumerated() {
                if index == 0 {
                    output.line(style.bold(line))
                } else if let colon = line.firstIndex(of: ":") {
                    let label = String(line[...colon]) + " "
                    let body = String(line[line.index(after: colon)...]).trimmed
                    let wrapped = TranscriptRenderer.wrap(body, label: label, width: width)
                    output.line(style.bold(label) + wrapped.dropFirst(label.count))
                } else {
                    output.line(line)
                }
            }
            output.line()
        case .rewrite(let result):
            // Wrapped between words, like the coach's lines, never mid-word by the terminal.
            let label = result.changed ? "Try: " : "That works as it is: "
            let body = TranscriptRenderer.wrap(safe(result.rewrite), label: label, width: width)
            output.line(style.coach(label) + body.dropFirst(label.count))
            for note in result.notes {
                output.line(style.dim(TranscriptRenderer.wrap(safe(note.message), label: "  · ", width: width)))
            }
        }
    }

    private func safe(_ text: String, keepNewlines: Bool = false) -> String {
        guard keepNewlines else { return TerminalSafeText.sanitize(text) }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafeText.sanitize(String($0)) }.joined(separator: "\n")
    }

    /// A word for how open the partner is: the bands partner lines name as their mood.
    static func mood(_ openness: Int) -> String {
        Mood(openness: openness).word
    }
}
