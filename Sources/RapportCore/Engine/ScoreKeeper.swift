/// What a practice has earned so far, and the one place the scorecard comes from: the
/// rubric parts credited (by the user's replies, in the states where a part counts, and
/// by every transition that acknowledges one), the credit a later reply took back, and
/// the pitfalls heard. What the coach praises is credited here; nothing else is.
struct ScoreKeeper: Sendable {
    private let scenario: Dialogue
    private let difficulty: Difficulty
    /// Parts earned and not taken back since.
    private(set) var credited: Set<SignalKind> = []
    /// Parts a transition credited (the coach praised them) and not taken back since. They
    /// are on the card even where this difficulty does not ask for them.
    private(set) var praised: Set<SignalKind> = []
    private(set) var pitfalls: [Scorecard.Pitfall] = []
    /// Replies given in states that count towards the rubric.
    private(set) var scoredReplies = 0
    /// Whether any transition has credited a part (a practice whose replies are not
    /// collected can still earn credit).
    private var everCredited = false

    /// Whether there is anything to score: with no scored reply and no credit, leaving is not
    /// a lesson, and the card is empty.
    var isLesson: Bool { scoredReplies > 0 || everCredited }

    /// The last reply heard, the parts it earned that were not earned before, and the
    /// pitfalls it added (which its transition may clear).
    private var lastHeard: [Signal] = []
    private var lastEarned: Set<SignalKind> = []
    private var lastPitfalls: [(pitfall: Scorecard.Pitfall, signal: Signal)] = []

    /// Pitfalls quoted on one card, at most.
    private static let pitfallLimit = 12

    init(scenario: Dialogue, difficulty: Difficulty) {
        self.scenario = scenario
        self.difficulty = difficulty
    }

    /// The parts this difficulty asks for, in rubric order.
    var parts: [RubricPart] { scenario.rubric.filter { $0.from <= difficulty } }

    /// A reply in a collecting state: the parts and pitfalls it carried, where they count.
    mutating func hear(_ signals: [Signal], in state: String) {
        scoredReplies += 1
        lastHeard = signals
        lastPitfalls = []
        lastEarned = []
        for signal in signals {
            if let part = scenario.rubric.first(where: { $0.part == signal.kind }), part.states.isEmpty || part.states.contains(state) {
                if credited.insert(signal.kind).inserted { lastEarned.insert(signal.kind) }
            }
            guard let watched = scenario.watchedPitfalls.first(where: { $0.kind == signal.kind }),
                  watched.states.isEmpty || watched.states.contains(state) else { continue }
            let pitfall = Scorecard.Pitfall(kind: signal.kind, text: signal.text)
            // Past the limit only a kind not yet on the card is added: every kind heard is named.
            if !pitfalls.contains(pitfall)
                && (pitfalls.count < ScoreKeeper.pitfallLimit || !pitfalls.contains { $0.kind == signal.kind }) {
                pitfalls.append(pitfall)
                lastPitfalls.append((pitfall, signal))
            }
        }
    }

    /// The last reply does not count (`counts: false`): the parts it alone earned are not
    /// credited. Its pitfalls stay.
    mutating func discardLastReply() {
        credited.subtract(lastEarned)
        lastEarned = []
    }

    /// A transition was taken: what it took back, then what it acknowledged. `movesOn`: it
    /// leaves the step, so the coach accepted the reply as it was.
    mutating func take(_ transition: Transition, movesOn: Bool = false) {
        credited.subtract(transition.undoes)
        praised.subtract(transition.undoes)
        credited.formUnion(transition.credits)
        praised.formUnion(transition.credits)
        if !transition.credits.isEmpty { everCredited = true }
        // Words the coach just praised and moved on from are not a pitfall on the card: "if
        // you keep texting him late, I'll go to bed" is a boundary, though "you keep texting
        // him" is a "you…". Praise that stays to ask again ("try it without the sorry")
        // leaves the pitfall it names.
        let praisedSpans = movesOn ? lastHeard.filter { transition.credits.contains($0.kind) } : []
        guard !praisedSpans.isEmpty else { return }
        let cleared = lastPitfalls.filter { entry in
            praisedSpans.contains { $0.start <= entry.signal.start && entry.signal.end <= $0.end && $0.kind != entry.signal.kind }
        }.map(\.pitfall)
        pitfalls.removeAll { cleared.contains($0) }
        lastPitfalls.removeAll { cleared.contains($0.pitfall) }
    }

    /// The card. After a safety stop it keeps what was met and nothing else, and before any
    /// scored reply it is empty: neither is a lesson (SPEC.md).
    func card(outcome: Outcome?, tip: (String) -> String) -> Scorecard {
        let names = scenario.partNames
        guard isLesson else { return Scorecard(partNames: names) }
        // What this difficulty asks for and was earned, and whatever else the coach praised.
        let met = scenario.rubric.filter { part in
            credited.contains(part.part) && (part.from <= difficulty || praised.contains(part.part))
        }.map(\.part.rawValue)
        if outcome == .safetyStop { return Scorecard(met: met, partNames: names) }
        let missed = parts.filter { !credited.contains($0.part) }.map(\.part.rawValue)
        var card = Scorecard(met: met, missed: missed, pitfalls: pitfalls, partNames: names)
        // The tip: for the first pitfall seen, else the first part missed, else the default.
        let keys = pitfalls.map(\.kind.rawValue) + missed + ["default"]
        if let key = keys.first(where: { scenario.tips[$0] != nil }), let tips = scenario.tips[key], !tips.isEmpty {
            card.next = tip(tips[(met.count + pitfalls.count) % tips.count])
        }
        return card
    }
}
