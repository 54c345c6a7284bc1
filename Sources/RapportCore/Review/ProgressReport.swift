import Foundation

/// What the saved sessions say about how practice is going: per scenario, how many
/// sessions and how they ended, each rubric part's met/missed history, and the pitfalls
/// that come up most, with the user's own words.
public struct ProgressReport: Sendable {
    public struct PartHistory: Sendable, Equatable {
        public var part: String
        public var name: String
        /// One mark per session, oldest first: met, missed, or nil when the session did not
        /// ask for this part (a lower difficulty) or was cut off before its scorecard.
        public var marks: [Bool?]

        public var metCount: Int { marks.count { $0 == true } }
        public var askedCount: Int { marks.count { $0 != nil } }
    }

    public struct PitfallCount: Sendable, Equatable {
        public var kind: SignalKind
        public var count: Int
        /// The most recent words that carried it.
        public var example: String
        /// How the card names it ("excuses", "giving in when they pushed").
        public var name: String
    }

    public struct ScenarioProgress: Sendable {
        public var id: String
        public var title: String
        public var sessions: Int
        /// How sessions ended; nil counts sessions cut off before an `end` record.
        public var outcomes: [Outcome?: Int]
        public var parts: [PartHistory]
        /// Most frequent first; ties by kind name.
        public var pitfalls: [PitfallCount]
    }

    public var scenarios: [ScenarioProgress]
    /// Files that could not be read at all, and lines skipped inside readable ones.
    public var unreadableFiles: Int
    public var skippedLines: Int

    /// `transcripts` oldest first (as `TranscriptStore.ids()` lists them).
    public init(transcripts: [TranscriptStore.Transcript], unreadableFiles: Int = 0, library: DialogueLibrary) {
        self.unreadableFiles = unreadableFiles
        skippedLines = transcripts.reduce(0) { $0 + $1.skippedLines }
        var order: [String] = []
        var grouped: [String: [TranscriptStore.Transcript]] = [:]
        // A practice left before anything was scored is no lesson, and is not counted.
        for transcript in transcripts where !ProgressReport.leftBeforeAnyReply(transcript) {
            guard let scenario = transcript.scenario else { continue }
            if grouped[scenario] == nil { order.append(scenario) }
            grouped[scenario, default: []].append(transcript)
        }
        // Built-in order first, then anything else (user dialogues, retired ones) as met.
        let known = library.scenarios.map(\.id).filter { grouped[$0] != nil }
        let ids = known + order.filter { !known.contains($0) }
        scenarios = ids.map { ProgressReport.progress(of: $0, grouped[$0] ?? [], library: library) }
    }

    /// Ended with an empty card, and not for safety: nothing was scored before it ended.
    static func leftBeforeAnyReply(_ transcript: TranscriptStore.Transcript) -> Bool {
        guard let card = transcript.scorecard, let outcome = transcript.outcome, outcome != .safetyStop else { return false }
        return card.met.isEmpty && card.missed.isEmpty && card.pitfalls.isEmpty && card.next == nil
    }

    private static func progress(of id: String, _ sessions: [TranscriptStore.Transcript], library: DialogueLibrary) -> ScenarioProgress {
        let dialogue = library.dialogue(id: id)
        // A safety stop is not a lesson: it gives no marks and no pitfalls (SPEC.md, Safety).
        let cards = sessions.filter { $0.outcome != .safetyStop }.map(\.scorecard)
        // Parts: the rubric's order when the dialogue still exists, then any others seen.
        var parts = dialogue?.rubric.map(\.part.rawValue) ?? []
        for card in cards.compactMap({ $0 }) {
            for part in card.met + card.missed where !parts.contains(part) { parts.append(part) }
        }
        let names = dialogue?.partNames ?? [:]
        let histories = parts.map { part in
            PartHistory(part: part, name: names[part] ?? part, marks: cards.map { card -> Bool? in
                guard let card else { return nil }
                if card.met.contains(part) { return true }
                if card.missed.contains(part) { return false }
                return nil
            })
        }.filter { $0.askedCount > 0 }

        var counts: [SignalKind: (count: Int, example: String)] = [:]
        for card in cards.compactMap({ $0 }) {
            for pitfall in card.pitfalls {
                counts[pitfall.kind] = ((counts[pitfall.kind]?.count ?? 0) + 1, pitfall.text)
            }
        }
        let pitfalls = counts.map { kind, seen in
            PitfallCount(kind: kind, count: seen.count, example: seen.example,
                         name: names[kind.rawValue] ?? PitfallNames.plain[kind] ?? kind.rawValue)
        }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.kind.rawValue < $1.kind.rawValue }

        var outcomes: [Outcome?: Int] = [:]
        for session in sessions { outcomes[session.outcome, default: 0] += 1 }
        return ScenarioProgress(id: id, title: dialogue?.title ?? id, sessions: sessions.count, outcomes: outcomes,
                                parts: histories, pitfalls: pitfalls)
    }
}
