/// The compiled rules, indexed by the words that can trigger them, and the evaluation
/// of a line: match, check guards, cancel, keep the best span per kind.
struct RuleSet: Sendable {
    let rules: [Rule]
    /// Rules to try when a word occurs in the line, by lexicon id. Rules are sorted by pass.
    private let triggers: [Int32: [Int]]

    init(rules: [Rule], concepts: ConceptTable) {
        let sorted = rules.enumerated().sorted { ($0.element.pass, $0.offset) < ($1.element.pass, $1.offset) }.map(\.element)
        self.rules = sorted
        var triggers: [Int32: [Int]] = [:]
        for (index, rule) in sorted.enumerated() {
            for word in RuleSet.triggerWords(of: rule.pattern, concepts: concepts) {
                triggers[word, default: []].append(index)
            }
        }
        self.triggers = triggers
    }

    /// The words one of which must occur for the pattern to match: those of its first
    /// element that always takes a token.
    static func triggerWords(of pattern: [PatternElement], concepts: ConceptTable) -> [Int32] {
        for element in pattern where element.consumesTokens {
            if let words = words(of: element, concepts: concepts) { return words }
        }
        return []
    }

    private static func words(of element: PatternElement, concepts: ConceptTable) -> [Int32]? {
        switch element {
        case .word(let word): return [word]
        case .concept(let concept): return concepts.firstWords(of: concept)
        case .sequence(let items):
            return items.first.flatMap { words(of: $0, concepts: concepts) }
        case .choice(let alternatives):
            var all: [Int32] = []
            for alternative in alternatives {
                guard let words = words(of: alternative, concepts: concepts) else { return nil }
                all += words
            }
            return all
        default: return nil
        }
    }

    private struct Found {
        var kind: SignalKind
        var range: Range<Int>
        var rule: Int
    }

    func signals(in line: LineView, concepts: ConceptTable, grammar: GrammarConcepts) -> [Signal] {
        var candidates: [Int] = []
        for token in line.tokens where token.word >= 0 {
            if let list = triggers[token.word] { candidates += list }
        }
        guard !candidates.isEmpty else { return [] }
        candidates.sort()

        let matcher = PatternMatcher(line: line, concepts: concepts)
        var found: [Found] = []
        var cancelled: [(kinds: [SignalKind], range: Range<Int>)] = []
        var previous = -1
        var currentPass = rules[candidates[0]].pass
        for index in candidates where index != previous {
            previous = index
            let rule = rules[index]
            if rule.pass != currentPass {
                applyCancellations(cancelled, to: &found)
                currentPass = rule.pass
            }
            var start = 0
            while start < line.tokens.count {
                guard let match = matcher.match(rule.pattern, at: start), match.end > match.start,
                      guardsHold(rule.guards, match, line, found, concepts, grammar)
                else {
                    start += 1
                    continue
                }
                for kind in rule.kinds { found.append(Found(kind: kind, range: match.span, rule: index)) }
                if !rule.cancels.isEmpty { cancelled.append((rule.cancels, match.start..<match.end)) }
                start = max(match.end, start + 1)
            }
        }
        applyCancellations(cancelled, to: &found)
        return signals(from: found, line: line)
    }

    private func applyCancellations(_ cancelled: [(kinds: [SignalKind], range: Range<Int>)], to found: inout [Found]) {
        guard !cancelled.isEmpty else { return }
        found.removeAll { item in
            cancelled.contains { $0.kinds.contains(item.kind) && $0.range.overlaps(item.range) }
        }
    }

    /// One signal per kind and stretch of text: overlapping finds of a kind keep the longest.
    private func signals(from found: [Found], line: LineView) -> [Signal] {
        var kept: [Found] = []
        for item in found.sorted(by: { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }) {
            if !kept.contains(where: { $0.kind == item.kind && $0.range.overlaps(item.range) }) {
                kept.append(item)
            }
        }
        return kept.map { item -> Signal in
            let (text, start, end) = line.text(of: item.range)
            let rule = rules[item.rule]
            return Signal(kind: item.kind, text: text, start: start, end: end, rule: "\(rule.file):\(rule.line)")
        }
        .sorted { ($0.start, $0.kind) < ($1.start, $1.kind) }
    }

    private func guardsHold(_ guards: [RuleGuard], _ match: PatternMatcher.Match, _ line: LineView,
                            _ found: [Found], _ concepts: ConceptTable, _ grammar: GrammarConcepts) -> Bool {
        for check in guards {
            switch check {
            case .unnegated:
                if line.isNegated(at: match.start, concepts: concepts, grammar: grammar) { return false }
                for gap in match.gaps {
                    for index in gap where concepts.contains(grammar.negator, word: line.tokens[index].word) { return false }
                }
            case .own:
                if match.span.contains(where: { line.isReported[$0] }) { return false }
            case .statement:
                if line.sentenceIsQuestion[line.sentenceOf[match.start]] { return false }
            case .question:
                if !line.sentenceIsQuestion[line.sentenceOf[match.start]] { return false }
            case .real:
                if line.isHypothetical(at: match.start, concepts: concepts, grammar: grammar) { return false }
            case .after(let kinds):
                if !found.contains(where: { kinds.contains($0.kind) && $0.range.upperBound <= match.start }) { return false }
            case .with(let kinds):
                if !found.contains(where: { kinds.contains($0.kind) }) { return false }
            case .without(let kinds):
                if found.contains(where: { kinds.contains($0.kind) }) { return false }
            case .lineHas(let concept):
                if !line.contains(concept, in: 0..<line.tokens.count, concepts: concepts) { return false }
            case .lineLacks(let concept):
                if line.contains(concept, in: 0..<line.tokens.count, concepts: concepts) { return false }
            case .sentenceHas(let concept):
                if !line.contains(concept, in: line.sentences[line.sentenceOf[match.start]], concepts: concepts) { return false }
            case .sentenceLacks(let concept):
                if line.contains(concept, in: line.sentences[line.sentenceOf[match.start]], concepts: concepts) { return false }
            }
        }
        return true
    }
}
