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

    /// What `{who}` and the other slots hold.
    private var slots: SlotBook
    /// How a reply is meant: pointing back, asking the coach, where a quote may stop.
    private let replies: ReplyReader
    /// What the lines said since the last reply asked for: a reply that points back to the
    /// one before ("I just said") says that reply held it.
    private var asked: Set<SignalKind> = []
    /// The coach's lines since the last reply, and in the turn before: no coach line is
    /// said twice the same in a row when it has another way to say it.
    private var coachSaid: Set<String> = []
    private var coachSaidBefore: Set<String> = []
    /// Everything the partner has said this run, oldest first: a person does not answer
    /// with the very same words twice while they have others.
    private var partnerSaid: [String] = []
    /// Whether the current state's capture took the last reply.
    private var captured: Bool?
    /// Kinds said so far in collecting states, with the first words that carried each.
    private var said: [SignalKind: SaidWords] = [:]
    private var score: ScoreKeeper
    private var lastReply = ""
    private var lastSignals: [Signal] = []
    /// What the last reply gave the practice, if it was in a state that counts: a question
    /// (or a partner's line) that asks only for these is not said.
    private var given: Set<SignalKind> = []
    /// Mixed into each choice of variant, so lines follow what the user said.
    private var replySalt: UInt64 = 0
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
    /// What the engine last waited on, said again after a check-in: the whole question (a
    /// state's own lines, or the feedback of a step that stayed), so that the lines naming
    /// who it is for come back too, not only the last of them.
    private var prompt: [EngineEvent] = []
    /// The reply a check-in paused on, when it said more than the words asked about: after a
    /// clear no, the practice hears it ("my mom calls 5 times a day and gets mad if i dont
    /// pick up" is still the boundary they want to set), so nothing they typed is lost.
    private var heldReply: HeldReply?
    private struct HeldReply: Sendable {
        var text: String
        var signals: [Signal]
    }
    /// The lines of the turn being answered, and the last state question among them.
    private var turnLines: [EngineEvent] = []
    private var turnQuestion: [EngineEvent]?
    /// What the engine did with the last reply.
    public private(set) var lastTurn = TurnTrace()

    /// The words that carried a kind, and the sentence they were in.
    private struct SaidWords: Sendable {
        var words: String
        var sentence: String
    }

    /// The state label of a paused practice, in transcripts and plans.
    public static let checkInState = "check-in"

    /// A guard against `next:` and `skip:` loops in a dialogue.
    private static let maximumHops = 200

    /// `clearedRisk`: words already asked about in this session and answered with a clear no.
    /// `opening`: what the user typed to choose this practice ("I need to apologise to my
    /// sister"), with the kinds found in it; a person it names fills the practice's person
    /// slot, and what it says the practice is about fills the slots marked `opening:`.
    public init(scenario: Dialogue, library: DialogueLibrary, difficulty: Difficulty = .realistic, seed: UInt64,
                rewriter: Rewriter? = nil, clearedRisk: Set<String> = [], opening: String? = nil,
                openingKinds: Set<SignalKind> = []) {
        self.scenario = scenario
        safety = SafetyNet(cleared: clearedRisk)
        self.rewriter = rewriter
        self.library = library
        self.difficulty = difficulty
        random = SeededRandom(seed: seed)
        dialogue = scenario
        stateID = scenario.start
        score = ScoreKeeper(scenario: scenario, difficulty: difficulty)
        slots = SlotBook(words: library.slotWords)
        replies = ReplyReader(words: library.slotWords)
        if let partner = scenario.partner {
            openness = min(100, max(0, partner.openness + Conversation.startShift(difficulty)))
        }
        if let opening { slots.notePerson(in: opening, kinds: openingKinds, for: scenario) }
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
    /// Whether Enter on its own is a reply here ("press Enter when you're ready").
    public var acceptsEmptyReply: Bool { !isCheckingIn && state?.acceptsEmpty == true }
    /// Whether anything has counted towards the rubric yet. Without it, leaving is not a
    /// lesson: the card is empty.
    public var hasLesson: Bool { score.isLesson }

    /// Enters the start state.
    public mutating func start() -> [EngineEvent] {
        var events: [EngineEvent] = []
        beginTurn()
        enter(stateID, &events)
        endTurn()
        return events
    }

    private mutating func beginTurn() {
        turnLines = []
        turnQuestion = nil
    }

    /// The turn's question becomes what a check-in comes back to.
    private mutating func endTurn() {
        let question = turnQuestion ?? turnLines
        if !question.isEmpty { prompt = question }
    }

    /// A variant of the current state's hint, if it has one.
    public mutating func hint() -> String? {
        guard let state else { return nil }
        return pick(state.hint).map(render)
    }

    /// Takes one user reply and its signals.
    public mutating func reply(_ text: String, signals: [Signal]) -> [EngineEvent] {
        guard !isFinished, state != nil else { return [] }
        var events: [EngineEvent] = []
        // Danger comes first, whatever the dialogue says.
        switch safety.screen(signals, quoting: { replies.quoted($0, in: text).text }) {
        case .stop(let topic):
            stopForSafety(topic, &events)
            return events
        case .ask(let checkIn):
            heldReply = Conversation.saysMore(text, than: checkIn.words) ? HeldReply(text: text, signals: signals) : nil
            saySafety(SafetyScript.checkIn(checkIn.about), words: checkIn.quoted, &events)
            return events
        case .carryOn:
            saySafety("carry-on", words: nil, &events)
            if let held = heldReply {
                heldReply = nil
                // Its words were just cleared, so the screen lets them through this time.
                events += reply(held.text, signals: held.signals)
            } else {
                events += prompt
            }
            return events
        case .pass:
            break
        }
        coachSaidBefore = coachSaid
        coachSaid = []
        if replies.asksCoach(text, kinds: Set(signals.map(\.kind))) {
            // "What am I supposed to say to that??" is for the coach: the step's hint, and
            // the practice waits where it was.
            lastTurn = TurnTrace(kinds: Set(signals.map(\.kind)))
            coachSaid = coachSaidBefore
            sayHint(&events)
            return events
        }
        let heard = read(text, signals)
        asked = []
        let kinds = Set(heard.map(\.kind))
        lastReply = text
        lastSignals = heard
        replySalt = StableHash.of(text)
        history.append(kinds)
        lastRewrite = rewriter?.rewrite(text, analysed: signals)
        lastTurn = TurnTrace(kinds: kinds)
        beginTurn()
        respond(text, heard, &events, rereads: 1)
        endTurn()
        return events
    }

    /// Whether `text` holds at least four words besides `words` (the ones a check-in asked
    /// about): enough to be an answer to the practice, not only the worrying words.
    private static func saysMore(_ text: String, than words: String) -> Bool {
        func count(_ string: String) -> Int {
            string.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.count
        }
        return count(text) - count(words) >= 4
    }

    /// The signals as the practice hears them: quotes widened to whole clauses, and a reply
    /// that points back ("i just said. a few days") carrying what the last lines asked for,
    /// in the words of the reply before.
    private func read(_ text: String, _ signals: [Signal]) -> [Signal] {
        var heard = signals.map { replies.quoted($0, in: text) }
        guard let pointer = replies.pointerBack(in: text), !lastReply.isEmpty, !asked.isEmpty else { return heard }
        let rest = heard.filter { $0.start >= pointer }
        // "I just said I was sorry, what more do you want?" is said to them, not a pointer.
        guard Set(rest.map(\.kind)).isDisjoint(with: scenario.pitfalls + [.defensiveness, .contempt, .stonewalling]) else { return heard }
        heard = rest
        for kind in asked.sorted() where !heard.contains(where: { $0.kind == kind }) {
            heard.append(Signal(kind: kind, text: QuotedWords.quote(lastReply), start: -1, end: -1))
        }
        return heard
    }

    /// The current step's hint, said by the coach (or a general nudge where there is none).
    private mutating func sayHint(_ events: inout [EngineEvent]) {
        let variants = state?.hint.isEmpty == false ? state!.hint : [Conversation.noHint]
        let line = SpokenLine(speaker: .coach, variants: variants, when: nil, location: state?.location ?? scenario.startLocation)
        say([line], in: position, context: conditionContext(reply: []), &events)
    }

    /// What the coach says when a step has no hint.
    public static let noHint = "Say it the way you would in real life; there's no wrong answer."

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

    /// The current state's answer to a reply. `rereads`: how many more states may read it
    /// again (a transition with `reread: true`).
    private mutating func respond(_ text: String, _ signals: [Signal], _ events: inout [EngineEvent], rereads: Int) {
        guard let state else { return }
        let kinds = Set(signals.map(\.kind))
        // The answer to a question just skipped, typed anyway: take it and ask this one again.
        if slots.takeLateAnswer(text, kinds: kinds) {
            enter(stateID, &events)
            return
        }
        let slotsBefore = slots
        captured = state.capture.map { slots.fill($0, from: text, kinds: kinds) }
        given = []
        let saidBefore = Set(said.keys)
        if state.collect && dialogue.role == .scenario {
            // A part the rubric counts only elsewhere was not given here: a time-out read as
            // a request is not the proposal the coach still asks for.
            given = kinds.filter { kind in
                scenario.rubric.first { $0.part == kind }.map { $0.states.isEmpty || $0.states.contains(state.id) } ?? true
            }
            collect(signals, text: text)
            score.hear(signals, in: state.id)
            movePartner(kinds, signals)
        }
        tries += 1

        let context = conditionContext(reply: kinds)
        let matched = (dialogue.always + state.on).first { $0.when.holds(in: context) && !($0.once && taken.contains($0.location)) }
        var chosen = matched ?? state.otherwise
        if let picked = chosen, picked.once { taken.insert(picked.location) }
        let staying = chosen.map { $0.detour == nil && ($0.go == nil || $0.go == stateID) } ?? true
        if staying, let giveUp = state.giveUp, tries >= giveUp.after {
            // Moving on, but feedback on this very reply (not the generic `otherwise`) still
            // comes first, and counts as it would have; only what it asks for is left out,
            // as nobody waits for the answer.
            let feedback = (matched?.say ?? []).filter(\.asks.isEmpty)
            chosen = Transition(when: Condition(), say: feedback + giveUp.say, go: giveUp.go, detour: nil,
                                location: giveUp.location, credits: matched?.credits ?? [], undoes: matched?.undoes ?? [],
                                counts: matched?.counts ?? true)
        }
        guard let transition = chosen else {
            // Nothing applies and there is no otherwise: ask again.
            say(state.say, in: state.id, context: context, &events)
            return
        }
        if transition.detour != nil {
            // "I can't breathe, this is too much" answers nothing the state asked: coming
            // back, the state asks its question again rather than take it as the answer.
            slots = slotsBefore
            captured = nil
        }
        if !transition.counts && state.collect && dialogue.role == .scenario {
            // Asked for again from the top: what this reply said is not kept.
            said = said.filter { saidBefore.contains($0.key) }
            score.discardLastReply()
            given = []
        } else if !transition.undoes.isEmpty && state.collect && dialogue.role == .scenario {
            // "ill try harder i guess": the part the coach asks for again is not kept as said
            // by this reply; the rest of it is.
            said = said.filter { !transition.undoes.contains($0.key) || saidBefore.contains($0.key) }
        }
        take(transition)
        say(transition.say, in: state.id, context: context, &events)
        if let detour = transition.detour, let side = library.dialogue(id: detour) {
            returns.append((dialogue, transition.go ?? stateID))
            dialogue = side
            enter(side.start, &events)
        } else if let target = transition.go, target != stateID {
            if transition.reread && rereads > 0, let next = dialogue.states[target] {
                // The reply answers the next state's question: that state reads it, without
                // asking its question first. Going back from a detour, the state it left reads it.
                if next.end == .return, let back = returns.popLast() {
                    say(next.say, in: next.id, context: context, &events)
                    dialogue = back.dialogue
                    stateID = back.state
                } else {
                    stateID = target
                }
                tries = 0
                respond(text, signals, &events, rereads: rereads - 1)
            } else {
                enter(target, &events)
            }
        }
    }

    private mutating func enter(_ id: String, _ events: inout [EngineEvent]) {
        var target = id
        for _ in 0..<Conversation.maximumHops {
            guard let state = dialogue.states[target] else { return }
            stateID = target
            tries = 0
            let context = conditionContext(reply: Set(lastSignals.map(\.kind)))
            if let skip = state.skip.first(where: { $0.when.holds(in: context) }), let next = skip.go {
                // Already answered: say what the skip says, and go on without asking.
                take(skip)
                if let capture = state.capture, capture.kind == .person { slots.skippedQuestion = capture }
                say(skip.say, in: state.id, context: context, &events)
                target = next
                continue
            }
            say(state.say, in: state.id, context: context, asking: true, &events)
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

    private mutating func take(_ transition: Transition) {
        if dialogue.role == .scenario { score.take(transition, movesOn: transition.go.map { $0 != stateID } ?? false) }
        lastTurn.taken.append(transition)
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

    private mutating func collect(_ signals: [Signal], text: String) {
        for signal in signals where said[signal.kind] == nil {
            said[signal.kind] = SaidWords(words: signal.text, sentence: QuotedWords.sentence(around: signal, in: text))
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
        // What the coach has credited counts as said: its acknowledgement is the record.
        var context = ConditionContext(reply: reply, said: Set(said.keys).union(score.credited), openness: openness, difficulty: difficulty,
                                       remembered: jab.map { [$0.kind] } ?? [], tries: tries, rewrites: lastRewrite?.changed)
        context.history = history
        context.known = slots.known
        context.captured = captured
        context.isQuestion = lastReply.trimmed.hasSuffix("?")
        context.asksThem = replies.asksThem(lastReply)
        return context
    }

    // MARK: - Speaking

    /// Says the lines whose conditions hold. `asking`: these are a state's own lines, its
    /// question; there, and in the partner's mouth anywhere, a line that asks only for what
    /// the last reply gave is left out (feedback in a transition is chosen by the reply already).
    private mutating func say(_ lines: [SpokenLine], in state: String, context: ConditionContext, asking: Bool = false,
                              _ events: inout [EngineEvent]) {
        var context = context
        let first = events.count
        defer {
            let block = Array(events[first...])
            turnLines += block
            if asking && !block.isEmpty { turnQuestion = block }
        }
        for line in lines {
            context.openness = openness
            if let condition = line.when, !condition.holds(in: context) { continue }
            // Nobody asks for what they were just given.
            if asking || line.speaker == .partner, !line.asks.isEmpty, Set(line.asks).isSubset(of: given) { continue }
            guard let (variant, text) = choose(line) else { continue }
            let event = EngineEvent.say(speaker: line.speaker, text: text, state: state)
            events.append(event)
            asked.formUnion(line.asks)
            if line.speaker == .coach { coachSaid.insert(text) }
            if line.speaker == .partner { partnerSaid.append(text) }
            // A jab is brought up once; after that the partner has said their piece.
            if variant.contains("{jab}") { jab = nil }
            if line.speaker == .partner, let mood = line.mood, let current = openness {
                // The words say how they feel; the meter follows them.
                openness = mood.clamp(current)
            }
            lastTurn.lines.append(TurnTrace.SaidLine(line: line, text: text, openness: openness))
            if line.speaker == .partner, let name = partnerName, let openness {
                events.append(.partnerMood(name: name, openness: openness))
            }
        }
    }

    /// One variant, chosen by the seed and by what the user last said.
    private mutating func pick(_ variants: [String]) -> String? {
        guard !variants.isEmpty else { return nil }
        return variants[Int((random.next() ^ replySalt) % UInt64(variants.count))]
    }

    /// A line's variant and its text: for the coach, not the very words it said in the turn
    /// before; for the partner, not words they have said already this run (or, when every
    /// variant has been said, the one said longest ago), when the line has another way to say it.
    private mutating func choose(_ line: SpokenLine) -> (String, String)? {
        guard !line.variants.isEmpty else { return nil }
        let first = Int((random.next() ^ replySalt) % UInt64(line.variants.count))
        let ordered = (0..<line.variants.count).map { step in
            let variant = line.variants[(first + step) % line.variants.count]
            return (variant, render(variant))
        }
        switch line.speaker {
        case .partner:
            if let fresh = ordered.first(where: { !partnerSaid.contains($0.1) }) { return fresh }
            return ordered.min { (partnerSaid.lastIndex(of: $0.1) ?? -1) < (partnerSaid.lastIndex(of: $1.1) ?? -1) }
        case .coach:
            return ordered.first { !coachSaidBefore.contains($0.1) } ?? ordered.first
        case .user:
            return ordered.first
        }
    }

    private func render(_ text: String) -> String {
        Template.render(text) { name in
            switch name {
            case "last": return QuotedWords.quote(lastReply)
            case "partner": return partnerName
            case "jab": return jab.map { QuotedWords.quote($0.text) }
            // Never the batch output's blank ("when ___"): said without it, and the note asks.
            case "rewrite": return lastRewrite?.spoken
            case "rewrite-note": return lastRewrite?.spokenNote ?? lastRewrite?.notes.first?.message ?? ""
            default:
                if name.hasPrefix("said.") || name.hasPrefix("sentence.") {
                    // `{said.label|contempt}`: the first of these the reply carried, else the first
                    // the session has heard; nothing when neither. `{sentence.…}`: the sentence
                    // those words were in.
                    let whole = name.hasPrefix("sentence.")
                    let kinds = Template.saidKinds(name).compactMap(SignalKind.init(rawValue:))
                    let fromReply = kinds.lazy.compactMap { self.lastSignals.first($0) }.first.map { signal in
                        whole ? QuotedWords.sentence(around: signal, in: self.lastReply) : QuotedWords.quote(signal.text)
                    }
                    let fromSession = kinds.lazy.compactMap { self.said[$0] }.first.map { words in
                        whole ? words.sentence : QuotedWords.quote(words.words)
                    }
                    return fromReply ?? fromSession ?? ""
                }
                // A person slot not filled yet ("my boss was rude" names nobody) is "them",
                // never the raw placeholder.
                return slots[name].map { library.reflections.apply(QuotedWords.quote($0)) }
                    ?? (isPersonSlot(name) ? SlotReader.stranger : nil)
            }
        }
    }

    /// Whether a state of this practice captures a person into `slot`.
    private func isPersonSlot(_ slot: String) -> Bool {
        scenario.orderedStates.contains { state in
            guard let capture = state.capture else { return false }
            return (capture.kind == .person && capture.slot == slot) || capture.person == slot
        }
    }

    /// The user's words as quoted back: trimmed, one line, cut if long.
    static func quote(_ text: String) -> String {
        QuotedWords.quote(text)
    }

    // MARK: - Scoring

    /// The card as it stands (SPEC.md: a safety stop keeps only what was met, and before any
    /// scored reply there is no lesson at all).
    public func scorecard() -> Scorecard {
        score.card(outcome: outcome) { render($0) }
    }
}
