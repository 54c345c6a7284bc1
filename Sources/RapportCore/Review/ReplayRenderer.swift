import Foundation

/// `rapport replay` as text: each user line with the state it was given in then and now,
/// the first place the path differs marked, and how the ending compares.
public enum ReplayRenderer {
    public static func text(_ report: ReplayReport, mark: (String) -> String = { $0 }) -> String {
        var out = "Replaying \(report.steps.count) \(report.steps.count == 1 ? "reply" : "replies") in '\(TerminalSafeText.sanitize(report.scenario))' against today's dialogues.\n\n"
        let divergence = report.firstDivergence
        for (index, step) in report.steps.enumerated() {
            let now = step.replayedState ?? "(ended)"
            let state = step.stateDiffers ? "\(step.recordedState) → now \(now)" : step.recordedState
            var line = String(format: "%3d  ", index + 1) + "[\(TerminalSafeText.sanitize(state))] "
                + "\"\(TerminalSafeText.sanitize(Conversation.quote(step.text)))\""
            if index == divergence { line = mark(line + "   ← the path differs from here") }
            out += line + "\n"
            if step.signalsDiffer {
                let then = (step.recordedSignals ?? []).map(\.rawValue).joined(separator: ", ")
                let today = step.replayedSignals.map(\.rawValue).joined(separator: ", ")
                out += "       signals then: \(then.isEmpty ? "none" : then); now: \(today.isEmpty ? "none" : today)\n"
            }
        }
        out += "\n"
        let then = report.recordedOutcome.map(\.rawValue) ?? "cut off"
        out += "Ended then: \(then)\(card(report.recordedScorecard))\n"
        out += "Ends now:   \(report.replayedOutcome.rawValue)\(card(report.replayedScorecard))\n"
        out += report.isSame ? "Same path, same ending.\n" : mark("The path or the ending has changed.") + "\n"
        return out
    }

    private static func card(_ card: Scorecard?) -> String {
        guard let card else { return "" }
        let pitfalls = Array(Set(card.pitfalls.map(\.kind.rawValue))).sorted()
        return "; met: \(list(card.met)); missed: \(list(card.missed)); pitfalls: \(list(pitfalls))"
    }

    private static func list(_ values: [String]) -> String { values.isEmpty ? "none" : values.joined(separator: ", ") }
}
