/// Matches compiled patterns against one line, with backtracking: optional steps are tried
/// first, gaps as short as possible (`...*` as long as possible), concepts longest first.
/// It reads the line through flat arrays and keeps its state in plain values, so the hot
/// loop does no reference counting.
struct PatternMatcher {
    struct Match {
        var start: Int
        var end: Int
        var spanStart: Int
        var spanEnd: Int
        /// Tokens the inner gaps (`...` with more pattern after them) passed over, which a
        /// negation guard must look into.
        var gaps: [Range<Int>]

        /// The reported part: between `<` and `>` when given, else the whole match.
        var span: Range<Int> {
            let lower = spanStart >= 0 ? spanStart : start
            let upper = spanEnd >= 0 ? spanEnd : end
            return lower < upper ? lower..<upper : start..<end
        }
    }

    /// Up to eight ways a step can take tokens, longest first.
    private struct Lengths {
        var count = 0
        var values: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)

        mutating func add(_ length: Int) {
            guard count < 8 else { return }
            withUnsafeMutableBytes(of: &values) { $0.storeBytes(of: length, toByteOffset: count * MemoryLayout<Int>.stride, as: Int.self) }
            count += 1
        }

        func value(_ index: Int) -> Int {
            withUnsafeBytes(of: values) { $0.load(fromByteOffset: index * MemoryLayout<Int>.stride, as: Int.self) }
        }
    }

    private let words: UnsafeBufferPointer<Int32>
    private let marks: UnsafeBufferPointer<UInt8>
    private let clauseStarts: UnsafeBufferPointer<Bool>
    private let breaks: UnsafeBufferPointer<Bool>
    private let concepts: ConceptTable
    private let count: Int
    private var ops: UnsafeBufferPointer<CompiledPattern.Op>
    private var parts: UnsafeBufferPointer<CompiledPattern.Op>
    private var spanStart = -1
    private var spanEnd = -1
    private var end = 0
    private var gaps: [Range<Int>] = []

    /// The buffers must outlive the matcher; `RuleSet` makes it inside `withUnsafeBufferPointer`.
    init(words: UnsafeBufferPointer<Int32>, marks: UnsafeBufferPointer<UInt8>, clauseStarts: UnsafeBufferPointer<Bool>,
         breaks: UnsafeBufferPointer<Bool>, concepts: ConceptTable) {
        self.words = words
        self.marks = marks
        self.clauseStarts = clauseStarts
        self.breaks = breaks
        self.concepts = concepts
        count = words.count
        ops = UnsafeBufferPointer(start: nil, count: 0)
        parts = UnsafeBufferPointer(start: nil, count: 0)
        gaps.reserveCapacity(8)
    }

    mutating func match(_ pattern: UnsafeBufferPointer<CompiledPattern.Op>, parts: UnsafeBufferPointer<CompiledPattern.Op>, at start: Int) -> Match? {
        ops = pattern
        self.parts = parts
        spanStart = -1
        spanEnd = -1
        gaps.removeAll(keepingCapacity: true)
        guard step(0, start) else { return nil }
        return Match(start: start, end: end, spanStart: spanStart, spanEnd: spanEnd, gaps: gaps)
    }

    /// Whether the consuming step `op` can take some tokens at `position` (the test the
    /// matcher makes when it reaches the step there).
    mutating func canTake(_ op: CompiledPattern.Op, parts: UnsafeBufferPointer<CompiledPattern.Op>, at position: Int) -> Bool {
        self.parts = parts
        var lengths = Lengths()
        collect(op, at: position, into: &lengths)
        return lengths.count > 0
    }

    private mutating func step(_ index: Int, _ position: Int) -> Bool {
        if index == ops.count {
            end = position
            return true
        }
        let op = ops[index]
        switch op.code {
        case .gap:
            // Words up to the next punctuation or joining word ("but", "because").
            var available = 0
            let maximum = Int(op.a)
            while available < maximum, position + available < count, marks[position + available] == 0, !breaks[position + available] {
                available += 1
            }
            let greedy = maximum == PatternParser.clauseGapLimit
            for offset in 0...available {
                let length = greedy ? available - offset : offset
                if op.trailing {
                    if step(index + 1, position + length) { return true }
                    continue
                }
                gaps.append(position..<(position + length))
                if step(index + 1, position + length) { return true }
                gaps.removeLast()
            }
            return false
        case .clauseStart:
            return position < count && clauseStarts[position] && step(index + 1, position)
        case .clauseEnd:
            // The end of the line, a punctuation mark, or a joining word ("… cut but tonight").
            return (position == count || marks[position] != 0 || breaks[position]) && step(index + 1, position)
        case .spanStart:
            let saved = spanStart
            spanStart = position
            if step(index + 1, position) { return true }
            spanStart = saved
            return false
        case .spanEnd:
            let saved = spanEnd
            spanEnd = position
            if step(index + 1, position) { return true }
            spanEnd = saved
            return false
        default:
            var lengths = Lengths()
            collect(op, at: position, into: &lengths)
            if op.negated {
                return lengths.count == 0 && step(index + 1, position)
            }
            for which in 0..<lengths.count where step(index + 1, position + lengths.value(which)) {
                return true
            }
            return op.optional && step(index + 1, position)
        }
    }

    /// The numbers of tokens a consuming step can take at `position`, longest first.
    private func collect(_ op: CompiledPattern.Op, at position: Int, into lengths: inout Lengths) {
        guard position < count else { return }
        switch op.code {
        case .word:
            if words[position] == op.a { lengths.add(1) }
        case .punctuation:
            if marks[position] == UInt8(truncatingIfNeeded: op.a) { lengths.add(1) }
        case .concept:
            concepts.collectLengths(Int(op.a), words: words, at: position) { lengths.add($0) }
        case .choice:
            for offset in 0..<Int(op.b) {
                collect(parts[Int(op.a) + offset], at: position, into: &lengths)
            }
        case .sequence:
            collectSequence(item: Int(op.a), last: Int(op.a + op.b), at: position, taken: 0, into: &lengths)
        default:
            break
        }
    }

    private func collectSequence(item: Int, last: Int, at position: Int, taken: Int, into lengths: inout Lengths) {
        guard item < last else {
            lengths.add(taken)
            return
        }
        var here = Lengths()
        collect(parts[item], at: position, into: &here)
        for which in 0..<here.count {
            let length = here.value(which)
            collectSequence(item: item + 1, last: last, at: position + length, taken: taken + length, into: &lengths)
        }
    }
}
