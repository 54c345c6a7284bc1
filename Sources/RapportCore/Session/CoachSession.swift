import Foundation

/// The coach, minus the terminal: the menu, slash commands, and one practice at a time.
/// Each typed line goes through analysis, then the engine; what is said comes back as
/// `SessionOutput` and is written to the practice's transcript as it happens.
public final class CoachSession {
    public struct Options {
        public var seed: UInt64
        public var difficulty: Difficulty
        /// Opens a transcript for a practice; nil when sessions are not saved. A thrown
        /// error is shown once and the practice goes on unsaved.
        public var openTranscript: (_ scenario: String, _ started: Date) throws -> TranscriptSink?
        /// Whether sessions are meant to be saved (false under `--no-save`): what `/help` says.
        public var saving: Bool

        public init(seed: UInt64, difficulty: Difficulty, saving: Bool = true,
                    openTranscript: @escaping (String, Date) throws -> TranscriptSink?) {
            self.seed = seed
            self.difficulty = difficulty
            self.saving = saving
            self.openTranscript = openTranscript
        }
    }

    /// `rapport` shows the menu and returns to it; `rapport practice X` ends with X.
    public enum Mode: Equatable {
        case menu
        case practice(String)
    }

    /// The slash commands and what `/help` says of each. `saving`: whether sessions are
    /// saved (under `--no-save` `/help` does not promise a saved session).
    public static func commands(saving: Bool) -> [(name: String, help: String)] {
        [
            ("/help", "what you can type"),
            ("/hint", "a nudge for the current step"),
            ("/rewrite SENTENCE", "turn a blaming sentence into an I-statement"),
            ("/restart", "start this practice again"),
            ("/scenarios", "leave this practice and see the menu"),
            ("/quit", saving ? "leave rapport (your session is saved)" : "leave rapport (nothing is saved: --no-save)"),
        ]
    }

    private let library: DialogueLibrary
    private let analyzer: SignalDetecting
    private let rewriter: Rewriter
    private var options: Options
    private var mode: Mode
    private var conversation: Conversation?
    private var transcript: TranscriptSink?
    private var seedCounter: UInt64 = 0
    /// A sentence given to /rewrite that named nothing that happened ("ur so selfish"): the
    /// coach asked what did, and the next line is the answer that goes in its blank.
    private var awaitingBlank: String?
    public private(set) var isDone = false
    /// Safety screening for what is typed outside a practice (the menu, `/rewrite`). It also
    /// keeps the words answered with a clear no, which each practice is given.
    private var safety = SafetyNet()
    /// Chooses the wording of safety lines said outside a practice.
    private var safetyRandom: SeededRandom
    /// A practice guessed from words typed at the menu, waiting for a yes; and those words,
    /// which may name who it is about.
    private var offered: (dialogue: Dialogue, words: String)?
    /// The words the running practice was chosen with: /restart starts it with them again.
    private var openedWith: String?
    /// A safety stop happened and no practice has started since: free text is not read as
    /// a choice of practice ("sorry i didnt mean to freak u out" is no apology to rehearse).
    private var stoppedForSafety = false

    public init(library: DialogueLibrary, analyzer: SignalDetecting, rewriter: Rewriter, options: Options, mode: Mode) {
        self.library = library
        self.analyzer = analyzer
        self.rewriter = rewriter
        self.options = options
        self.mode = mode
        safetyRandom = SeededRandom(seed: options.seed ^ 0x5AFE)
    }

    /// Whether a practice is running (the front end chooses its prompt by this).
    public var inPractice: Bool { conversation != nil }

    /// The scenario being practised.
    public var scenario: Dialogue? { conversation?.scenario }

    /// Words to complete at the prompt: slash commands and scenario ids.
    public var completions: [String] {
        ["/help", "/hint", "/rewrite ", "/restart", "/scenarios", "/quit"] + library.scenarios.map(\.id)
    }

    public func start() -> [SessionOutput] {
        switch mode {
        case .menu:
            return [.greeting([
                "Hi, I'm rapport. We can rehearse a hard conversation here, before you have it for real.",
                "Pick a practice below. Everything you type stays on this computer.",
            ]), menu()]
        case .practice(let id):
            guard let dialogue = library.dialogue(id: id.lowercased()), dialogue.role == .scenario else {
                isDone = true
                return [.notice("There is no practice called '\(id)'. Try 'rapport scenarios' to see them.")]
            }
            return begin(dialogue)
        }
    }

    /// One typed line.
    public func handle(_ line: String) -> [SessionOutput] {
        let text = line.trimmed
        if conversation == nil && safety.pending != nil && !text.isEmpty {
            // Whatever is typed answers the question; a command after a stop still runs.
            let outputs = screen(text.hasPrefix("/") ? [] : analyzer.signals(in: text), in: text) ?? []
            return text.hasPrefix("/") ? outputs + command(text) : outputs
        }
        if let sentence = awaitingBlank, !text.isEmpty {
            awaitingBlank = nil
            if !text.hasPrefix("/") { return fillBlank(of: sentence, with: text) }
        }
        if text.hasPrefix("/") { return command(text) }
        // Enter on its own is a reply only where the practice says so ("press Enter when
        // you're ready").
        if text.isEmpty { return conversation?.acceptsEmptyReply == true ? reply("") : [] }
        guard conversation != nil else { return choose(text) }
        return reply(text)
    }

    /// Standard input ended. `goodbye`: someone at a terminal pressed Ctrl-D, and is told
    /// goodbye as for /quit (a script reaching the end of its lines is not).
    public func endOfInput(goodbye: Bool = false) -> [SessionOutput] {
        isDone = true
        let outputs = leaveSafety() + finish(.abandoned)
        return goodbye ? outputs + [.notice(CoachSession.goodbye)] : outputs
    }

    static let goodbye = "Bye for now. Go gently."

    /// A signal (Ctrl-C twice, SIGTERM, SIGHUP) ends the session.
    public func interrupt() -> [SessionOutput] {
        isDone = true
        return leaveSafety() + finish(.interrupted)
    }

    // MARK: - The menu

    private func menu() -> SessionOutput {
        .menu(library.scenarios.enumerated().map { index, dialogue in
            SessionOutput.MenuItem(number: index + 1, id: dialogue.id, title: dialogue.title, summary: dialogue.summary)
        })
    }

    /// A line typed at the menu: a number, an id or title in any case, a yes to a practice
    /// offered, or words about what is coming up ("I need to apologise to my sister").
    private func choose(_ text: String) -> [SessionOutput] {
        let scenarios = library.scenarios
        let lowered = text.lowercased()
        let waiting = offered
        offered = nil
        if let number = Int(text), (1...scenarios.count).contains(number) {
            return begin(scenarios[number - 1])
        }
        // "apology", "Raise early", "RAISE-EARLY": an id, however it is typed.
        let asID = lowered.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "-")
        if let exact = scenarios.first(where: { $0.id == lowered || $0.id == asID }) { return begin(exact) }
        let matches = scenarios.filter { $0.id.hasPrefix(lowered) || $0.title.lowercased().hasPrefix(lowered) }
        if matches.count == 1 { return begin(matches[0]) }
        // Free text at the menu is read for danger first.
        let signals = analyzer.signals(in: text)
        if let outputs = screen(signals, in: text) { return outputs }
        if stoppedForSafety {
            return [.notice("I'm still here. If it feels hard right now, please call one of the numbers above, or tell someone you trust. When you want to, type /scenarios to see the practices, or /quit to leave.")]
        }
        let kinds = Set(signals.map(\.kind))
        if let waiting {
            if kinds.contains(.agreement) || ["y", "yes"].contains(lowered) { return begin(waiting.dialogue, opening: waiting.words) }
            if kinds.contains(.decline) || kinds.contains(.answerNo) {
                return [.notice("Okay. Type a practice's number or name, or tell me what's coming up.")]
            }
        }
        let found = PracticeFinder.best(for: text, kinds: kinds, in: scenarios)
        if found.count == 1 {
            offered = (found[0], text)
            return [.notice("That sounds like \"\(found[0].title)\". Shall we start it? (yes / no)")]
        }
        if found.count > 1 {
            let choices = found.compactMap { dialogue in
                scenarios.firstIndex { $0.id == dialogue.id }.map { "\($0 + 1). \(dialogue.title)" }
            }
            return [.notice("That could be one of these: \(choices.joined(separator: "; ")). Type its number.")]
        }
        return [.notice("I'm not sure which practice fits that. Type a number from 1 to \(scenarios.count), a practice's name, or /help.")]
    }

    // MARK: - Safety outside a practice

    /// Screens what was typed outside a practice; nil when it can go on as usual.
    private func screen(_ signals: [Signal], in text: String) -> [SessionOutput]? {
        let replies = ReplyReader(words: library.slotWords)
        switch safety.screen(signals, quoting: { replies.quoted($0, in: text).text }) {
        case .pass:
            return nil
        case .ask(let checkIn):
            return safetyLines(SafetyScript.checkIn(checkIn.about), words: checkIn.quoted)
        case .carryOn:
            return safetyLines("carry-on", words: nil) + [.notice("Pick a practice when you're ready: type its number, or /help.")]
        case .stop(let topic):
            stoppedForSafety = true
            return safetyLines(SafetyScript.stop(topic), words: nil) + safetyLines(afterStop, words: nil)
        }
    }

    /// A question left unanswered outside a practice, as the session ends: a safety stop.
    private func leaveSafety() -> [SessionOutput] {
        guard conversation == nil, let topic = safety.leave() else { return [] }
        return safetyLines(SafetyScript.stop(topic), words: nil)
    }

    private func safetyLines(_ state: String, words: String?) -> [SessionOutput] {
        guard let script = library.safety.map(SafetyScript.init) else { return [] }
        return SafetyNet.lines(script, state, words: words, random: &safetyRandom).map { .line(speaker: .coach, name: "Coach", text: $0) }
    }

    /// The one quiet line after a safety stop.
    private var afterStop: String { mode == .menu ? "after-menu" : "after-practice" }

    // MARK: - A practice

    /// Starts a practice. `opening`: the words it was chosen with, which may name who it is about.
    private func begin(_ dialogue: Dialogue, opening: String? = nil) -> [SessionOutput] {
        var outputs: [SessionOutput] = []
        openedWith = opening
        stoppedForSafety = false
        let started = Date()
        let seed = nextSeed()
        do {
            transcript = try options.openTranscript(dialogue.id, started)
        } catch {
            transcript = nil
            outputs.append(.notice("This session is not being saved: \(error)"))
        }
        transcript?.append(.session(scenario: dialogue.id, started: started, version: RapportInfo.version, seed: seed,
                                    difficulty: options.difficulty))
        var conversation = Conversation(scenario: dialogue, library: library, difficulty: options.difficulty, seed: seed,
                                        rewriter: rewriter, clearedRisk: safety.cleared, opening: opening,
                                        openingKinds: Set((opening.map(analyzer.signals(in:)) ?? []).map(\.kind)))
        let events = conversation.start()
        self.conversation = conversation
        outputs += present(events)
        return outputs
    }

    private func reply(_ text: String) -> [SessionOutput] {
        guard var conversation else { return [] }
        let signals = analyzer.signals(in: text)
        transcript?.append(.turn(speaker: .user, state: conversation.position, text: text, signals: signals.kinds))
        let events = conversation.reply(text, signals: signals)
        self.conversation = conversation
        return present(events)
    }

    /// Turns engine events into outputs, writing spoken lines and the end to the transcript.
    /// `carryOn`: after an end, go on as the mode says (menu again, or done).
    private func present(_ events: [EngineEvent], carryOn: Bool = true) -> [SessionOutput] {
        var outputs: [SessionOutput] = []
        for event in events {
            switch event {
            case let .say(speaker, text, state):
                transcript?.append(.turn(speaker: speaker, state: state, text: text, signals: nil))
                let name = speaker == .partner ? (conversation?.partnerName ?? "Partner") : "Coach"
                outputs.append(.line(speaker: speaker, name: name, text: text))
            case let .partnerMood(name, openness):
                outputs.append(.meter(name: name, openness: openness))
            case let .ended(outcome, scorecard):
                outputs += close(outcome, scorecard, carryOn: carryOn)
            }
        }
        return outputs
    }

    private func close(_ outcome: Outcome, _ scorecard: Scorecard, carryOn: Bool) -> [SessionOutput] {
        let isLesson = conversation?.hasLesson ?? true
        if let conversation { safety = SafetyNet(cleared: safety.cleared.union(conversation.clearedRisk)) }
        if outcome == .safetyStop {
            stoppedForSafety = true
            // Help, then one quiet line: no scorecard, no tip, no menu (SPEC.md, Safety).
            let quiet = isDone ? [] : safetyLines(afterStop, words: nil)
            for case let .line(speaker, _, text) in quiet {
                transcript?.append(.turn(speaker: speaker, state: conversation?.stateID ?? "stop", text: text, signals: nil))
            }
            transcript?.append(.end(outcome: outcome, ended: Date(), scorecard: scorecard))
            transcript = nil
            conversation = nil
            // `rapport practice X` does not exit on a stop either: the quiet line offers
            // /scenarios and /quit, and the session waits for one (or end of input).
            return quiet
        }
        transcript?.append(.end(outcome: outcome, ended: Date(), scorecard: scorecard))
        transcript = nil
        conversation = nil
        // Left before anything was scored: no lesson, so no card.
        var outputs: [SessionOutput] = isLesson ? [.scorecard(scorecard, outcome)] : []
        if isDone || !carryOn { return outputs }
        switch mode {
        case .practice:
            isDone = true
        case .menu:
            outputs.append(.notice(CoachSession.whatNext))
        }
        return outputs
    }

    /// The one line after a practice, instead of the whole menu again.
    static let whatNext = "What next? Type another practice's number or name, /scenarios to see them all, or /quit."

    private func finish(_ outcome: Outcome, carryOn: Bool = true) -> [SessionOutput] {
        guard var conversation else { return [] }
        let events = conversation.finish(outcome)
        self.conversation = conversation
        return present(events, carryOn: carryOn)
    }

    private func nextSeed() -> UInt64 {
        seedCounter += 1
        return options.seed &+ (seedCounter - 1) &* 0x9E37_79B9
    }

    /// The answer to the coach's question about a sentence with nothing that happened in
    /// it: danger in it is answered as danger, anything else fills the blank.
    private func fillBlank(of sentence: String, with answer: String) -> [SessionOutput] {
        let signals = analyzer.signals(in: answer)
        if signals.contains(where: { $0.kind == .crisis || $0.kind == .risk }) {
            if conversation != nil { return reply(answer) }
            if let outputs = screen(signals, in: answer) { return outputs }
        }
        return [.rewrite(rewriter.rewrite(sentence, answer: answer))]
    }

    // MARK: - Slash commands

    private func command(_ text: String) -> [SessionOutput] {
        let parts = text.split(separator: " ", maxSplits: 1)
        let name = parts[0].lowercased()
        let argument = parts.count > 1 ? String(parts[1]).trimmed : ""
        switch name {
        case "/help", "/?":
            var lines = ["You can type:"]
            lines += CoachSession.commands(saving: options.saving).map { "  \($0.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \($0.help)" }
            lines.append(conversation == nil
                ? "Or a practice's number or name, or just say what's coming up (\"I need to apologise to my sister\")."
                : "Anything else is your reply in the practice.")
            return [.notice(lines.joined(separator: "\n"))]
        case "/hint":
            guard var conversation else { return [.notice("Pick a practice from the menu first: type its number.")] }
            let hint = conversation.hint()
            self.conversation = conversation
            return [.notice(hint ?? "No hint for this step. Say it the way you would in real life; there's no wrong answer.")]
        case "/rewrite":
            guard !argument.isEmpty else { return [.notice("Give me a sentence after /rewrite, e.g. /rewrite You never listen to me")] }
            let signals = analyzer.signals(in: argument)
            if signals.contains(where: { $0.kind == .crisis || $0.kind == .risk }) {
                if conversation != nil { return reply(argument) }
                if let outputs = screen(signals, in: argument) { return outputs }
            }
            let result = rewriter.rewrite(argument)
            // "ur so selfish" names nothing they did: ask, and put the answer in.
            if result.observationMissing, let question = result.observationQuestion {
                awaitingBlank = argument
                return [.line(speaker: .coach, name: "Coach", text: question + " Say it in a line, and I'll put it in.")]
            }
            return [.rewrite(result)]
        case "/restart":
            guard let scenario = conversation?.scenario else { return [.notice("Pick a practice from the menu first: type its number.")] }
            let stopping = conversation?.isCheckingIn == true
            let opening = openedWith
            var outputs = finish(.quit, carryOn: false)
            if stopping { return outputs }
            // Starting over is not the end of a lesson: the transcript keeps the card, the
            // screen does not show one.
            outputs.removeAll { if case .scorecard = $0 { return true } else { return false } }
            outputs.append(.notice("Starting again."))
            // Chosen as "I need to apologise to my sister": still to your sister.
            outputs += begin(scenario, opening: opening)
            return outputs
        case "/scenarios", "/menu":
            let stopping = conversation?.isCheckingIn == true
            var outputs = finish(.quit, carryOn: false)
            // Once at the menu, `rapport practice X` goes on as the menu does: a practice
            // picked there ends with "What next?", not by leaving.
            mode = .menu
            if !stopping { outputs.append(menu()) }
            return outputs
        case "/quit", "/exit", "/q":
            isDone = true
            var outputs = finish(.quit)
            outputs.append(.notice(CoachSession.goodbye))
            return outputs
        default:
            return [.notice("I don't know \(name). Type /help to see what you can type.")]
        }
    }
}
