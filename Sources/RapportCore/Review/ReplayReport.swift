import Foundation

/// A saved session's user lines run again against today's analysis and dialogues, step by
/// step beside what happened then: how a dialogue author checks what a change does.
public struct ReplayReport: Sendable {
    public struct Step: Sendable {
        public var text: String
        /// The state the reply was given in, then and now (nil: today's run had ended).
        public var recordedState: String
        public var replayedState: String?
        /// The kinds found in the reply, then (nil if the record has none) and now.
        public var recordedSignals: [SignalKind]?
        public var replayedSignals: [SignalKind]

        public var stateDiffers: Bool { recordedState != replayedState }
        public var signalsDiffer: Bool { recordedSignals.map { Set($0) != Set(replayedSignals) } ?? false }
    }

    public var scenario: String
    public var steps: [Step]
    public var recordedOutcome: Outcome?
    public var recordedScorecard: Scorecard?
    public var replayedOutcome: Outcome
    public var replayedScorecard: Scorecard

    /// The first step whose state differs, if any.
    public var firstDivergence: Int? { steps.firstIndex(where: \.stateDiffers) }

    /// Whether today's run ends the same way with the same scorecard parts and pitfalls.
    public var endsTheSame: Bool {
        guard let recordedOutcome, let recordedScorecard else { return false }
        return recordedOutcome == replayedOutcome
            && Set(recordedScorecard.met) == Set(replayedScorecard.met)
            && Set(recordedScorecard.missed) == Set(replayedScorecard.missed)
            && Set(recordedScorecard.pitfalls.map(\.kind)) == Set(replayedScorecard.pitfalls.map(\.kind))
    }

    public var isSame: Bool { firstDivergence == nil && endsTheSame }

    /// Replays `transcript` with its own seed and difficulty.
    public init(replaying transcript: TranscriptStore.Transcript, library: DialogueLibrary, analyzer: SignalDetecting,
                rewriter: Rewriter?) throws(ReplayError) {
        guard let session = transcript.records.first, case let .session(scenario, _, _, seed, difficulty) = session else {
            throw ReplayError("\(transcript.id) has no session record to start from")
        }
        guard let dialogue = library.dialogue(id: scenario) else {
            throw ReplayError("\(transcript.id) practised '\(scenario)', which today's dialogues do not have")
        }
        var conversation = Conversation(scenario: dialogue, library: library, difficulty: difficulty ?? .realistic,
                                        seed: seed, rewriter: rewriter)
        var ended: (Outcome, Scorecard)?
        func note(_ events: [EngineEvent]) {
            for case let .ended(outcome, card) in events where ended == nil { ended = (outcome, card) }
        }
        note(conversation.start())
        var steps: [Step] = []
        for case let .turn(.user, state, text, signals) in transcript.records {
            let found = analyzer.signals(in: text)
            steps.append(Step(text: text, recordedState: state, replayedState: ended == nil ? conversation.stateID : nil,
                              recordedSignals: signals, replayedSignals: found.kinds))
            if ended == nil { note(conversation.reply(text, signals: found)) }
        }
        // A session that stopped early (quit, Ctrl-C, end of input) stops the same way now.
        let recorded = transcript.outcome
        if ended == nil {
            let early: Outcome = switch recorded {
            case .quit?, .interrupted?: recorded!
            default: .abandoned
            }
            note(conversation.finish(early))
        }
        self.scenario = scenario
        self.steps = steps
        recordedOutcome = recorded
        recordedScorecard = transcript.scorecard
        (replayedOutcome, replayedScorecard) = ended!
    }
}

public struct ReplayError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
