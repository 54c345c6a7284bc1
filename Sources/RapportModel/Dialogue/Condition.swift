/// When a transition (or a conditional line) applies. Every part given must hold.
public struct Condition: Sendable, Equatable {
    /// The reply carries at least one of these kinds.
    public var any: [SignalKind] = []
    /// The reply carries all of these kinds.
    public var all: [SignalKind] = []
    /// The reply carries none of these kinds.
    public var none: [SignalKind] = []
    /// At least one of these has not been said yet in this session (collected replies).
    public var missing: [SignalKind] = []
    /// All of these have been said in this session.
    public var said: [SignalKind] = []
    /// The partner's openness is at least / below these values.
    public var opennessAtLeast: Int?
    public var opennessBelow: Int?
    /// The session's difficulty is one of these.
    public var difficulty: [Difficulty] = []
    /// The partner remembers a jab of one of these kinds.
    public var remembers: [SignalKind] = []
    /// At least this many replies have been given in the current state (this one included).
    public var triesAtLeast: Int?
    /// Whether the I-statement rewriter would change the reply (true) or keep it (false).
    public var rewrites: Bool?
    /// At least `countAtLeast` replies this session (this one included) carried one of
    /// `countOf`: "keeps escalating" is `count: {any: [contempt, label], at-least: 3}`.
    public var countOf: [SignalKind] = []
    public var countAtLeast: Int?
    /// These slots hold something the user said (a person named in the situation, a name).
    public var known: [String] = []
    /// These slots hold nothing the user said (yet).
    public var unknown: [String] = []
    /// Whether this state's capture took the reply (false: it answered something else,
    /// such as an opening line typed where a name was asked for).
    public var captured: Bool?
    /// Whether the reply asks something (it ends with a question mark).
    public var question: Bool?
    /// Whether the reply asks *them* something: a question that speaks to them ("is it hard
    /// for you?", "what do u think?"), not one about the practice ("how long is this gonna take?").
    public var asksThem: Bool?

    public init() {}

    /// Always true: an empty condition.
    public var isEmpty: Bool { self == Condition() }

    /// Every kind the condition names.
    public var kinds: [SignalKind] { any + all + none + missing + said + remembers + countOf }
}

/// What a condition is judged against.
public struct ConditionContext {
    public var reply: Set<SignalKind>
    public var said: Set<SignalKind>
    public var openness: Int?
    public var difficulty: Difficulty
    public var remembered: Set<SignalKind>
    public var tries: Int
    /// Whether the rewriter would change the reply (nil when there is no rewriter).
    public var rewrites: Bool?
    /// The kinds each reply of the session carried, oldest first (this one included).
    public var history: [Set<SignalKind>] = []
    /// Slots filled from the user's own words.
    public var known: Set<String> = []
    /// Whether the current state's capture took this reply (nil: it captures nothing).
    public var captured: Bool?
    /// Whether the reply ends with a question mark.
    public var isQuestion = false
    /// Whether a question in the reply speaks to them (names them: you, your, u, ur …).
    public var asksThem = false

    public init(reply: Set<SignalKind>, said: Set<SignalKind>, openness: Int?, difficulty: Difficulty,
                remembered: Set<SignalKind>, tries: Int, rewrites: Bool? = nil) {
        self.reply = reply
        self.said = said
        self.openness = openness
        self.difficulty = difficulty
        self.remembered = remembered
        self.tries = tries
        self.rewrites = rewrites
    }
}

extension Condition {
    public func holds(in context: ConditionContext) -> Bool {
        if !any.isEmpty && !any.contains(where: context.reply.contains) { return false }
        if !all.allSatisfy(context.reply.contains) { return false }
        if none.contains(where: context.reply.contains) { return false }
        if !missing.isEmpty && missing.allSatisfy(context.said.contains) { return false }
        if !said.allSatisfy(context.said.contains) { return false }
        if let floor = opennessAtLeast, (context.openness ?? 0) < floor { return false }
        if let ceiling = opennessBelow, (context.openness ?? 100) >= ceiling { return false }
        if !difficulty.isEmpty && !difficulty.contains(context.difficulty) { return false }
        if !remembers.isEmpty && !remembers.contains(where: context.remembered.contains) { return false }
        if let tries = triesAtLeast, context.tries < tries { return false }
        if let wanted = rewrites, context.rewrites != wanted { return false }
        if let floor = countAtLeast {
            let replies = context.history.count { !$0.isDisjoint(with: countOf) }
            if replies < floor { return false }
        }
        if !known.allSatisfy(context.known.contains) { return false }
        if unknown.contains(where: context.known.contains) { return false }
        if let wanted = captured, context.captured != wanted { return false }
        if let wanted = question, context.isQuestion != wanted { return false }
        if let wanted = asksThem, context.asksThem != wanted { return false }
        return true
    }

    /// A short description for graphs: "any: excuse, blame-shift; missing: remorse".
    public var summary: String {
        var parts: [String] = []
        func add(_ name: String, _ kinds: [SignalKind]) {
            if !kinds.isEmpty { parts.append("\(name): " + kinds.map(\.rawValue).joined(separator: ", ")) }
        }
        add("any", any)
        add("all", all)
        add("none", none)
        add("missing", missing)
        add("said", said)
        add("remembers", remembers)
        if let floor = opennessAtLeast { parts.append("openness ≥ \(floor)") }
        if let ceiling = opennessBelow { parts.append("openness < \(ceiling)") }
        if !difficulty.isEmpty { parts.append("difficulty: " + difficulty.map(\.rawValue).joined(separator: ", ")) }
        if let tries = triesAtLeast { parts.append("tries ≥ \(tries)") }
        if let wanted = rewrites { parts.append(wanted ? "would be rewritten" : "good as it is") }
        if let floor = countAtLeast {
            parts.append("\(floor)+ replies with " + countOf.map(\.rawValue).joined(separator: ", "))
        }
        if !known.isEmpty { parts.append("knows " + known.map { "{\($0)}" }.joined(separator: ", ")) }
        if !unknown.isEmpty { parts.append("does not know " + unknown.map { "{\($0)}" }.joined(separator: ", ")) }
        if let wanted = captured { parts.append(wanted ? "answered" : "answered something else") }
        if let wanted = question { parts.append(wanted ? "a question" : "not a question") }
        if let wanted = asksThem { parts.append(wanted ? "asks them" : "asks them nothing") }
        return parts.isEmpty ? "always" : parts.joined(separator: "; ")
    }
}
