/// A line's tokens with what the rules need to know about their structure: where clauses
/// and sentences start, which sentences are questions, and which words are reported speech.
struct LineView: Sendable {
    /// The line as typed, for cutting out signal texts.
    let line: String
    /// UTF-8 offset of each Unicode scalar, when the line is not plain ASCII (else empty).
    private let utf8Offsets: [Int]
    let tokens: [Token]
    /// Index of the sentence each token belongs to.
    private(set) var sentenceOf: [Int]
    /// Each sentence's token range.
    private(set) var sentences: [Range<Int>] = []
    private(set) var sentenceIsQuestion: [Bool] = []
    /// First token of the clause each token is in, for the reach of negation.
    private(set) var clauseStartOf: [Int]
    /// Whether a clause may be said to start at each token (the `^` of patterns).
    private(set) var isClauseStart: [Bool]
    /// Whether each token is inside quotes or someone else's reported words.
    private(set) var isReported: [Bool]
    /// Flat copies for the matcher: word ids, punctuation bytes (0 for words), joining words.
    private(set) var words: [Int32]
    private(set) var marks: [UInt8]
    private(set) var isBreak: [Bool]
    /// Bit set of the concepts the line's words belong to or begin (a quick prefilter).
    private(set) var conceptsPresent: [UInt64]

    init(line: String, scalarCount: Int, tokens: [Token], concepts: ConceptTable, grammar: GrammarConcepts) {
        self.line = line
        if line.utf8.count == scalarCount {
            utf8Offsets = []
        } else {
            var offsets: [Int] = []
            offsets.reserveCapacity(scalarCount + 1)
            var offset = 0
            for scalar in line.unicodeScalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            offsets.append(offset)
            utf8Offsets = offsets
        }
        self.tokens = tokens
        let count = tokens.count
        sentenceOf = Array(repeating: 0, count: count)
        clauseStartOf = Array(repeating: 0, count: count)
        isClauseStart = Array(repeating: false, count: count)
        isReported = Array(repeating: false, count: count)
        var words: [Int32] = []
        var marks: [UInt8] = []
        var isBreak: [Bool] = []
        words.reserveCapacity(count)
        marks.reserveCapacity(count)
        isBreak.reserveCapacity(count)
        var present = Array(repeating: UInt64(0), count: concepts.setStride)
        for token in tokens {
            words.append(token.word)
            marks.append(token.isPunctuation ? (token.text.utf8.first ?? 1) : 0)
            isBreak.append(concepts.contains(grammar.clauseBreak, word: token.word))
            concepts.addTouched(by: token.word, to: &present)
        }
        self.words = words
        self.marks = marks
        self.isBreak = isBreak
        conceptsPresent = present
        findSentences(concepts: concepts, grammar: grammar)
        findClauses(concepts: concepts, grammar: grammar)
        let quoteMarks = findReportedSpeech(concepts: concepts, grammar: grammar)
        joinPossessives(except: quoteMarks)
    }

    /// A possessive after a plural ("the kids' homework") is part of its word, so gaps in
    /// patterns run through it; an apostrophe that closes a quote is left as it is.
    private mutating func joinPossessives(except quoteMarks: Set<Int>) {
        for index in 1..<max(1, tokens.count) where marks[index] == 0x27 && !quoteMarks.contains(index) {
            let previous = tokens[index - 1]
            guard !previous.isPunctuation, previous.end == tokens[index].start, previous.text.hasSuffix("s") else { continue }
            marks[index] = 0
        }
    }

    private mutating func findSentences(concepts: ConceptTable, grammar: GrammarConcepts) {
        var start = 0
        for index in 0..<tokens.count {
            sentenceOf[index] = sentences.count
            let text = tokens[index].text
            let ends = tokens[index].isPunctuation && (text == "." || text == "!" || text == "?")
            let nextAlsoEnds = index + 1 < tokens.count && tokens[index + 1].isPunctuation
                && [".", "!", "?", "\"", "'", ")"].contains(tokens[index + 1].text)
            if ends && !nextAlsoEnds {
                sentences.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < tokens.count || sentences.isEmpty {
            sentences.append(start..<tokens.count)
        }
        for range in sentences {
            sentenceIsQuestion.append(isQuestion(range, concepts: concepts, grammar: grammar))
        }
    }

    private func isQuestion(_ range: Range<Int>, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        if range.contains(where: { tokens[$0].isPunctuation && tokens[$0].text == "?" }) { return true }
        for index in range where !tokens[index].isPunctuation {
            if concepts.contains(grammar.discourse, word: tokens[index].word) { continue }
            return concepts.contains(grammar.questionStart, word: tokens[index].word)
        }
        return false
    }

    private mutating func findClauses(concepts: ConceptTable, grammar: GrammarConcepts) {
        var clauseStart = 0
        var inSubordinate = false
        for index in 0..<tokens.count {
            guard index > 0 else {
                isClauseStart[0] = true
                inSubordinate = concepts.contains(grammar.subordinator, word: tokens[0].word)
                continue
            }
            let previous = tokens[index - 1]
            if previous.isPunctuation || concepts.contains(grammar.clauseBreak, word: previous.word) {
                clauseStart = index
                isClauseStart[index] = true
                // "When we're at dinner and you're on your phone | I feel lonely": an "and"
                // inside a when-clause carries it on.
                let carriesOn = inSubordinate && !previous.isPunctuation && concepts.contains(grammar.sameSubjectJoiner, word: previous.word)
                inSubordinate = carriesOn || concepts.contains(grammar.subordinator, word: tokens[index].word)
            } else if inSubordinate && index - clauseStart >= 3 && concepts.contains(grammar.mainSubject, word: tokens[index].word) {
                // The main clause after "When the money isn't paid back": its own negation scope.
                clauseStart = index
                isClauseStart[index] = true
                inSubordinate = false
            } else if concepts.contains(grammar.clauseOpener, word: previous.word) {
                isClauseStart[index] = true
            } else if index - clauseStart >= 3, concepts.contains(grammar.selfSubject, word: tokens[index].word),
                      !concepts.contains(grammar.determiner, word: previous.word),
                      !concepts.contains(grammar.preposition, word: previous.word),
                      !concepts.contains(grammar.reportingVerb, word: previous.word),
                      !concepts.contains(grammar.subordinateOpener, word: previous.word),
                      !(clauseStart..<index).contains(where: { concepts.contains(grammar.negator, word: tokens[$0].word) }) {
                // Run-on texting and voice notes: "sorry about last night | I feel terrible
                // about how I spoke". "I" is always a subject, so it starts a clause of its
                // own, unless the words before it lead into it ("the thing I said") or a
                // negation before it may reach it ("I'm not sure I'm sorry").
                clauseStart = index
                isClauseStart[index] = true
                inSubordinate = false
            } else if isClauseStart[index - 1] && concepts.contains(grammar.discourse, word: previous.word) {
                isClauseStart[index] = true
            }
            clauseStartOf[index] = clauseStart
        }
    }

    /// Marks reported speech; returns the positions of the quote marks that paired up.
    private mutating func findReportedSpeech(concepts: ConceptTable, grammar: GrammarConcepts) -> Set<Int> {
        var paired: Set<Int> = []
        // Words between paired quote marks.
        var openQuote: Int?
        for index in 0..<tokens.count where tokens[index].isPunctuation {
            let mark = tokens[index].text
            if mark == "\"" {
                if let open = openQuote {
                    if !quoteIsOwn(opening: open, concepts: concepts, grammar: grammar) { markReported(open + 1..<index) }
                    openQuote = nil
                } else {
                    openQuote = index
                }
            } else if mark == "'" {
                let touchesNext = index + 1 < tokens.count && tokens[index + 1].start == tokens[index].end && !tokens[index + 1].isPunctuation
                let touchesPrevious = index > 0 && tokens[index - 1].end == tokens[index].start
                if let open = openQuote, touchesPrevious, tokens[open].text == "'" {
                    if !quoteIsOwn(opening: open, concepts: concepts, grammar: grammar) { markReported(open + 1..<index) }
                    paired.formUnion([open, index])
                    openQuote = nil
                } else if openQuote == nil, touchesNext, !touchesPrevious {
                    openQuote = index
                }
            }
        }
        // What someone other than the speaker said: "she said you never listen".
        for index in 1..<max(1, tokens.count) where concepts.contains(grammar.reportingVerb, word: tokens[index].word) {
            var speaker = index - 1
            while speaker > 0 && (concepts.contains(grammar.discourse, word: tokens[speaker].word)
                                  || concepts.contains(grammar.speakerSkip, word: tokens[speaker].word)) {
                speaker -= 1
            }
            let subject = tokens[speaker]
            guard !subject.isPunctuation, !concepts.contains(grammar.firstPerson, word: subject.word) else { continue }
            var end = index + 1
            while end < tokens.count && !tokens[end].isPunctuation && !concepts.contains(grammar.clauseBreak, word: tokens[end].word) {
                end += 1
            }
            markReported(index + 1..<end)
        }
        return paired
    }

    /// Whether the quote opening at `open` holds the speaker's own words, said or to be said:
    /// "I said 'that's not true'", "ok I'd say 'I'm sorry…'", "I told him 'I feel hurt…'".
    /// Those are what the speaker brings to the practice, so they are read as their own.
    private func quoteIsOwn(opening open: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        var index = open - 1
        while index >= 0 && tokens[index].isPunctuation { index -= 1 }
        guard index >= 0 else { return false }
        // The verb, or the verb and whom it was said to ("told him", "said to her").
        var found: Int?
        for candidate in stride(from: index, through: max(0, index - 2), by: -1)
        where concepts.contains(grammar.reportingVerb, word: tokens[candidate].word) {
            found = candidate
            break
        }
        guard let verb = found else { return false }
        // "I", perhaps with "would", "just", "never" between: not "we say" (a saying) and not
        // "my mate said" ("mate" may be a word of address elsewhere, but here it is who spoke).
        var speaker = verb - 1
        while speaker > 0 && concepts.contains(grammar.speakerSkip, word: tokens[speaker].word) { speaker -= 1 }
        return speaker >= 0 && concepts.contains(grammar.selfSubject, word: tokens[speaker].word)
    }

    private mutating func markReported(_ range: Range<Int>) {
        for index in range { isReported[index] = true }
    }

    /// Whether some word of the line belongs to, or begins a phrase of, the concept.
    func hasConcept(_ concept: Int) -> Bool {
        conceptsPresent[concept / 64] & (1 << UInt64(concept % 64)) != 0
    }

    /// The text of tokens `range`, exactly as typed.
    func text(of range: Range<Int>) -> (text: String, start: Int, end: Int) {
        let start = tokens[range.lowerBound].start
        let end = tokens[range.upperBound - 1].end
        let bytes = line.utf8
        let lower = bytes.index(bytes.startIndex, offsetBy: utf8Offsets.isEmpty ? start : utf8Offsets[start])
        let upper = bytes.index(bytes.startIndex, offsetBy: utf8Offsets.isEmpty ? end : utf8Offsets[end])
        return (String(Substring(bytes[lower..<upper])), start, end)
    }

    /// Whether a negation earlier in the clause reaches `position`. A question word after
    /// the negation ends its reach: "I don't know why you…" does not negate "you…". A "no"
    /// that is an answer ("if I say no he'll hurt me") negates nothing.
    func isNegated(at position: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        guard position < tokens.count else { return false }
        var negated = false
        var index = clauseStartOf[position]
        while index < position {
            let word = tokens[index].word
            let answered = index > 0 && concepts.contains(grammar.answerVerb, word: tokens[index - 1].word)
            if concepts.contains(grammar.negator, word: word) && !answered {
                negated = true
            } else if negated && concepts.contains(grammar.whWord, word: word) {
                negated = false
            }
            index += 1
        }
        return negated
    }

    /// Who does what is said at `position`: the nearest subject word before it in its
    /// sentence, so a joined clause keeps its subject ("he shot up and started shoving me").
    /// "my mum" is a person, unless a preposition puts her in the object ("I shouted at my
    /// mum"); "it" and "this" are things. A noun after "the" or "my" that is not a person
    /// ("my phone", "a day") may just as well be an object, so it counts as the subject only
    /// when no person or "I" comes before it. With no subject at all (texting drops "I") it
    /// is the speaker.
    func subject(before position: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> SubjectKind {
        guard position > 0, position <= tokens.count else { return .self }
        let start = sentences[sentenceOf[min(position, tokens.count - 1)]].lowerBound
        var weakThing = false
        var index = position - 1
        while index >= start {
            defer { index -= 1 }
            guard !tokens[index].isPunctuation else { continue }
            let word = tokens[index].word
            // "it makes me want to die", "u make me want to kill myself": the one made to
            // does the wanting.
            if index > start, concepts.contains(grammar.causative, word: tokens[index - 1].word) {
                if concepts.contains(grammar.firstPerson, word: word) { return .self }
                if concepts.contains(grammar.youSubject, word: word) { return .you }
            }
            if concepts.contains(grammar.selfSubject, word: word) { return .self }
            if concepts.contains(grammar.youSubject, word: word) { return .you }
            if concepts.contains(grammar.thingSubject, word: word) { return .thing }
            if concepts.contains(grammar.personSubject, word: word) || concepts.contains(grammar.personNoun, word: word) {
                var before = index - 1
                while before >= start && concepts.contains(grammar.determiner, word: tokens[before].word) { before -= 1 }
                // "I shouted at my mum and …": a person after a preposition is an object, unless
                // the words in question follow at once ("about my husband choking me").
                // "… for my boyfriend to pin me down": the person does the verb after "to".
                if before >= start && concepts.contains(grammar.preposition, word: tokens[before].word) && index + 1 < position
                    && !(concepts.contains(grammar.infinitiveSubject, word: tokens[before].word) && tokens[index + 1].text == "to") { continue }
                return .person
            }
            // A name just before the words ("because Marco punched me") does them.
            if index + 2 >= position, isName(at: index, sentenceStart: start, concepts: concepts, grammar: grammar) { return .person }
            // "in the bath" is a place, not who does it.
            if index > start, concepts.contains(grammar.determiner, word: tokens[index - 1].word),
               !concepts.contains(grammar.determiner, word: word),
               !(index > start + 1 && concepts.contains(grammar.preposition, word: tokens[index - 2].word)) {
                weakThing = true
            }
        }
        return weakThing ? .thing : .self
    }

    /// Whether the word at `index` was typed as a name: a word the vocabulary does not know,
    /// typed with a capital then small letters, not first in its sentence and not after a
    /// determiner other than a "that" opening a clause ("then Dean throws me", "that Marco
    /// punched me", but not "my Xbox", "Im Dead inside" or "Id").
    /// `subject(before:)` takes it only right before the words, since a capital can as well
    /// be a place or a firm ("before University sends it").
    private func isName(at index: Int, sentenceStart: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        guard tokens[index].word == Lexicon.unknown, index > sentenceStart, !tokens[index - 1].isPunctuation,
              !concepts.contains(grammar.determiner, word: tokens[index - 1].word)
                || concepts.contains(grammar.clauseOpener, word: tokens[index - 1].word),
              tokens[index - 1].end < tokens[index].start,
              index + 1 == tokens.count || tokens[index + 1].start > tokens[index].start else { return false }
        let typed = text(of: index..<index + 1).text.unicodeScalars
        guard typed.count > 1, let first = typed.first, ("A"..."Z").contains(first) else { return false }
        return typed.dropFirst().allSatisfy { ("a"..."z").contains($0) }
    }

    /// Whether an entry of the concept occurs in the sentence that holds `position`.
    func sentenceHas(_ concept: Int, at position: Int, concepts: ConceptTable) -> Bool {
        guard position < tokens.count else { return false }
        return contains(concept, in: sentences[sentenceOf[position]], concepts: concepts)
    }

    /// The part of `position`'s sentence between the contrast words ("but", "though") on
    /// either side of it: "you're great but | you always interrupt me".
    func part(of position: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Range<Int> {
        guard position < tokens.count else { return position..<position }
        let sentence = sentences[sentenceOf[position]]
        var start = sentence.lowerBound
        var end = sentence.upperBound
        for index in sentence where concepts.contains(grammar.contrast, word: tokens[index].word) {
            if index < position { start = index + 1 } else if index > position { end = index; break }
        }
        return start..<end
    }

    /// Whether `position` is inside a clause that hangs off another, begun earlier in its
    /// clause by a word such as "when", "that" or "until".
    func isSubordinate(at position: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        guard position < tokens.count else { return false }
        var index = clauseStartOf[position]
        while index < position {
            if concepts.contains(grammar.subordinateOpener, word: tokens[index].word) { return true }
            index += 1
        }
        return false
    }

    /// Whether what starts at `position` has no subject of its own, as an order has. Walking
    /// back through its sentence, a subject word reached before any punctuation or joining
    /// word other than "and"/"then" carries over: "I'll leave early and text you".
    func isImperative(at position: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        guard position < tokens.count else { return false }
        let start = sentences[sentenceOf[position]].lowerBound
        var index = position - 1
        while index >= start {
            defer { index -= 1 }
            if tokens[index].isPunctuation {
                if tokens[index].text == "'" { continue }
                return true
            }
            let word = tokens[index].word
            if concepts.contains(grammar.clauseBreak, word: word) && !concepts.contains(grammar.sameSubjectJoiner, word: word) { return true }
            if concepts.contains(grammar.selfSubject, word: word) || concepts.contains(grammar.youSubject, word: word)
                || concepts.contains(grammar.personSubject, word: word) {
                return false
            }
            // "let me drive over and get it sorted": the one let does the verbs after it.
            if index > start, concepts.contains(grammar.firstPerson, word: word),
               concepts.contains(grammar.causative, word: tokens[index - 1].word) {
                return false
            }
        }
        return true
    }

    /// Whether `position` is inside an if-clause begun earlier in its clause.
    func isHypothetical(at position: Int, concepts: ConceptTable, grammar: GrammarConcepts) -> Bool {
        guard position < tokens.count else { return false }
        var index = clauseStartOf[position]
        while index < position {
            if concepts.contains(grammar.hypothetical, word: tokens[index].word) { return true }
            index += 1
        }
        return false
    }

    /// Whether an entry of the concept occurs anywhere in `range`.
    func contains(_ concept: Int, in range: Range<Int>, concepts: ConceptTable) -> Bool {
        for index in range where !tokens[index].isPunctuation && concepts.matches(concept, in: tokens, at: index) {
            return true
        }
        return false
    }
}
