/// The compiled rules, indexed by the words that can trigger them, and the evaluation
/// of a line: match, check guards, cancel, keep the best span per kind.
struct RuleSet: Sendable {
    let rules: [Rule]
    let compiled: [CompiledPattern]
    /// Rules to try when a word occurs in the line: for word id `w`, the rule numbers in
    /// `triggerRules[triggerStart[w]..<triggerStart[w + 1]]`. One flat array, so looking up a
    /// word touches one place in memory. Rules are sorted by pass.
    let triggerStart: [Int32]
    let triggerRules: [Int32]
    /// Every rule's quick-test requirements (see `CompiledPattern.requirements`), one after
    /// another: rule `r`'s are `requirements[requirementStart[r]..<requirementStart[r + 1]]`.
    let requirementStart: [Int32]
    let requirements: [Int32]

    /// The tables as a snapshot holds them, built when the binary was: `rules` already in
    /// pass order, one compiled pattern each. `isConsistent` checks them before use.
    init(sorted rules: [Rule], compiled: [CompiledPattern], triggerStart: [Int32], triggerRules: [Int32],
         requirementStart: [Int32], requirements: [Int32]) {
        self.rules = rules
        self.compiled = compiled
        self.triggerStart = triggerStart
        self.triggerRules = triggerRules
        self.requirementStart = requirementStart
        self.requirements = requirements
    }

    /// Whether every number in the tables points inside them, the lexicon and the concepts,
    /// so that a damaged snapshot is an error, never a crash.
    func isConsistent(wordCount: Int, conceptCount: Int) -> Bool {
        let count = Int32(rules.count)
        guard compiled.count == rules.count, triggerStart.count == wordCount + 1, triggerStart.first == 0,
              triggerStart.last.map(Int.init) == triggerRules.count, zip(triggerStart, triggerStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              triggerRules.allSatisfy({ $0 >= 0 && $0 < count }),
              requirementStart.count == rules.count + 1, requirementStart.first == 0,
              requirementStart.last.map(Int.init) == requirements.count, zip(requirementStart, requirementStart.dropFirst()).allSatisfy({ $0 <= $1 }),
              requirements.allSatisfy({ $0 >= 0 || $0 == Int32.min || Int(-$0 - 1) < conceptCount })
        else { return false }
        return compiled.allSatisfy { $0.isConsistent(conceptCount: conceptCount) }
    }

    init(rules: [Rule], concepts: ConceptTable, wordCount: Int) {
        let sorted = rules.enumerated().sorted { ($0.element.pass, $0.offset) < ($1.element.pass, $1.offset) }.map { $0.element }
        self.rules = sorted
        let rank = concepts.index(of: "frequent").map { concept in
            Dictionary(concepts.orderedSingleWords(of: concept).enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: min)
        } ?? [:]
        var wordConcept: [Int32: Int] = [:]
        for (index, name) in concepts.names.enumerated() where name.hasPrefix("=") {
            if let word = concepts.orderedSingleWords(of: index).first { wordConcept[word] = index }
        }
        compiled = sorted.map { CompiledPattern($0.pattern, concepts: concepts, frequencyRank: rank, wordConcept: wordConcept) }
        var triggers: [[Int32]] = Array(repeating: [], count: wordCount)
        for (index, pattern) in compiled.enumerated() {
            for word in pattern.triggerWords(concepts: concepts) where Int(word) < wordCount {
                triggers[Int(word)].append(Int32(index))
            }
        }
        triggerStart = triggers.reduce(into: [0]) { starts, list in starts.append(starts.last! + Int32(list.count)) }
        triggerRules = triggers.flatMap { $0 }
        requirementStart = compiled.reduce(into: [0]) { starts, pattern in starts.append(starts.last! + Int32(pattern.requirements.count)) }
        requirements = compiled.flatMap { $0.requirements }
    }

    /// Whether everything rule `rule` requires occurs in the line (a quick test before matching).
    private func mayMatch(_ rule: Int, _ line: LineView, _ words: UnsafeBufferPointer<Int32>) -> Bool {
        requirements.withUnsafeBufferPointer { items in
            var present = false
            for index in Int(requirementStart[rule])..<Int(requirementStart[rule + 1]) {
                let item = items[index]
                if item == Int32.min {
                    if !present { return false }
                    present = false
                } else if !present {
                    present = item >= 0 ? words.contains(item) : line.hasConcept(Int(-item - 1))
                }
            }
            return true
        }
    }

    private struct Found {
        var kind: SignalKind
        var range: Range<Int>
        var rule: Int
        /// The whole stretch the rule matched, context included (`range` is the part reported).
        var match: Range<Int> = 0..<0
        /// Why a safety signal was made milder or added, for `--explain`.
        var note: String?
        /// A safety signal a negation governs (`Signal.negated`).
        var negated = false
    }

    func signals(in line: LineView, concepts: ConceptTable, grammar: GrammarConcepts) -> [Signal] {
        reading(of: line, concepts: concepts, grammar: grammar).signals
    }

    /// The signals, and the stretches a danger cancel cleared ("killing her with my bad
    /// jokes", "taking my tablets as prescribed"): what the rules read as no danger there,
    /// the weighed danger reading does not ask about either.
    func reading(of line: LineView, concepts: ConceptTable, grammar: GrammarConcepts) -> (signals: [Signal], cleared: [Range<Int>]) {
        // Each candidate is a rule and the position of its trigger word, packed into one
        // integer (rule in the high bits) so that sorting groups them by rule, in rule order.
        var candidates: [Int] = []
        // Per rule: 0 not yet tested, 1 may match, 2 cannot match this line.
        var verdict = [UInt8](repeating: 0, count: rules.count)
        line.words.withUnsafeBufferPointer { words in
        triggerStart.withUnsafeBufferPointer { starts in
        triggerRules.withUnsafeBufferPointer { triggered in
            for position in 0..<words.count {
                let word = Int(words[position])
                guard word >= 0 && word + 1 < starts.count else { continue }
                for slot in Int(starts[word])..<Int(starts[word + 1]) {
                    let rule = Int(triggered[slot])
                    if verdict[rule] == 0 { verdict[rule] = mayMatch(rule, line, words) ? 1 : 2 }
                    if verdict[rule] == 1 { candidates.append(rule << 20 | position) }
                }
            }
        }
        }
        }
        guard !candidates.isEmpty else { return ([], []) }
        candidates.sort()

        var found: [Found] = []
        var cancelled: [Cancel] = []
        rules.withUnsafeBufferPointer { rules in
        compiled.withUnsafeBufferPointer { compiled in
        line.words.withUnsafeBufferPointer { words in
        line.marks.withUnsafeBufferPointer { marks in
        line.isClauseStart.withUnsafeBufferPointer { starts in
        line.isBreak.withUnsafeBufferPointer { breaks in
            var matcher = PatternMatcher(words: words, marks: marks, clauseStarts: starts, breaks: breaks, concepts: concepts)
            var currentPass = rules[candidates[0] >> 20].pass
            var index = 0
            while index < candidates.count {
                let ruleIndex = candidates[index] >> 20
                if rules[ruleIndex].pass != currentPass {
                    applyCancellations(cancelled, to: &found)
                    currentPass = rules[ruleIndex].pass
                }
                let maxLead = compiled[ruleIndex].maxLead
                let trigger = compiled[ruleIndex].trigger
                // A pattern with no required step is indexed by an optional one: it may match
                // without it, so it is not tested here.
                let mustTake = trigger < compiled[ruleIndex].ops.count && compiled[ruleIndex].ops[trigger].consumes
                    && !compiled[ruleIndex].ops[trigger].optional && !compiled[ruleIndex].ops[trigger].negated
                compiled[ruleIndex].ops.withUnsafeBufferPointer { ops in
                compiled[ruleIndex].parts.withUnsafeBufferPointer { parts in
                    // Try starts just before each place the rule's trigger word occurs.
                    var nextStart = 0
                    while index < candidates.count && candidates[index] >> 20 == ruleIndex {
                        let triggerAt = candidates[index] & 0xFFFFF
                        index += 1
                        // Where the trigger step cannot take the word ("a" not followed by
                        // "mistake"), no start before it can match with its trigger here; a
                        // match whose trigger is elsewhere is tried from that place instead.
                        guard !mustTake || matcher.canTake(ops[trigger], parts: parts, at: triggerAt) else { continue }
                        var start = max(nextStart, triggerAt - maxLead)
                        while start <= triggerAt {
                            let match = matcher.match(ops, parts: parts, at: start)
                            guard let match, match.end > match.start,
                                  guardsHold(rules[ruleIndex].guards, match, line, found, concepts, grammar)
                            else {
                                start += 1
                                continue
                            }
                            for kind in rules[ruleIndex].kinds {
                                found.append(Found(kind: kind, range: match.span, rule: ruleIndex, match: match.start..<match.end))
                            }
                            if !rules[ruleIndex].cancels.isEmpty {
                                cancelled.append(Cancel(kinds: rules[ruleIndex].cancels, range: match.start..<match.end, rule: ruleIndex))
                            }
                            start = max(match.end, start + 1)
                        }
                        nextStart = max(nextStart, start)
                    }
                }
                }
            }
        }
        }
        }
        }
        }
        }
        applyCancellations(cancelled, to: &found)
        settleSafety(&found, line, concepts, grammar)
        let cleared = cancelled.filter { $0.kinds.contains(.crisis) || $0.kinds.contains(.risk) }.map(\.range)
        return (signals(from: found, line: line), cleared)
    }

    /// The two safety tiers (SPEC.md, Safety). Negation never cancels danger: a crisis with a
    /// negation before it ("I'd never hurt myself") is asked about instead, and so is one whose
    /// sentence says it may be a joke ("lol", "haha"), since dark humour is how many people say
    /// it, one said of the past ("I used to…", "two years clean"), being hurt said of care or
    /// treatment ("looking for a vein"), wanting to die said as what something makes them feel
    /// ("it makes me want to die"), and harm to someone else said as a wish ("I want to
    /// smash his face in"; never a wish to die). Two distress cues in a line make it a risk.
    /// A line is crisis or risk, never both.
    private func settleSafety(_ found: inout [Found], _ line: LineView, _ concepts: ConceptTable, _ grammar: GrammarConcepts) {
        guard found.contains(where: { $0.kind == .crisis || $0.kind == .distress }) else { return }
        func marker(at position: Int) -> String? {
            let range = line.sentences[line.sentenceOf[position]]
            // "I'm not joking" says it is meant.
            if line.contains(grammar.seriousMarker, in: range, concepts: concepts) { return nil }
            for index in range where !line.tokens[index].isPunctuation && concepts.matches(grammar.figureMarker, in: line.tokens, at: index) {
                return line.text(of: index..<(index + 1)).text
            }
            return nil
        }
        func isPast(_ position: Int) -> Bool {
            line.contains(grammar.pastMarker, in: line.sentences[line.sentenceOf[position]], concepts: concepts)
        }
        // A wish-lead ending right before `position` ("want to | smash his face in").
        func isWish(before position: Int) -> Bool {
            (max(0, position - 4)..<position).contains { lead in
                concepts.forEachMatch(grammar.wishLead, in: line.tokens, at: lead) { length in lead + length == position }
            }
        }
        for index in found.indices where found[index].kind == .crisis || found[index].kind == .risk {
            found[index].negated = line.isNegated(at: found[index].range.lowerBound, concepts: concepts, grammar: grammar)
        }
        for index in found.indices where found[index].kind == .crisis {
            let start = found[index].range.lowerBound
            if let word = marker(at: start) {
                found[index].kind = .risk
                found[index].note = "asked about, not stopped: \"\(word)\" may mean it is not meant literally"
            } else if found[index].negated {
                found[index].kind = .risk
                found[index].note = "asked about, not stopped: a negation comes before it, and negation never cancels danger"
            } else if isPast(start) {
                found[index].kind = .risk
                found[index].note = "asked about, not stopped: it may be in the past (\"used to\", \"years ago\")"
            } else if rules[found[index].rule].about == .beingHurt,
                      line.contains(grammar.careMarker, in: line.sentences[line.sentenceOf[start]], concepts: concepts) {
                found[index].kind = .risk
                found[index].note = "asked about, not stopped: it may be about care or treatment (\"vein\", \"massage\")"
            } else if rules[found[index].rule].about == .selfHarm, start >= 2,
                      concepts.contains(grammar.causative, word: line.tokens[start - 2].word),
                      concepts.contains(grammar.firstPerson, word: line.tokens[start - 1].word) {
                found[index].kind = .risk
                found[index].note = "asked about, not stopped: said of what something makes them feel (\"it makes me want to…\"), which may be a figure of speech"
            } else if rules[found[index].rule].about == .harmingOthers, isWish(before: start) {
                found[index].kind = .risk
                found[index].note = "asked about, not stopped: a wish said in anger (\"want to\") may not be a plan"
            }
        }
        if !found.contains(where: { $0.kind == .crisis || $0.kind == .risk }) {
            var cues: [Found] = []
            for item in found where item.kind == .distress && !cues.contains(where: { $0.range.overlaps(item.range) }) {
                cues.append(item)
            }
            if cues.count >= 2 {
                let words = cues.prefix(3).map { "\"" + line.text(of: $0.range).text + "\"" }.joined(separator: ", ")
                found.append(Found(kind: .risk, range: cues[0].range, rule: cues[0].rule, note: "several signs of distress in one message: \(words)"))
            }
        }
        if found.contains(where: { $0.kind == .crisis }) {
            found.removeAll { $0.kind == .risk }
        }
    }

    /// A rule's `!kind` list, where it matched.
    private struct Cancel {
        var kinds: [SignalKind]
        var range: Range<Int>
        var rule: Int
    }

    /// Removes what the cancels cover. When two rules cancel each other ("sorry you…" is a
    /// non-apology, but "I'm sorry you had to field the call" is remorse), the one that
    /// matched the longer stretch read more of the line, and its finds stay.
    private func applyCancellations(_ cancelled: [Cancel], to found: inout [Found]) {
        guard !cancelled.isEmpty else { return }
        found.removeAll { item in
            cancelled.contains { cancel in
                guard cancel.kinds.contains(item.kind) && cancel.range.overlaps(item.range) else { return false }
                let mutual = rules[item.rule].cancels.contains { rules[cancel.rule].kinds.contains($0) }
                return !(mutual && item.match.count > cancel.range.count)
            }
        }
    }

    /// One signal per kind and stretch of text: overlapping finds of a kind keep the longest,
    /// except danger, whose overlapping finds join, so the coach can quote all of it.
    private func signals(from found: [Found], line: LineView) -> [Signal] {
        var kept: [Found] = []
        for item in found.sorted(by: { ($0.range.count, -$0.range.lowerBound) > ($1.range.count, -$1.range.lowerBound) }) {
            if let index = kept.firstIndex(where: { $0.kind == item.kind && $0.range.overlaps(item.range) }) {
                if item.kind == .crisis || item.kind == .risk {
                    let joined = min(kept[index].range.lowerBound, item.range.lowerBound)..<max(kept[index].range.upperBound, item.range.upperBound)
                    kept[index].range = joined
                }
            } else {
                kept.append(item)
            }
        }
        return kept.map { item -> Signal in
            let (text, start, end) = line.text(of: item.range)
            let rule = rules[item.rule]
            let about = item.kind == .crisis || item.kind == .risk ? (rule.about ?? .selfHarm) : nil
            return Signal(kind: item.kind, text: text, start: start, end: end, rule: RuleLocation(file: rule.file, line: rule.line),
                          about: about, note: item.note, negated: item.negated)
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
                // Whose words they are is settled where the match starts: in "it would help if you
                // told me when…" the words after "told" are the speaker's request, not a report.
                if line.isReported[match.start] { return false }
            case .statement:
                if line.sentenceIsQuestion[line.sentenceOf[match.start]] { return false }
            case .question:
                if !line.sentenceIsQuestion[line.sentenceOf[match.start]] { return false }
            case .real:
                if line.isHypothetical(at: match.start, concepts: concepts, grammar: grammar) { return false }
            case .main:
                if line.isSubordinate(at: match.start, concepts: concepts, grammar: grammar) { return false }
            case .imperative:
                if !line.isImperative(at: match.start, concepts: concepts, grammar: grammar) { return false }
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
            case .partLacks(let concept):
                if line.contains(concept, in: line.part(of: match.start, concepts: concepts, grammar: grammar), concepts: concepts) { return false }
            case .by(let subjects):
                if !subjects.contains(line.subject(before: match.start, concepts: concepts, grammar: grammar)) { return false }
            }
        }
        return true
    }
}
