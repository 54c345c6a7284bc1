import Foundation

/// `rapport progress` as text: per scenario, sessions and outcomes, a one-line chart per
/// rubric part (one mark per session, oldest on the left), and the most common pitfall.
public enum ProgressRenderer {
    /// Marks for met, missed and not asked; a terminal gets the solid ones.
    public struct Glyphs: Sendable {
        public var met: String
        public var missed: String
        public var notAsked: String

        public static let terminal = Glyphs(met: "■", missed: "·", notAsked: " ")
        public static let plain = Glyphs(met: "#", missed: ".", notAsked: "-")
    }

    /// At most this many sessions are charted: the most recent.
    public static let chartLength = 30

    public static func text(_ report: ProgressReport, glyphs: Glyphs, bold: (String) -> String = { $0 }) -> String {
        guard !report.scenarios.isEmpty else {
            return "No finished practice sessions yet. Pick one with 'rapport scenarios', then come back here.\n"
        }
        var out = ""
        for scenario in report.scenarios {
            out += bold(TerminalSafeText.sanitize(scenario.title)) + "  (\(TerminalSafeText.sanitize(scenario.id)))\n"
            out += "  " + sessionsLine(scenario) + "\n"
            let width = scenario.parts.map(\.name.count).max() ?? 0
            for part in scenario.parts {
                let marks = part.marks.suffix(chartLength).map { mark in
                    switch mark {
                    case true?: glyphs.met
                    case false?: glyphs.missed
                    case nil: glyphs.notAsked
                    }
                }.joined()
                let name = TerminalSafeText.sanitize(part.name).padding(toLength: width, withPad: " ", startingAt: 0)
                out += "  \(name)  \(marks)  \(part.metCount) of \(part.askedCount)\n"
            }
            if let top = scenario.pitfalls.first {
                let times = top.count == 1 ? "once" : "\(top.count) times"
                out += "  Most common pitfall: \(TerminalSafeText.sanitize(top.name)) (\(times)), last seen in \"\(TerminalSafeText.sanitize(top.example))\"\n"
            } else {
                out += "  No pitfalls seen.\n"
            }
            out += "\n"
        }
        out += "Each mark is one session, oldest on the left: \(glyphs.met) met, \(glyphs.missed) missed"
        out += glyphs.notAsked == " " ? ".\n" : ", \(glyphs.notAsked) not asked for.\n"
        return out
    }

    private static func sessionsLine(_ scenario: ProgressReport.ScenarioProgress) -> String {
        let order: [Outcome?] = [.completed, .quit, .abandoned, .interrupted, .safetyStop, nil]
        let parts = order.compactMap { outcome -> String? in
            guard let count = scenario.outcomes[outcome], count > 0 else { return nil }
            return "\(count) " + (outcome.map(\.rawValue) ?? "cut off")
        }
        let sessions = scenario.sessions == 1 ? "1 session" : "\(scenario.sessions) sessions"
        return sessions + ": " + parts.joined(separator: ", ")
    }
}
