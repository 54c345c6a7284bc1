/// The check every reply passes before a practice sees it (SPEC.md, Safety). `crisis`
/// stops. `risk` pauses and asks once; only a clear no carries on, and the same words are
/// not asked about again. Anything else, including leaving or silence, stops. No dialogue
/// file takes part in deciding this; `Dialogues/safety.yaml` only words it.
public struct SafetyNet: Sendable {
    /// A question waiting for its answer: the words that raised it, what they are about,
    /// and the words as the question quotes them (the whole phrase, not one cut off on
    /// "with": "hit me with a belt", not "hit me with").
    public struct CheckIn: Sendable, Equatable {
        public var words: String
        public var about: SafetyTopic
        public var quoted: String

        public init(words: String, about: SafetyTopic, quoted: String? = nil) {
            self.words = words
            self.about = about
            self.quoted = quoted ?? words
        }
    }

    /// What to do with a reply.
    public enum Step: Sendable, Equatable {
        /// Nothing in the reply: it goes to the practice.
        case pass
        /// Pause the practice and ask about these words.
        case ask(CheckIn)
        /// A clear no to the question: go back to exactly where the practice was.
        case carryOn
        /// Stop the exercise and point to help for this kind of danger.
        case stop(SafetyTopic)
    }

    public private(set) var pending: CheckIn?
    /// Words already asked about and answered with a clear no, as `key(of:)` gives them.
    public private(set) var cleared: Set<String>

    public init(cleared: Set<String> = []) {
        self.cleared = cleared
    }

    /// Screens one reply, with its signals. `quoting`: how a risk signal's words are quoted
    /// back (the same words are never asked about twice, however they were quoted).
    public mutating func screen(_ signals: [Signal], quoting: (Signal) -> String = { $0.text }) -> Step {
        if let asked = pending {
            pending = nil
            guard SafetyNet.isClearNo(signals) else { return .stop(asked.about) }
            cleared.insert(SafetyNet.key(of: asked.words))
            return .carryOn
        }
        if let crisis = signals.first(.crisis) {
            return .stop(crisis.about ?? .selfHarm)
        }
        // The longest of the words not yet cleared: "everyone would be better off without
        // me" says more than "whats the point" beside it.
        let open = signals.filter { $0.kind == .risk && !cleared.contains(SafetyNet.key(of: $0.text)) }
        if let risk = open.max(by: { $0.text.count < $1.text.count }) {
            let checkIn = CheckIn(words: risk.text, about: risk.about ?? .selfHarm, quoted: quoting(risk))
            pending = checkIn
            return .ask(checkIn)
        }
        return .pass
    }

    /// The session is ending, or leaving the practice, while a question waits: silence is
    /// not a no. Returns what to stop for, if anything was waiting.
    public mutating func leave() -> SafetyTopic? {
        defer { pending = nil }
        return pending?.about
    }

    /// "no", "nope, just embarrassed", "I'm fine": a no with nothing unsure or worrying in it.
    /// The question's words said back negated are part of the no ("no, nobody is hurting
    /// me", "no I'm not going to hurt myself"); "no... but I think about it a lot" is not.
    static func isClearNo(_ signals: [Signal]) -> Bool {
        let kinds = Set(signals.filter { !(($0.kind == .crisis || $0.kind == .risk) && $0.negated) }.map(\.kind))
        return kinds.contains(.answerNo) && kinds.isDisjoint(with: [.agreement, .unsure, .crisis, .risk, .distress])
    }

    /// The same words, however they were typed: lowercased letters and digits, single spaces.
    static func key(of words: String) -> String {
        var key = ""
        var space = false
        for character in words.lowercased() {
            if character.isLetter || character.isNumber {
                if space && !key.isEmpty { key.append(" ") }
                key.append(character)
                space = false
            } else {
                space = true
            }
        }
        return key
    }

    /// The variants chosen for each line of a safety state, with `{words}` filled in.
    static func lines(_ script: SafetyScript, _ state: String, words: String?, random: inout SeededRandom) -> [String] {
        script.lines(state).compactMap { variants in
            random.pick(variants).map { text in
                Template.render(text) { name in name == SafetyScript.wordsPlaceholder ? words.map(Conversation.quote) : nil }
            }
        }
    }
}
