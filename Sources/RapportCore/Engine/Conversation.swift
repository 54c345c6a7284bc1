/// One run of a dialogue: where it is, what the user has said, how the partner feels.
/// `start()` and `reply(_:signals:)` return what to say; the front end says it. The engine
/// knows no scenario by name: everything comes from the `Dialogue` files.
public struct Conversation: Sendable {
    public let scenario: Dialogue
    public let difficulty: Difficulty
    private let library: DialogueLibrary
    private var random: SeededRandom

    /// The dialogue and state being walked (a detour's, while in one).
    private var dialogue: Dialogue
    public private(set) var stateID: String
    /// The id of the dialogue `stateID` belongs to (a detour's, while in one).
    public var dialogueID: String { dialogue.id }
    private var returns: [(dialogue: Dialogue, state: String)] = []
    /// Replies given in the current state.
    private var tries = 0

    private var slots: [String: String] = [:]
    /// Kinds said so far in collecting states, with the first words that carried each.
    private var said: [SignalKind: String] = [:]
    private var pitfallsSeen: [Scorecard.Pitfall] = []
    private var lastReply = ""
    private var lastSignals: [Signal] = []
    /// The kinds each reply carried, for `count` conditions.
    private var history: [Set<SignalKind>] = []
    private var openness: Int?
    private var jab: Signal?
    public private(set) var outcome: Outcome?
    /// Rewrites the last reply for `{rewrite}` and the `rewrites` condition.
    private let rewriter: Rewriter?
    private var lastRewrite: RewriteResult?
    /// Transitions marked `once` that have been taken, by where they are written.
    private var taken: Set<SourceLocation> = []
    /// Crisis and risk screening, before the dialogue sees a reply.
    private var safety: SafetyNet
    /// The last line said before the engine waited, said again after a check-in.
    private var lastPrompt: EngineEvent?

    /// The state label of a paused practice, in transcripts and plans.
    public static let checkInState = "check-in"

    /// Quoted user words are cut to this many characters.
    private static let quoteLimit = 120
    /// A guard against `next:` loops in a dialogue.
    private static let maximumHops = 200

    /// `clearedRisk`: words already asked about in this session and answered with a clear no.
    public init(scenario: Dialogue, library: DialogueLibrary, difficulty: Difficulty = .realistic, seed: UInt64,
                rewriter: Rewriter? = nil, clearedRisk: Set<String> = []) {
        self.scenario = scenario
        safety = SafetyNet(cleared: clearedRisk)
        self.rewriter = rewriter
        self.library = library
        self.difficulty = difficulty
        random = SeededRandom(seed: seed)
        dialogue = scenario
        stateID = scenario.start
        if let partner = scenario.partner {
            openness = min(100, max(0, partner.openness + Conversation.startShift(difficulty)))
        }
    }

    public var isFinished: Bool { outcome != nil }
    /// Whether the practice is paused on a safety question.
    public var isCheckingIn: Bool { safety.pending != nil }
    /// Where the conversation is: its state, or `check-in` while paused.
    public var position: String { isCheckingIn ? Conversation.checkInState : stateID }
    /// Words asked about and answered with a clear no, to carry into the next practice.
    public var clearedRisk: Set<String> { safety.cleared }
    public var state: DialogueState? { dialogue.states[stateID] }
    public var partnerName: String? { scenario.partner?.name }
    public var partnerOpenness: Int? { openness }

    /// Enters the start state.
    public mutating func start() -> [EngineEvent] {
        var events: [EngineEvent] = []
        enter(stateID, &events)
        return events
    }

    /// A variant of the current state's hint, if it has one.
    public mutating func hint() -> String? {
        guard let state else { return nil }
        return random.pick(state.hint).map(render)
    }

    /// Takes one user reply and its signals.
    public mutating func reply(_ text: String, signals: [Signal]) -> [EngineEvent] {
        guard !isFinished, let state else { return [] }
        var events: [EngineEvent] = []
        // Danger comes first, whatever the dialogue says.
        switch safety.screen(signals) {
        case .stop(let topic):
            stopForSafety(topic, &events)
            return events
        case .ask(let checkIn):
            saySafety(SafetyScript.checkIn(checkIn.about), words: checkIn.words, &events)
            return events
        case .carryOn:
            saySafety("carry-on", words: nil, &events)
            if let lastPrompt { events.append(lastPrompt) }
            return events
        case .pass:
            break
        }
        let kinds = Set(signals.map(\.kind))
        lastReply = text
        lastSignals = signals
        history.append(kinds)
        lastRewrite = rewriter?.rewrite(text, analysed: signals)

        if let slot = state.capture { slots[slot] = text }
        if state.collect && dialogue.role == .scenario { collect(signals) }
        movePartner(kinds, signals)
        tries += 1

        let context = conditionContext(reply: kinds)
        let matched = (dialogue.always + state.on).first { $0.when.holds(in: context) && !($0.once && taken.contains($0.location)) }
        var chosen = matched ?? state.otherwise
        if let picked = chosen, picked.once { taken.insert(picked.location) }
        let staying = chosen.map { $0.detour == nil && ($0.go == nil || $0.go == stateID) } ?? true
        if staying, let giveUp = state.giveUp, tries >= giveUp.after {
            // Moving on, but feedback on this very reply (not the generic `otherwise`) still comes first.
            let feedback = matched?.say ?? []
            chosen = Transition(when: Condition(), say: feedback + giveUp.say, go: giveUp.go, detour: nil, location: giveUp.location)
        }
        guard let transition = chosen else {
            // Nothing applies and there is no otherwise: ask again.
            say(state.say, in: state.id, context: context, &events)
            return events
        }
        say(transition.say, in: state.id, context: context, &events)
        if let detour = transition.detour, let side = library.dialogue(id: detour) {
            returns.append((dialogue, transition.go ?? stateID))
            dialogue = side
            enter(side.start, &events)
        } else if let target = transition.go, target != stateID {
            enter(target, &events)
        }
        return events
    }

    /// Ends the session early (quit, end of input, a signal), with its scorecard.
    /// Leaving while a safety question waits is not a no: it is a safety stop.
    public mutating func finish(_ outcome: Outcome) -> [EngineEvent] {
        guard !isFinished else { return [] }
        if let topic = safety.leave() {
            var events: [EngineEvent] = []
            stopForSafety(topic, &events)
            return events
        }
        self.outcome = outcome
        return [.ended(outcome: outcome, scorecard: scorecard())]
    }

    // MARK: - Moving

    private mutating func enter(_ id: String, _ events: inout [EngineEvent]) {
        var target = id
        for _ in 0..<Conversation.maximumHops {
            guard let state = dialogue.states[target] else { return }
            stateID = target
            tries = 0
            say(state.say, in: state.id, context: conditionContext(reply: Set(lastSignals.map(\.kind))), &events)
            switch state.end {
            case .return?:
                guard let back = returns.popLast() else {
                    finishWith(.completed, &events)
                    return
                }
                dialogue = back.dialogue
                target = back.state
                continue
            case let outcome?:
                finishWith(outcome, &events)
                return
            case nil:
                break
            }
            guard let next = state.next else { return }
            target = next
        }
    }

    private mutating func finishWith(_ outcome: Outcome, _ events: inout [EngineEvent]) {
        self.outcome = outcome
        events.append(.ended(outcome: outcome, scorecard: scorecard()))
    }

    private mutating func stopForSafety(_ topic: SafetyTopic, _ events: inout [EngineEvent]) {
        guard let safety = library.safety else {
            finishWith(.safetyStop, &events)
            return
        }
        returns.removeAll()
        dialogue = safety
        enter(SafetyScript.stop(topic), &events)
        if !isFinished { finishWith(.safetyStop, &events) }
    }

    /// A check-in line or the kind line after it: said in state `check-in`, never remembered
    /// as the prompt to come back to.
    private mutating func saySafety(_ state: String, words: String?, _ events: inout [EngineEvent]) {
        guard let script = library.safety.map(SafetyScript.init) else { return }
        for text in SafetyNet.lines(script, state, words: words, random: &random) {
            events.append(.say(speaker: .coach, text: text, state: Conversation.checkInState))
        }
    }

    // MARK: - Remembering

    private mutating func collect(_ signals: [Signal]) {
        for signal in signals where said[signal.kind] == nil {
            said[signal.kind] = signal.text
        }
        for signal in signals where scenario.pitfalls.contains(signal.kind) {
            let pitfall = Scorecard.Pitfall(kind: signal.kind, text: signal.text)
            if !pitfallsSeen.contains(pitfall) && pitfallsSeen.count < 12 { pitfallsSeen.append(pitfall) }
        }
    }

    private mutating func movePartner(_ kinds: Set<SignalKind>, _ signals: [Signal]) {
        guard let partner = scenario.partner, var current = openness else { return }
        for kind in kinds.sorted() {
            guard let move = partner.moves[kind] else { continue }
            current += Conversation.scale(move, for: difficulty)
        }
        openness = min(100, max(0, current))
        if let hurtful = signals.first(where: { partner.remembers.contains($0.kind) }) {
            jab = hurtful
        }
    }

    /// How difficulty changes the partner: gentle softens fast and forgives; tough the reverse.
    private static func scale(_ move: Int, for difficulty: Difficulty) -> Int {
        switch difficulty {
        case .gentle: return move > 0 ? move * 3 / 2 : move / 2
        case .realistic: return move
        case .tough: return move > 0 ? move * 2 / 3 : move * 3 / 2
        }
    }

    private static func startShift(_ difficulty: Difficulty) -> Int {
        switch difficulty {
        case .gentle: return 15
        case .realistic: return 0
        case .tough: return -15
        }
    }

    private func conditionContext(reply: Set<SignalKind>) -> ConditionContext {
        var context = ConditionContext(reply: reply, said: Set(said.keys), openness: openness, difficulty: difficulty,
                                       remembered: jab.map { [$0.kind] } ?? [], tries: tries, rewrites: lastRewrite?.changed)
        context.history = history
        return context
    }

    // MARK: - Speaking

    private mutating func say(_ lines: [SpokenLine], in state: String, context: ConditionContext, _ events: inout [EngineEvent]) {
        for line in lines {
            if let condition = line.when, !condition.holds(in: context) { continue }
            guard let variant = random.pick(line.variants) else { continue }
            let event = EngineEvent.say(speaker: line.speaker, text: render(variant), state: state)
            events.append(event)
            lastPrompt = event
            // A jab is brought up once; after that the partner has said their piece.
            if variant.contains("{jab}") { jab = nil }
            if line.speaker == .partner, let name = partnerName, let openness {
                events.append(.partnerMood(name: name, openness: openness))
            }
        }
    }

    private func render(_ text: String) -> String {
        Template.render(text) { name in
            switch name {
            case "last": return Conversation.quote(lastReply)
            case "partner": return partnerName
            case "jab": return jab.map { Conversation.quote($0.text) }
            case "rewrite": return lastRewrite?.rewrite
            case "rewrite-note": return lastRewrite?.notes.first?.message ?? ""
            default:
                if name.hasPrefix("said.") {
                    // `{said.label|contempt}`: the first of these the reply carried, else the first
                    // the session has heard; nothing when neither.
                    let kinds = Template.saidKinds(name).compactMap(SignalKind.init(rawValue:))
                    let text = kinds.lazy.compactMap { self.lastSignals.first($0)?.text }.first
                        ?? kinds.lazy.compactMap { self.said[$0] }.first
                    return text.map(Conversation.quote) ?? ""
                }
                return slots[name].map { library.reflections.apply(Conversation.quote($0)) }
            }
        }
    }

    /// The user's words as quoted back: trimmed, one line, cut if long.
    static func quote(_ text: String) -> String {
        let oneLine = String(text.map { $0.isNewline ? " " : $0 })
        let trimmed = oneLine.trimmed
        guard trimmed.count > quoteLimit else { return trimmed }
        return String(trimmed.prefix(quoteLimit)).trimmed + "…"
    }

    // MARK: - Scoring

    /// After a safety stop the card keeps what was met and nothing else: a safety stop is
    /// not a lesson (SPEC.md).
    public func scorecard() -> Scorecard {
        let parts = scenario.rubric.filter { $0.from <= difficulty }
        let met = parts.filter { said[$0.part] != nil }.map(\.part.rawValue)
        let names = Dictionary(parts.map { ($0.part.rawValue, $0.name) }, uniquingKeysWith: { first, _ in first })
        if outcome == .safetyStop { return Scorecard(met: met, partNames: names) }
        let missed = parts.filter { said[$0.part] == nil }.map(\.part.rawValue)
        var card = Scorecard(met: met, missed: missed, pitfalls: pitfallsSeen,
                             partNames: names)
        // The tip: for the first pitfall seen, else the first part missed, else the default.
        let keys = pitfallsSeen.map(\.kind.rawValue) + missed + ["default"]
        if let key = keys.first(where: { scenario.tips[$0] != nil }), let tips = scenario.tips[key], !tips.isEmpty {
            card.next = render(tips[(met.count + pitfallsSeen.count) % tips.count])
        }
        return card
    }
}
