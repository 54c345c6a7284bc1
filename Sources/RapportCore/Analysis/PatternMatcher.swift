/// Matches rule patterns against one line, with backtracking: optional parts are tried
/// first, gaps as short as possible, concepts longest first. One matcher serves a whole line.
final class PatternMatcher {
    struct Match {
        var start: Int
        var end: Int
        var spanStart: Int?
        var spanEnd: Int?
        /// Tokens the gaps (`...`) passed over, which a negation guard must look into.
        var gaps: [Range<Int>]

        /// The reported part: between `<` and `>` when given, else the whole match.
        var span: Range<Int> {
            let lower = spanStart ?? start
            let upper = spanEnd ?? end
            return lower < upper ? lower..<upper : start..<end
        }
    }

    private var elements: [PatternElement] = []
    private let line: LineView
    private let concepts: ConceptTable
    private var spanStart: Int?
    private var spanEnd: Int?
    private var gaps: [Range<Int>] = []
    private var end = 0

    init(line: LineView, concepts: ConceptTable) {
        self.line = line
        self.concepts = concepts
    }

    func match(_ pattern: [PatternElement], at start: Int) -> Match? {
        elements = pattern
        spanStart = nil
        spanEnd = nil
        gaps.removeAll(keepingCapacity: true)
        guard step(0, start) else { return nil }
        return Match(start: start, end: end, spanStart: spanStart, spanEnd: spanEnd, gaps: gaps)
    }

    private func step(_ element: Int, _ position: Int) -> Bool {
        if element == elements.count {
            end = position
            return true
        }
        let tokens = line.tokens
        switch elements[element] {
        case .gap(let maximum):
            // Words up to the next punctuation, at most `maximum`.
            var available = 0
            while available < maximum, position + available < tokens.count, !tokens[position + available].isPunctuation {
                available += 1
            }
            // `...*` (the rest of the clause) takes as much as it can; `...N` as little.
            let lengths = maximum == PatternParser.clauseGapLimit ? Array((0...available).reversed()) : Array(0...available)
            for length in lengths {
                gaps.append(position..<(position + length))
                if step(element + 1, position + length) { return true }
                gaps.removeLast()
            }
            return false
        case .optional(let inner):
            if consume(inner, at: position, { step(element + 1, position + $0) }) { return true }
            return step(element + 1, position)
        case .clauseStart:
            return position < tokens.count && line.isClauseStart[position] && step(element + 1, position)
        case .clauseEnd:
            return (position == tokens.count || tokens[position].isPunctuation) && step(element + 1, position)
        case .spanStart:
            let saved = spanStart
            spanStart = position
            if step(element + 1, position) { return true }
            spanStart = saved
            return false
        case .spanEnd:
            let saved = spanEnd
            spanEnd = position
            if step(element + 1, position) { return true }
            spanEnd = saved
            return false
        case .notNext(let inner):
            if consume(inner, at: position, { _ in true }) { return false }
            return step(element + 1, position)
        case let consuming:
            return consume(consuming, at: position) { step(element + 1, position + $0) }
        }
    }

    private func consumeSequence(_ items: ArraySlice<PatternElement>, at position: Int, taken: Int, _ next: (Int) -> Bool) -> Bool {
        guard let first = items.first else { return next(taken) }
        return consume(first, at: position) { length in
            consumeSequence(items.dropFirst(), at: position + length, taken: taken + length, next)
        }
    }

    /// Calls `next` with each number of tokens `element` can take at `position`.
    private func consume(_ element: PatternElement, at position: Int, _ next: (Int) -> Bool) -> Bool {
        let tokens = line.tokens
        guard position < tokens.count else { return false }
        switch element {
        case .word(let word):
            return tokens[position].word == word && next(1)
        case .punctuation(let mark):
            return tokens[position].isPunctuation && tokens[position].text == mark && next(1)
        case .concept(let concept):
            return concepts.forEachMatch(concept, in: tokens, at: position, next)
        case .choice(let alternatives):
            for alternative in alternatives where consume(alternative, at: position, next) {
                return true
            }
            return false
        case .sequence(let items):
            return consumeSequence(items[...], at: position, taken: 0, next)
        default:
            return false
        }
    }
}
