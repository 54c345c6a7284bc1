import Foundation

/// A pattern flattened into plain values for fast matching: no indirect enums, no closures.
struct CompiledPattern: Sendable {
    enum Code: UInt8, Sendable {
        case word, concept, choice, sequence, punctuation
        case gap, clauseStart, clauseEnd, spanStart, spanEnd
    }

    /// One step. Consuming steps (word … punctuation) may be `optional` or `negated` (`!x`).
    struct Op: Sendable {
        var code: Code
        var optional = false
        var negated = false
        /// word id, concept index, punctuation byte, gap maximum, or the first alternative/item.
        var a: Int32 = 0
        /// For choices and sequences: how many alternatives/items.
        var b: Int32 = 0
        /// For gaps: nothing that takes a token follows, so the gap only stretches the span
        /// (and a negation inside it does not govern the match).
        var trailing = false

        var consumes: Bool { code.rawValue <= Code.punctuation.rawValue }
    }

    var ops: [Op] = []
    /// Alternatives of choices, and items of sequences, referenced by `a` and `b`.
    var parts: [Op] = []
    /// The first step that always takes a token: the words that can match it index the rule.
    var trigger: Int = 0
    /// How many tokens the steps before the trigger can take at most.
    var maxLead: Int = 0
    /// What must be somewhere in the line for the pattern to have a chance: for each
    /// required step, its alternatives, flattened. An alternative `n >= 0` is word `n`,
    /// `n < 0` any word of concept `-n - 1`; each step's list ends with `Int32.min`.
    var requirements: [Int32] = []

    /// A pattern as a snapshot holds it.
    init(ops: [Op], parts: [Op], trigger: Int, maxLead: Int, requirements: [Int32]) {
        self.ops = ops
        self.parts = parts
        self.trigger = trigger
        self.maxLead = maxLead
        self.requirements = requirements
    }

    /// Whether every step's numbers point inside the pattern and the concepts.
    func isConsistent(conceptCount: Int) -> Bool {
        func fits(_ op: Op) -> Bool {
            switch op.code {
            case .concept: return op.a >= 0 && Int(op.a) < conceptCount
            case .choice, .sequence: return op.a >= 0 && op.b >= 0 && Int(op.a) + Int(op.b) <= parts.count
            default: return true
            }
        }
        return !ops.isEmpty && trigger >= 0 && trigger < ops.count && maxLead >= 0 && ops.allSatisfy(fits) && parts.allSatisfy(fits)
    }

    /// `frequencyRank` gives, for words listed in `~frequent`, their place in that list
    /// (most frequent first). The trigger is the required step least likely to occur in a line.
    /// `wordConcept` maps words to their one-word concepts ("=sorry"), for the quick test.
    init(_ elements: [PatternElement], concepts: ConceptTable, frequencyRank: [Int32: Int], wordConcept: [Int32: Int]) {
        ops = elements.map { compile($0) }
        for index in ops.indices where ops[index].code == .gap {
            ops[index].trailing = !ops[(index + 1)...].contains { $0.consumes }
        }
        var best: (index: Int, chance: Double)?
        for (index, op) in ops.enumerated() where op.consumes && !op.optional && !op.negated && op.code != .punctuation {
            let chance = firstWords(of: op, concepts: concepts).reduce(0.0) { total, word in
                total + CompiledPattern.chanceInLine(word, rank: frequencyRank)
            }
            if best == nil || chance < best!.chance { best = (index, chance) }
        }
        trigger = best?.index ?? 0
        maxLead = ops[..<trigger].reduce(0) { total, op in
            total + CompiledPattern.maxLength(of: op, parts: parts, concepts: concepts)
        }
        for op in ops where op.consumes && !op.optional && !op.negated && op.code != .punctuation {
            let alternatives = requirementAlternatives(of: op, wordConcept: wordConcept)
            guard !alternatives.isEmpty else { continue }
            requirements += alternatives
            requirements.append(Int32.min)
        }
    }

    private func requirementAlternatives(of op: Op, wordConcept: [Int32: Int]) -> [Int32] {
        switch op.code {
        case .word: return wordConcept[op.a].map { [-Int32($0) - 1] } ?? [op.a]
        case .concept: return [-op.a - 1]
        case .choice: return (0..<Int(op.b)).flatMap { requirementAlternatives(of: parts[Int(op.a) + $0], wordConcept: wordConcept) }
        case .sequence: return op.b > 0 ? requirementAlternatives(of: parts[Int(op.a)], wordConcept: wordConcept) : []
        default: return []
        }
    }

    /// A rough chance that a line contains `word`, for choosing which word indexes a rule:
    /// Zipf-like by rank for the frequent words, small for the rest. Affects speed only.
    static func chanceInLine(_ word: Int32, rank: [Int32: Int]) -> Double {
        guard let place = rank[word] else { return 0.0005 }
        return 0.5 / pow(Double(place + 1), 0.8)
    }

    /// The words any of which must occur for the pattern to match.
    func triggerWords(concepts: ConceptTable) -> [Int32] {
        guard trigger < ops.count, ops[trigger].consumes else { return [] }
        return Array(Set(firstWords(of: ops[trigger], concepts: concepts)))
    }

    private func firstWords(of op: Op, concepts: ConceptTable) -> [Int32] {
        switch op.code {
        case .word: return [op.a]
        case .concept: return concepts.firstWords(of: Int(op.a))
        case .choice: return (0..<Int(op.b)).flatMap { firstWords(of: parts[Int(op.a) + $0], concepts: concepts) }
        case .sequence: return op.b > 0 ? firstWords(of: parts[Int(op.a)], concepts: concepts) : []
        default: return []
        }
    }

    private mutating func compile(_ element: PatternElement) -> Op {
        switch element {
        case .word(let word): return Op(code: .word, a: word)
        case .concept(let concept): return Op(code: .concept, a: Int32(concept))
        case .punctuation(let mark): return Op(code: .punctuation, a: Int32(mark.utf8.first ?? 0))
        case .gap(let maximum): return Op(code: .gap, a: Int32(maximum))
        case .clauseStart: return Op(code: .clauseStart)
        case .clauseEnd: return Op(code: .clauseEnd)
        case .spanStart: return Op(code: .spanStart)
        case .spanEnd: return Op(code: .spanEnd)
        case .optional(let inner):
            var op = compile(inner)
            op.optional = true
            return op
        case .notNext(let inner):
            var op = compile(inner)
            op.negated = true
            return op
        case .choice(let alternatives), .sequence(let alternatives):
            let compiled = alternatives.map { compile($0) }
            let start = parts.count
            parts += compiled
            let code: Code = if case .choice = element { .choice } else { .sequence }
            return Op(code: code, a: Int32(start), b: Int32(compiled.count))
        }
    }

    private static func maxLength(of op: Op, parts: [Op], concepts: ConceptTable) -> Int {
        switch op.code {
        case .word, .punctuation: return 1
        case .concept: return concepts.longestEntry(Int(op.a))
        case .gap: return Int(op.a)
        case .choice:
            return (0..<Int(op.b)).map { maxLength(of: parts[Int(op.a) + $0], parts: parts, concepts: concepts) }.max() ?? 0
        case .sequence:
            return (0..<Int(op.b)).reduce(0) { $0 + maxLength(of: parts[Int(op.a) + $1], parts: parts, concepts: concepts) }
        case .clauseStart, .clauseEnd, .spanStart, .spanEnd:
            return 0
        }
    }
}
