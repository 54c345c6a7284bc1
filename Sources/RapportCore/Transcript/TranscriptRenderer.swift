import Foundation

/// Turns a transcript into something a person reads: a wrapped conversation for the
/// terminal, or a Markdown file to keep. User text is always sanitised first.
public enum TranscriptRenderer {
    /// The conversation, wrapped to `width` columns, with speaker names.
    public static func text(_ transcript: TranscriptStore.Transcript, title: String?, partnerName: String?,
                            partNames: [String: String] = [:], width: Int) -> String {
        var out = ""
        if let started = transcript.started {
            out += "\(title ?? transcript.scenario ?? "Practice") — \(started.formatted(date: .abbreviated, time: .shortened))\n\n"
        }
        for record in transcript.records {
            guard case let .turn(speaker, _, text, _) = record else { continue }
            let name = displayName(speaker, partnerName: partnerName)
            out += wrap(TerminalSafeText.sanitize(text), label: name + ": ", width: width) + "\n"
        }
        if var card = transcript.scorecard, let outcome = transcript.outcome {
            card.partNames = partNames
            out += "\n" + ScorecardText.lines(card, outcome: outcome).joined(separator: "\n") + "\n"
        } else {
            out += "\n(This session has no end record: it was cut off.)\n"
        }
        return out
    }

    /// A Markdown document of the session.
    public static func markdown(_ transcript: TranscriptStore.Transcript, title: String?, partnerName: String?,
                                partNames: [String: String] = [:]) -> String {
        var out = "# \(MarkdownText.blockStart(title ?? transcript.scenario ?? "Practice"))\n\n"
        if let started = transcript.started {
            out += "_\(MarkdownText.inline(started.formatted(date: .long, time: .shortened))) · session \(MarkdownText.inline(transcript.id))_\n\n"
        }
        for record in transcript.records {
            guard case let .turn(speaker, _, text, _) = record else { continue }
            let name = MarkdownText.inline(TerminalSafeText.sanitize(displayName(speaker, partnerName: partnerName)))
            let body = MarkdownText.inline(TerminalSafeText.sanitize(text))
            out += speaker == .user ? "> **\(name):** \(body)\n\n" : "**\(name):** \(body)\n\n"
        }
        if var card = transcript.scorecard, let outcome = transcript.outcome {
            card.partNames = partNames
            out += "## Scorecard\n\n"
            out += ScorecardText.lines(card, outcome: outcome).dropFirst().map { "- " + MarkdownText.blockStart($0.trimmed) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static func displayName(_ speaker: Speaker, partnerName: String?) -> String {
        switch speaker {
        case .coach: return "Coach"
        case .user: return "You"
        case .partner: return partnerName ?? "Partner"
        }
    }

    /// Wraps `text` to `width`, the first line after `label`, the rest indented under its
    /// text ("  Done well: " and "  Still to add: " line up), at most sixteen columns.
    public static func wrap(_ text: String, label: String, width: Int) -> String {
        let indent = String(repeating: " ", count: min(label.count, 16))
        var lines: [String] = []
        var current = label
        var currentWidth = label.count
        var lineHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = word.count
            if lineHasWord && currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = indent + word
                currentWidth = indent.count + wordWidth
            } else {
                current += (lineHasWord ? " " : "") + word
                currentWidth += (lineHasWord ? 1 : 0) + wordWidth
            }
            lineHasWord = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}

/// A scorecard as plain lines (shown at the end of a session and in `transcripts show`).
public enum ScorecardText {
    public static func lines(_ card: Scorecard, outcome: Outcome) -> [String] {
        var lines = ["Scorecard (\(describe(outcome)))"]
        // A safety stop is not a lesson: nothing done well or still to add, read back later.
        if outcome == .safetyStop {
            lines.append("  Not marked: the practice stopped so you could look after yourself.")
            return lines
        }
        func name(_ part: String) -> String { card.partNames[part] ?? part }
        if !card.met.isEmpty { lines.append("  Done well: " + card.met.map(name).joined(separator: ", ")) }
        if !card.missed.isEmpty { lines.append("  Still to add: " + card.missed.map(name).joined(separator: ", ")) }
        // Quotes watched for the same things share one line: 'Watch out for demands: "a", "b"'.
        var merged: [(kinds: [SignalKind], texts: [String])] = []
        for group in grouped(card.pitfalls) {
            if let index = merged.firstIndex(where: { $0.kinds == group.kinds }) {
                merged[index].texts.append(group.text)
            } else {
                merged.append((group.kinds, [group.text]))
            }
        }
        for group in merged {
            let names = group.kinds.map { card.partNames[$0.rawValue] ?? PitfallNames.plain[$0] ?? $0.rawValue }
            let quotes = group.texts.map { "\"\(TerminalSafeText.sanitize($0))\"" }.joined(separator: ", ")
            lines.append("  Watch out for \(list(names)): \(quotes)")
        }
        if let next = card.next { lines.append("  Next time: " + TerminalSafeText.sanitize(next)) }
        return lines
    }

    /// Pitfalls that quote the same words, one line each: "ur such a gossip" is a
    /// you-statement, a label and scorn at once, and "never" is part of "you never help".
    /// The longer quote stands for the group; order is the order first seen.
    static func grouped(_ pitfalls: [Scorecard.Pitfall]) -> [(kinds: [SignalKind], text: String)] {
        var groups: [(kinds: [SignalKind], text: String)] = []
        for pitfall in pitfalls {
            let words = pitfall.text.trimmed.lowercased()
            if let index = groups.firstIndex(where: { group in
                let other = group.text.trimmed.lowercased()
                return other.contains(words) || words.contains(other)
            }) {
                if !groups[index].kinds.contains(pitfall.kind) { groups[index].kinds.append(pitfall.kind) }
                if pitfall.text.count > groups[index].text.count { groups[index].text = pitfall.text }
            } else {
                groups.append(([pitfall.kind], pitfall.text))
            }
        }
        return groups
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ names: [String]) -> String {
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        guard let last = unique.last, unique.count > 1 else { return unique.first ?? "" }
        return unique.dropLast().joined(separator: ", ") + " and " + last
    }

    static func describe(_ outcome: Outcome) -> String {
        switch outcome {
        case .completed: return "completed"
        case .quit: return "you left early"
        case .abandoned: return "ended at end of input"
        case .interrupted: return "interrupted"
        case .safetyStop: return "paused for your safety"
        case .return: return "returned"
        }
    }
}
