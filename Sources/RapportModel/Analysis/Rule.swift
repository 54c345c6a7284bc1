/// One line of a `Vocabulary/rules/*.rules` file: a pattern over normalised tokens, the
/// kinds it reports, the kinds it cancels where it matches, and the guards it must pass.
struct Rule: Sendable {
    var kinds: [SignalKind]
    /// Signals of these kinds overlapping this rule's match are removed ("sorry to bother
    /// you" is not remorse).
    var cancels: [SignalKind]
    /// Empty in a rule read from a snapshot: matching reads `RuleSet.compiled` instead.
    var pattern: [PatternElement]
    var guards: [RuleGuard]
    /// Where the rule was written, for diagnostics and `--explain`.
    var file: String
    var line: Int
    /// Rules run in passes: a rule that looks at other kinds runs after the rules that find them.
    var pass: Int = 0
    /// For safety rules: what the danger is about (from the file's last `@about` line).
    var about: SafetyTopic?
}

/// A piece of a pattern.
indirect enum PatternElement: Sendable, Equatable {
    /// One word, e.g. `sorry`.
    case word(Int32)
    /// Any entry of a concept, e.g. `~sorry` (an entry may be several words).
    case concept(Int)
    /// One of several elements, e.g. `[just only ~degree]`, or of several phrases,
    /// e.g. `[right away, first thing]`.
    case choice([PatternElement])
    /// Several words in a row: one phrase of a `[…, …]` choice.
    case sequence([PatternElement])
    /// The element or nothing, e.g. `really?`.
    case optional(PatternElement)
    /// Up to `max` words, never across punctuation: `...` (3), `...5`, `...*` (the clause).
    case gap(max: Int)
    /// A punctuation mark: `,` `?` `!` `.` `;` `:` `-`.
    case punctuation(String)
    /// `^`: the start of a clause (after punctuation, a joining word or a discourse marker).
    case clauseStart
    /// `$`: the end of a clause (punctuation or the end of the line next).
    case clauseEnd
    /// `<` and `>`: the part of the match to report; the whole match when absent.
    case spanStart
    case spanEnd
    /// `!x`: the next token is not `x` (takes no token).
    case notNext(PatternElement)

    /// Adds every word the element names, at any depth, to `words`.
    func collectLiteralWords(into words: inout Set<Int32>) {
        switch self {
        case .word(let word): words.insert(word)
        case .choice(let items), .sequence(let items): for item in items { item.collectLiteralWords(into: &words) }
        case .optional(let inner), .notNext(let inner): inner.collectLiteralWords(into: &words)
        default: break
        }
    }

    var consumesTokens: Bool {
        switch self {
        case .word, .concept, .choice, .sequence, .punctuation: return true
        case .optional, .gap, .clauseStart, .clauseEnd, .spanStart, .spanEnd, .notNext: return false
        }
    }
}

/// A condition on a match, written after `|`.
enum RuleGuard: Sendable, Equatable {
    /// `unnegated`: no negation governs the match ("I'm not sorry", "I don't think you're lazy").
    case unnegated
    /// `own`: the match is the speaker's own words, not reported or quoted speech.
    case own
    /// `statement` / `question`: the sentence's mood.
    case statement
    case question
    /// `real`: not inside an if-clause ("sorry if I upset you").
    case real
    /// `main`: not inside a clause that hangs off another ("when you're home late",
    /// "that you left"): an order or a claim is said in a main clause.
    case main
    /// `imperative`: the match is an order with no subject of its own: nothing before it in
    /// its sentence is a subject that carries over ("I'll leave early and text you" is not
    /// an order; "you're late again, text me next time" is).
    case imperative
    /// `after K…`: a signal of one of these kinds ends before the match starts.
    case after([SignalKind])
    /// `with K…` / `without K…`: the line has (or lacks) a signal of one of these kinds.
    case with([SignalKind])
    case without([SignalKind])
    /// `if ~c` / `unless ~c`: the line contains (or lacks) an entry of the concept.
    case lineHas(Int)
    case lineLacks(Int)
    /// `sentence-has ~c` / `sentence-lacks ~c`: the same, in the match's sentence only.
    case sentenceHas(Int)
    case sentenceLacks(Int)
    /// `part-lacks ~c`: the match's part of its sentence, between "but"s, lacks the concept
    /// ("you're great but | you always interrupt me": the praise is in the other part).
    case partLacks(Int)
    /// `by S…`: who does it. The nearest subject before the match, in its clause, is one of
    /// these (`self` also holds when the clause has none, as in texting: "cut again").
    case by([SubjectKind])

    /// The kinds this guard needs found first.
    var dependsOn: [SignalKind] {
        switch self {
        case .after(let kinds), .with(let kinds), .without(let kinds): return kinds
        default: return []
        }
    }
}
