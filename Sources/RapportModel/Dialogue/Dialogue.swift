/// A practice scenario (or a detour, or the safety response) as written in a
/// `Dialogues/*.yaml` file: states that say lines and move on according to what the
/// user's replies carry. The engine walks it; it holds no behaviour of its own.
public struct Dialogue: Sendable, Equatable {
    /// What the file is for. Only scenarios are listed in the menu.
    public enum Role: String, Sendable, CaseIterable {
        /// A practice the user picks.
        case scenario
        /// A side trip other dialogues can take (`detour:`), which ends with `end: return`.
        case detour
        /// What the engine says when a reply carries crisis language. Exactly one.
        case safety
    }

    public var id: String
    public var title: String
    public var summary: String
    public var role: Role
    public var start: String
    /// States by id, and the order they were written in (for listings and graphs).
    public var states: [String: DialogueState]
    public var stateOrder: [String]
    public var partner: PartnerModel?
    public var rubric: [RubricPart]
    /// What the scorecard warns about, quoting the user, with where each counts.
    public var watchedPitfalls: [WatchedPitfall]
    /// Concrete things to try next time, by rubric part or pitfall ("default" when all went well).
    public var tips: [String: [String]]
    /// Transitions checked before every state's own ("when they are flooded, offer a break").
    public var always: [Transition]
    /// Where it was loaded from, for diagnostics.
    public var file: String
    /// Where `start:` is written (for "start state does not exist").
    public var startLocation: SourceLocation
    /// Words that suggest this practice when typed at the menu ("apolog", "sorry").
    public var keywords: [String] = []
    /// Signal kinds in words typed at the menu that suggest it (less than a keyword does):
    /// "I hung up on my dad" owns an act, so it suggests an apology.
    public var suggestedBy: [SignalKind] = []

    /// The kinds the scorecard warns about.
    public var pitfalls: [SignalKind] { watchedPitfalls.map(\.kind) }

    public var orderedStates: [DialogueState] {
        stateOrder.compactMap { states[$0] }
    }

    /// The rubric's names for its parts, by kind ("acknowledgement" → "Owning what you did"),
    /// and the plain names of its pitfalls ("agreement" → "giving in when they pushed",
    /// "label" → "labels").
    public var partNames: [String: String] {
        let pitfalls = watchedPitfalls.compactMap { pitfall in pitfall.plainName.map { (pitfall.kind.rawValue, $0) } }
        return Dictionary(rubric.map { ($0.part.rawValue, $0.name) } + pitfalls, uniquingKeysWith: { first, _ in first })
    }
}

/// One step of a dialogue.
public struct DialogueState: Sendable, Equatable {
    public var id: String
    /// Lines said on entering the state, in order.
    public var say: [SpokenLine]
    /// Variants of a nudge for `/hint`.
    public var hint: [String]
    /// Keeps the user's reply (or the part of it asked for) in a slot, for `{name}` in later lines.
    public var capture: Capture?
    /// Whether the signals of replies here count towards the rubric ("said so far").
    public var collect: Bool
    /// Moves on without waiting for a reply.
    public var next: String?
    /// Checked in order against each reply; the first whose condition holds is taken.
    public var on: [Transition]
    /// Taken when no transition's condition holds. Without it, the state repeats.
    public var otherwise: Transition?
    /// After this many replies in the state without leaving it, move on.
    public var giveUp: GiveUp?
    /// Makes the state terminal.
    public var end: Outcome?
    public var location: SourceLocation
    /// Checked on entering, before the state says anything: the first that holds is taken
    /// instead, so a question already answered is not asked ("who is it for?" after "my dad").
    public var skip: [Transition] = []
    /// Whether Enter on its own counts as a reply here ("press Enter when you're ready").
    public var acceptsEmpty = false
}

/// A move from one state to another, with what is said on the way.
public struct Transition: Sendable, Equatable {
    public var when: Condition
    public var say: [SpokenLine]
    /// The state to go to; nil means stay (or, for a detour, come back here).
    public var go: String?
    /// A detour dialogue to visit first; it returns to `go` (or to this state).
    public var detour: String?
    /// Taken at most once in a session (an offer is not repeated).
    public var once: Bool
    public var location: SourceLocation
    /// Rubric parts this transition acknowledges: taking it credits them on the scorecard.
    /// A line that praises a part belongs to a transition that credits it.
    public var credits: [SignalKind] = []
    /// Rubric parts the reply took back ("what more do you want" after staying open): their
    /// credit is removed until a later reply earns it again.
    public var undoes: [SignalKind] = []
    /// Handle the same reply again in the state this goes to: a reply that answers the
    /// next question early ("I'm sorry I yelled" when asked who it is for) is not lost.
    public var reread = false
    /// Whether the reply counts: false when the coach asks for it again from the top ("that
    /// came out as defending, start again"), so the parts it carried are not kept as said
    /// or credited, and the next reply does not complete them ("fine, sorry, ok?" is not the
    /// sorry of a later "that has all three parts"). Its pitfalls still count.
    public var counts = true

    public init(when: Condition, say: [SpokenLine], go: String?, detour: String?, once: Bool = false, location: SourceLocation,
                credits: [SignalKind] = [], undoes: [SignalKind] = [], reread: Bool = false, counts: Bool = true) {
        self.when = when
        self.say = say
        self.go = go
        self.detour = detour
        self.once = once
        self.location = location
        self.credits = credits
        self.undoes = undoes
        self.reread = reread
        self.counts = counts
    }
}

public struct GiveUp: Sendable, Equatable {
    public var after: Int
    public var say: [SpokenLine]
    public var go: String
    public var location: SourceLocation
}

/// Who speaks a line.
public enum Speaker: String, Sendable, Codable, CaseIterable {
    case coach
    case partner
    case user
}

/// A line with variants (one is chosen by the seeded random source), said by the coach or
/// the role-played partner, optionally only when a condition holds.
public struct SpokenLine: Sendable, Equatable {
    public var speaker: Speaker
    public var variants: [String]
    public var when: Condition?
    public var location: SourceLocation
    /// What the line asks the user for ("What would help?" asks for a request). It is not
    /// said right after a reply that carried it: nobody asks for what they were just given.
    public var asks: [SignalKind] = []
    /// How a partner line sounds. Saying it brings the partner's openness into that band,
    /// so the meter agrees with the words.
    public var mood: Mood?

    public init(speaker: Speaker, variants: [String], when: Condition?, location: SourceLocation,
                asks: [SignalKind] = [], mood: Mood? = nil) {
        self.speaker = speaker
        self.variants = variants
        self.when = when
        self.location = location
        self.asks = asks
        self.mood = mood
    }
}

/// The role-played other person: how open they start, how replies move them, and what
/// hurtful things they remember.
public struct PartnerModel: Sendable, Equatable {
    public var name: String
    /// 0 (shut down) to 100 (fully open).
    public var openness: Int
    /// How each kind in the user's reply moves openness (+ softens, − hardens).
    public var moves: [SignalKind: Int]
    /// Kinds the partner remembers and can bring up later ("You called me lazy earlier").
    public var remembers: [SignalKind]
}

/// A part of what the scenario asks for, counted as met when a reply carried it (in the
/// states where it counts) or when a transition credited it.
public struct RubricPart: Sendable, Equatable {
    public var part: SignalKind
    public var name: String
    /// The easiest difficulty that asks for it.
    public var from: Difficulty
    /// The states whose replies count for it; empty means every collecting state. "Staying
    /// open when they tested it" counts only where they test it.
    public var states: [String] = []

    public init(part: SignalKind, name: String, from: Difficulty, states: [String] = []) {
        self.part = part
        self.name = name
        self.from = from
        self.states = states
    }
}

/// A pitfall the scorecard warns about, quoting the user's words.
public struct WatchedPitfall: Sendable, Equatable {
    public var kind: SignalKind
    /// How the card names it ("giving in when they pushed"); when nil, the shared plain
    /// name (`PitfallNames`).
    public var name: String?
    /// The states whose replies count for it; empty means every collecting state.
    public var states: [String] = []

    public init(kind: SignalKind, name: String? = nil, states: [String] = []) {
        self.kind = kind
        self.name = name
        self.states = states
    }
}

/// How hard the partner and the scorecard are.
public enum Difficulty: String, Sendable, CaseIterable, Comparable, Codable {
    case gentle
    case realistic
    case tough

    public static func < (lhs: Difficulty, rhs: Difficulty) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a session ended (SPEC.md's outcomes, plus `return` for the end of a detour).
public enum Outcome: String, Sendable, Codable, CaseIterable {
    case completed
    case quit
    case abandoned
    case interrupted
    case safetyStop = "safety-stop"
    /// Only in detours: go back to where the detour started.
    case `return`
}

/// A place in a file a person wrote.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public func diagnostic(_ message: String, severity: Diagnostic.Severity = .error) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: severity, message: message)
    }
}
