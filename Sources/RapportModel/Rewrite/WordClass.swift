/// The rewriter's word classes, one per `~name` in `Vocabulary/rewrite/words.txt`. The
/// file says what each holds; the stages name the class they look for. A class is a bit in
/// each word's `starts` mask, so there may be at most 64.
enum WordClass: Int, CaseIterable, Sendable {
    case absolute, everyPeriod, never, everyTime, once, filler, evenKeeps, opener
    case vocative, tail, insultAdjective, mockName, excess, degree, label, state
    case kind, grievance, negativeAct, privateMatter, request, mindReading, feelingVerb, madeMeVerb
    case jab, verdict, comparison, speakerSide, joiner, joinerSkip, subject, clauseEnd
    case runOnVerb, speaker, other, person, timeOpener, aux, adverb, determiner
    case phraseEnd, notAVerb, anyWord, stop, actingLike, controlling, feeling, dangling
    case linking, plainVerb, rarePraise, asTyped, praise, allThings, allPlaces, wholeLoad, everyoneElse, permission, withdrawal
    case judgement, doesToMe
    /// Not in words.txt: the first words of kinds.txt's cues and of display.txt's entries,
    /// looked up the same way.
    case kindCue, display

    /// Its name in words.txt, in the order of the cases.
    private static let names = [
        "absolute", "every-period", "never", "every-time", "once", "filler",
        "even-keeps", "opener", "vocative", "tail", "insult-adj", "mock-name",
        "excess", "degree", "label", "state", "kind", "grievance",
        "negative-act", "private-matter", "request", "mind-reading", "feeling-verb", "made-me-verb",
        "jab", "verdict", "comparison", "speaker-side", "joiner", "joiner-skip",
        "subject", "clause-end", "run-on-verb", "speaker", "other", "person",
        "time-opener", "aux", "adverb", "determiner", "phrase-end", "not-a-verb",
        "any-word", "stop", "acting-like", "controlling", "feeling", "dangling",
        "linking", "plain-verb", "rare-praise", "as-typed", "praise", "all-things", "all-places", "whole-load", "everyone-else", "permission", "withdrawal", "judgement", "does-to-me", "kind-cue", "display",
    ]

    var name: String { WordClass.names[rawValue] }

    init?(name: String) {
        guard let index = WordClass.names.firstIndex(of: name) else { return nil }
        self.init(rawValue: index)
    }

    /// The classes filled from kinds.txt and display.txt, not from words.txt.
    static let builtFromOtherFiles: Set<WordClass> = [.kindCue, .display]

    /// The bit for this class in a word's `starts` mask.
    var bit: UInt64 { 1 << UInt64(rawValue) }
}
