/// Turns a blaming sentence into an I-statement the speaker could say: "I feel <feeling>
/// when <what happened>, because I need <need>. <request>". It is a pipeline of small
/// stages (in `Stages/`), each testable alone:
///
/// 1. `ComplaintFinder`: is there a complaint? Kind, neutral and good sentences come back
///    as they are; a good start gets a `LightTouch`.
/// 2. `ClauseSplitter` and `JudgementStripper` (with `FrameStripper`, `AbsoluteRemover`,
///    `Counterfactual`, `ClauseRoles`): the clauses without their labels, absolutes,
///    sarcasm and "you made me", each named for what it is.
/// 3. `ObservationBuilder`: what happened, in the user's words, or a marked blank.
/// 4. `FeelingChooser`, `NeedChooser`, `RequestChooser`: the feeling (theirs, or a plain
///    one with a note saying why), the need and the request, both kept to what the
///    sentence raised by the `FaithfulnessGuard`.
/// 5. `FinalCheck` and `RewriteAssembler`: the sentence reads as one and keeps the rubric,
///    said three ways.
public struct Rewriter: Sendable {
    let analyzer: Analyzer
    let knowledge: RewriteKnowledge
    let classes: RewriteWordClasses
    let splitter: ClauseSplitter
    let finder: ComplaintFinder
    let lightTouch: LightTouch
    let stripper: JudgementStripper
    let observations: ObservationBuilder
    let kinds: KindIndex
    let faithfulness: FaithfulnessGuard
    let feelings: FeelingChooser
    let needs: NeedChooser
    let requests: RequestChooser
    let check: FinalCheck
    let assembler = RewriteAssembler()
    let noteTemplates: NoteTemplates
    let withdrawal: Withdrawal
    let saidFeelings: SaidFeelings
    /// The last kind in kinds.txt: what is said when nothing more fitting may be.
    let general: RewriteKnowledge.Kind
    /// Each need and request text's words that are not plain, for the guard.
    let notPlain: [String: [String]]
    let verbs: VerbInflector
    let display: DisplayTable

    public init(analyzer: Analyzer, knowledge: RewriteKnowledge) {
        self.analyzer = analyzer
        self.knowledge = knowledge
        var classes = RewriteWordClasses()
        for (name, entries) in knowledge.wordClasses {
            guard let wordClass = WordClass(name: name) else { continue }
            for entry in entries { classes.add(entry, to: wordClass) }
        }
        KindIndex.register(knowledge.kinds, in: &classes)
        DisplayTable.register(knowledge.display, in: &classes)
        self.classes = classes
        let display = DisplayTable(knowledge.display, classes: classes)
        let verbs = VerbInflector(knowledge.verbs, classes: classes)
        self.display = display
        self.verbs = verbs
        let frames = FrameStripper(frames: knowledge.frames, classes: classes)
        let saidFeelings = SaidFeelings(knowledge.saidFeelings, classes: classes, verbs: verbs)
        self.saidFeelings = saidFeelings
        let absolutes = AbsoluteRemover(classes: classes, verbs: verbs)
        let counterfactual = Counterfactual(classes: classes, verbs: verbs)
        splitter = ClauseSplitter(classes: classes, verbs: verbs, saidFeelings: saidFeelings)
        finder = ComplaintFinder(classes: classes, frames: frames, counterfactual: counterfactual, verbs: verbs, saidFeelings: saidFeelings)
        lightTouch = LightTouch(classes: classes, fauxFeelings: knowledge.fauxFeelings, absolutes: absolutes, display: display)
        stripper = JudgementStripper(classes: classes, frames: frames, absolutes: absolutes,
                                     roles: ClauseRoles(classes: classes, verbs: verbs, fauxFeelings: knowledge.fauxFeelings, display: display,
                                                        saidFeelings: saidFeelings),
                                     counterfactual: counterfactual, verbs: verbs, display: display, saidFeelings: saidFeelings)
        observations = ObservationBuilder(classes: classes, verbs: verbs, display: display)
        kinds = KindIndex(knowledge.kinds, classes: classes)
        let faithfulness = FaithfulnessGuard(genericWords: knowledge.genericWords, genericPhrases: knowledge.genericPhrases,
                                             linkedWords: knowledge.linkedWords, verbs: verbs)
        self.faithfulness = faithfulness
        feelings = FeelingChooser(classes: classes, fauxFeelings: knowledge.fauxFeelings, saidFeelings: saidFeelings, display: display)
        let textWords = knowledge.textWords
        let general = knowledge.kinds.last ?? RewriteKnowledge.Kind(name: "general", cues: [], feelings: ["hurt"], why: "", needs: [], requests: [])
        self.general = general
        let notPlain = textWords.mapValues(faithfulness.plainRemoved)
        self.notPlain = notPlain
        needs = NeedChooser(faithfulness: faithfulness, notPlain: notPlain, general: general)
        requests = RequestChooser(classes: classes, verbs: verbs, faithfulness: faithfulness, textWords: textWords, notPlain: notPlain,
                                  general: general, display: display)
        check = FinalCheck(classes: classes, verbs: verbs, faithfulness: faithfulness)
        noteTemplates = NoteTemplates(knowledge.notes)
        withdrawal = Withdrawal(kind: knowledge.kinds.first { $0.name == "flooded" } ?? RewriteKnowledge.Kind(
            name: "flooded", cues: [], feelings: ["overwhelmed"], why: "when a talk shuts down, people are often flooded",
            needs: ["a break"], requests: ["Could we take twenty minutes and come back to this?"]))
    }

    /// The same, for a line already analysed (the engine calls this for every reply).
    public func rewrite(_ sentence: String, analysed signals: [Signal]) -> RewriteResult {
        rewrite(sentence, view: analyzer.view(of: sentence), signals: signals, variants: false)
    }

    /// The rewrite of `sentence`; with `variants`, its `alternatives` hold all three ways of
    /// saying it (only the rewrite otherwise, which is what a session needs).
    public func rewrite(_ sentence: String, variants: Bool = false) -> RewriteResult {
        let view = analyzer.view(of: sentence)
        return rewrite(sentence, view: view, signals: analyzer.signals(in: view), variants: variants)
    }

    /// `sentence` named nothing that happened and the user, asked (`observationQuestion`),
    /// said what did: the rewrite with their answer where the blank was. An answer that is a
    /// complaint of its own ("you left me at the party to talk to your mates") is rewritten
    /// as it is; one that says nothing that happened leaves the rewrite with its blank.
    public func rewrite(_ sentence: String, answer: String) -> RewriteResult {
        let first = rewrite(sentence, variants: false)
        guard first.changed, first.observationMissing else { return first }
        // "idk", "no", "I'd rather not": nothing that happened, so the blank stays.
        let unsure: Set<SignalKind> = [.unsure, .decline, .answerNo]
        if analyzer.signals(in: answer).contains(where: { unsure.contains($0.kind) }) { return first }
        let own = rewrite(answer, variants: false)
        if own.changed, !own.observationMissing { return own }
        let words = words(of: answer)
        guard let observation = BlankAnswer(classes: classes, verbs: verbs, display: display, check: check).observation(from: words),
              let blank = first.rewrite.range(of: "___") else { return first }
        var filled = first.rewrite
        filled.replaceSubrange(blank, with: observation)
        var notes = RewriteNotes(templates: noteTemplates)
        notes.add("answered")
        let kept = first.notes.filter { !["label", "blank"].contains($0.kind) }
        return RewriteResult(input: sentence, rewrite: filled, changed: true, notes: notes.notes + kept, alternatives: [filled])
    }

    /// The sentence as the stages read it.
    func words(of sentence: String) -> [RewriteWord] {
        RewriteText.words(of: analyzer.view(of: sentence), classes: classes)
    }

    private func rewrite(_ sentence: String, view: LineView, signals: [Signal], variants: Bool) -> RewriteResult {
        var words = RewriteText.words(of: view, classes: classes)
        // "Mum, you never listen", "Mum, my sister's plans matter more to you": whom it is
        // said to is no part of what happened ("when mum and you don't listen").
        if words.count > 2, classes.contains(.vocative, words[0]), words[1].isMark, words[1].norm == "," {
            words.removeFirst(2)
        }
        if let kindFirst = kindThenComplaint(sentence, words, signals: signals) { return kindFirst }
        let clauses = splitter.split(words)
        var notes = RewriteNotes(templates: noteTemplates)
        switch finder.verdict(words: words, clauses: clauses, signals: signals) {
        case .crisis:
            let threat = signals.contains { $0.kind == .risk && $0.about == .harmingOthers }
            notes.add(signals.contains { $0.kind == .crisis } ? "crisis" : threat ? "risk-others" : "risk")
            return .unchanged(sentence, notes: notes.notes)
        case .leave:
            // "im so over it": how the speaker is, and nothing else. Not a complaint, so it
            // stays, with a note naming the feeling it is.
            let said = clauses.compactMap { clause in clause.words.contains { !$0.isMark && !$0.isSymbol } ? saidFeelings.onlyFeeling(clause.words) : nil }
            // Never on a line that may be danger ("I don't care if I live or die").
            if let first = said.first, said.count == clauses.filter({ $0.words.contains { !$0.isMark && !$0.isSymbol } }).count,
               !signals.contains(where: { $0.kind == .risk || $0.kind == .crisis }) {
                notes.add("own-feeling", RewriteText.render(first.words, display), why: first.feeling)
                return .unchanged(sentence, notes: notes.notes)
            }
            return .unchanged(sentence)
        case .lightTouch:
            guard let text = lightTouch.apply(words, notes: &notes) else { return .unchanged(sentence) }
            return RewriteResult(input: sentence, rewrite: text, changed: true, notes: notes.notes, alternatives: [text])
        case .rewrite:
            return fullRewrite(sentence, words: words, clauses: clauses, notes: &notes, variants: variants,
                               risky: signals.contains { $0.kind == .risk })
        case .withdraw(let shutting):
            let texts = withdrawal.rewrite(notes: &notes, shutting: shutting)
            return RewriteResult(input: sentence, rewrite: texts[0], changed: true, notes: notes.notes,
                                 alternatives: variants ? texts : [texts[0]])
        }
    }

    /// "I love you but you never listen", "i love u but ur kind of a slob", "I'm sorry but
    /// you never listen": kind words (or an apology) said to them, then "but" and a complaint,
    /// in one sentence. The kind words stay as they were said and only the complaint is
    /// turned round, so the "but" does not take the kindness back. Said from "I" they come
    /// first, joined with "and" ("I love you, and I feel unheard when you don't listen, …");
    /// otherwise after the I-statement, so every rewrite starts from "I" ("I feel hurt when
    /// you don't back me up, … You're a great dad."). Whole-line kindness had been read as nothing to rewrite, or its clause as what
    /// happened ("I feel hurt when I love you"). Not when the kind part carries anything but
    /// kindness ("oh great, you remembered…" is sarcasm), nor a boundary after the "but".
    private func kindThenComplaint(_ sentence: String, _ words: [RewriteWord], signals: [Signal]) -> RewriteResult? {
        guard let but = words.firstIndex(where: { $0.norm == "but" }), but > 0, but + 2 < words.count,
              let butAt = Self.scalarOffset(ofWord: "but", in: sentence) else { return nil }
        var kind = Array(words[..<but])
        while let last = kind.last, last.isMark { kind.removeLast() }
        let complaint = Array(words[(but + 1)...])
        let kindOnly: Set<SignalKind> = [.appreciation, .validation, .feeling, .iStatement, .remorse, .acknowledgement]
        // "I'm sorry but you never listen": their apology stays theirs, said whole.
        let apologised = signals.contains { $0.kind == .remorse && $0.end <= butAt }
        let addressed = apologised || kind.contains { ["you", "your", "thanks", "thank"].contains($0.norm) }
        guard addressed, apologised || finder.saysSomethingKind(kind.filter { !$0.isMark }),
              !kind.contains(where: { $0.isMark && [".", "!", "?"].contains($0.norm) }),
              signals.filter({ $0.end <= butAt }).allSatisfy({ kindOnly.contains($0.kind) }),
              !signals.contains(where: { [.crisis, .risk, .boundary, .demand].contains($0.kind) }) else { return nil }
        let rest = rewrite(RewriteText.render(complaint, display), variants: false)
        // A blank is only worth it where a label named nothing they did.
        guard rest.changed, !rest.observationMissing || signals.contains(where: { $0.kind == .label && $0.start >= butAt }) else { return nil }
        var kindWords = RewriteText.render(kind, display)
        if let first = kindWords.first { kindWords = first.uppercased() + kindWords.dropFirst() }
        // The I-statement comes first, as every rewrite's does; the kind words are said whole
        // after it, so they are the last thing heard ("…Could we…? You're a great dad.").
        // Said from "I" already ("I love you", "I'm sorry"), they may come first.
        func startsFromI(_ text: String) -> Bool { text.hasPrefix("I ") || text.hasPrefix("I'") }
        let restJoined = startsFromI(rest.rewrite) ? rest.rewrite : rest.rewrite.prefix(1).lowercased() + rest.rewrite.dropFirst()
        let kindFirst = kindWords + ", and " + restJoined
        let kindLast = rest.rewrite + " " + kindWords + "."
        let fromI = startsFromI(kindWords)
        let text = fromI ? kindFirst : kindLast
        return RewriteResult(input: sentence, rewrite: text, changed: true, notes: rest.notes,
                             alternatives: fromI ? [kindFirst, kindLast] : [kindLast, kindFirst],
                             observationMissing: rest.observationMissing, observationQuestion: rest.observationQuestion)
    }

    /// Where `word` first stands as a whole word in `text`, in Unicode scalars (signals'
    /// offsets), ignoring case.
    private static func scalarOffset(ofWord word: String, in text: String) -> Int? {
        let scalars = Array(text.lowercased().unicodeScalars)
        let target = Array(word.unicodeScalars)
        guard scalars.count >= target.count else { return nil }
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<start + target.count]) == target {
            let before = start == 0 || !scalars[start - 1].properties.isAlphabetic
            let after = start + target.count == scalars.count || !scalars[start + target.count].properties.isAlphabetic
            if before && after { return start }
        }
        return nil
    }

    private func fullRewrite(_ sentence: String, words: [RewriteWord], clauses raw: [Clause], notes: inout RewriteNotes,
                             variants: Bool, risky: Bool) -> RewriteResult {
        let clauses = stripper.strip(raw, notes: &notes)
        var observation = observations.build(clauses)
        // A clause of it that still judges ("…and it was so rude of them") is left out, and
        // what happened is said from the rest, if the rest says something happened; else
        // the check below leaves a blank.
        func judges(_ words: [RewriteWord]) -> Bool {
            check.problems(inObservation: words).contains { if case .judgement = $0 { return true } else { return false } }
        }
        let failing = observation.sources.count > 1 && judges(observation.words) ? observation.sources.filter { judges($0.words) } : []
        if !failing.isEmpty, failing.count < observation.sources.count {
            var kept = clauses
            for index in kept.indices where failing.contains(kept[index]) { kept[index].role = .jab }
            let rest = observations.build(kept)
            if rest.sources.contains(where: { $0.role == .action && observations.saysWhatHappened($0) }) { observation = rest }
        }
        // "i dont care anymore, do what u want": how the speaker is, and nothing that happened.
        // That is the feeling side of shutting down, said as being flooded, never "I feel hurt
        // when I don't care".
        if observation.text == nil, observation.label == nil, observation.context.isEmpty, !risky,
           let said = clauses.first(where: { $0.saidAs != nil })?.saidAs {
            var shutting = RewriteNotes(templates: noteTemplates)
            let texts = withdrawal.rewrite(notes: &shutting, shutting: said)
            return RewriteResult(input: sentence, rewrite: texts[0], changed: true, notes: shutting.notes,
                                 alternatives: variants ? texts : [texts[0]])
        }
        // What the observation says is the user's; the rest is the rewriter's own words.
        if let text = observation.text, !check.problems(inObservation: observation.words).isEmpty || !check.problems(inText: text).isEmpty {
            observation = ObservationBuilder.blank(keeping: nil)
        }
        let kind = kinds.kind(for: kindWords(clauses))
        let labelAdvice = observation.text == nil ? observation.label.map(advice(for:)) : nil
        let raised = faithfulness.raised(by: raisedWords(words, clauses: clauses))
        let feeling = feelings.choose(words: words, clauses: clauses, kind: kind, label: labelAdvice, notes: &notes)
        var need = needs.choose(kind: kind, label: labelAdvice, raised: raised)
        var (request, requestWords) = requests.choose(clauses: clauses, observation: observation, kind: kind, label: labelAdvice, raised: raised)
        // The last guard: nothing in the need or the request that the sentence did not raise.
        // What fails is said the general way ("Could we talk about it tonight?").
        if !check.invented(notPlain: notPlain[need] ?? check.faithfulness.plainRemoved(analyzer.normalisedWords(of: need)), in: raised) .isEmpty {
            need = general.needs.first ?? "to feel we're on the same side"
        }
        let requestInvents = notPlain[request].map { check.invented(notPlain: $0, in: raised) } ?? check.invented(requestWords, in: raised)
        if !requestInvents.isEmpty || check.bareAny(inRequest: requestWords) {
            request = general.requests.last ?? "Could we talk about it tonight?"
        }

        // The variants say "when…"; the rewrite may restate it ("about you coming home…").
        var parts = RewriteAssembler.Parts(feeling: feeling.words, when: observation.whenPart, connective: observation.connective,
                                           isPast: observation.isPast, need: need, request: request)
        // Leave given with irony is about what they do or mean to: "I feel worried about you
        // buying a motorbike", not "…when you buy a motorbike".
        if observation.primary?.isPermitted == true, let gerund = observations.gerundForm(of: observation) {
            parts.when = gerund
            parts.connective = "about"
        }
        var main = parts
        // Not the sentence with a frame round it: "I felt worried about you coming home…",
        // "…when you promised you'd call and then you didn't".
        if let text = observation.text, restates(sentence, in: text) {
            if let sequence = observations.inSequence(observation) {
                main.when = sequence
            } else if let gerund = observations.gerundForm(of: observation) {
                main.when = gerund
                main.connective = "about"
            }
        }
        var rewrite = assembler.feelingFirst(main)
        // Short enough to say aloud: without the request when the whole would run long.
        let length = sentence.unicodeScalars.count
        if rewrite.unicodeScalars.count > max(3 * length, length + 150) {
            parts.request = nil
            main.request = nil
            rewrite = assembler.feelingFirst(main)
        }

        if observation.text == nil {
            if let label = observation.label, !label.hasPrefix("like") {
                notes.remove("label")
                notes.add("label-blank", label)
                notes.lead(with: "label")
            } else {
                notes.add("blank-plain")
                notes.lead(with: "blank")
            }
        }
        if !notes.hasAny(besides: ["feeling"]) {
            notes.add("you-statement")
        }
        notes.trail(with: "feeling") // why the feeling was chosen matters less than what changed
        var alternatives = [rewrite]
        if variants {
            alternatives.append(assembler.observationFirst(parts))
            if let question = assembler.questionFirst(parts) { alternatives.append(question) }
        }
        var result = RewriteResult(input: sentence, rewrite: rewrite, changed: true, notes: notes.notes, alternatives: alternatives,
                                   observationMissing: observation.text == nil,
                                   observationQuestion: observation.text == nil ? question(for: observation.label) : nil)
        // In a session the blank is never shown: the coach says the feeling and the need
        // without it ("I feel hurt, because I need…"), and the note asks what happened.
        if observation.text == nil, let asked = result.observationQuestion {
            var said = main
            said.when = observation.context
            result.spoken = assembler.withoutObservation(said)
            let label = observation.label.flatMap { $0.hasPrefix("like") ? nil : $0 }
            result.spokenNote = noteTemplates.message(label == nil ? "blank-ask" : "label-ask", word: label ?? "", why: asked)
        }
        return result
    }

    /// The words the kind of complaint is told by: what the clauses say once unwrapped
    /// (so "thanks for…" or "can't wait" do not count), and what a label was about.
    private func kindWords(_ clauses: [Clause]) -> [RewriteWord] {
        var words: [RewriteWord] = []
        let gap = RewriteWord(norm: "|", text: "|", isMark: true) // no cue runs from one clause into the next
        // How the speaker is ("so i dont care anymore") says nothing of what it is about.
        for clause in clauses where clause.saidAs == nil {
            switch clause.role {
            // "show me your phone" is what they demand, not what it is about.
            case .command(controlling: true): words += withoutDemand(clause.words).kept
            case .jab: words += clause.context // what sarcastic praise was about
            // About coming second: "the dog gets more cuddles than I do" is not about the dog;
            // what of theirs comes first may say more ("your phone", "your mates").
            case .comparison:
                if clause.context.contains(where: { ["you", "your"].contains($0.norm) }) {
                    words += clause.words + clause.context
                } else {
                    words += [classes.make("come"), classes.make("first")]
                }
            case .label(let label) where label.hasPrefix("like"): words += clause.context // "acting like my dad": not about dads
            case .label(let label): words += label.lowercased().split(separator: " ").map { classes.make(String($0)) } + clause.context
            default: words += clause.words + clause.context
            }
            if let feeling = clause.namedFeeling { words += feeling.split(separator: " ").map { classes.make(String($0)) } }
            words.append(gap)
        }
        return words
    }

    /// The words of the sentence that raise a topic: all but the words of a controlling
    /// demand ("show me ur phone"), said nowhere else: that is what is demanded, not what it
    /// is about ("take the dating app off" is still about the dating app).
    private func raisedWords(_ words: [RewriteWord], clauses: [Clause]) -> [RewriteWord] {
        let demanded = clauses.filter { $0.role == .command(controlling: true) }.flatMap { withoutDemand($0.words).demand }
        guard !demanded.isEmpty else { return words }
        var left: [String: Int] = [:]
        for word in words where !word.isMark { left[word.norm, default: 0] += 1 }
        for word in demanded where !word.isMark { left[word.norm, default: 0] -= 1 }
        return words.filter { $0.isMark || left[$0.norm, default: 0] > 0 }
    }

    /// A controlling demand's own words ("show me your phone", "take the") and the rest of
    /// its clause ("dating app off").
    private func withoutDemand(_ words: [RewriteWord]) -> (demand: [RewriteWord], kept: [RewriteWord]) {
        var demand: [RewriteWord] = []
        var kept: [RewriteWord] = []
        var index = 0
        while index < words.count {
            if let length = classes.match(.controlling, words, at: index) {
                demand += words[index..<(index + length)]
                index += length
            } else {
                kept.append(words[index])
                index += 1
            }
        }
        return (demand, kept)
    }

    /// Advice for a label: its own line in labels.txt, its last word's, or the "*" line.
    private func advice(for label: String) -> RewriteKnowledge.LabelAdvice {
        // "acting like I'm stupid" is not a label for them.
        let key = label.hasPrefix("like ") ? "*" : label.lowercased()
        return knowledge.labels[key] ?? knowledge.labels[String(key.split(separator: " ").last ?? "")] ?? knowledge.labels["*"]
            ?? RewriteKnowledge.LabelAdvice(feeling: "hurt", need: "to feel we're on the same side", request: "Could we talk about it tonight?")
    }

    /// What the coach asks when the observation is missing.
    private func question(for label: String?) -> String {
        if let label, !label.hasPrefix("like") {
            // "felt selfish", but not "felt terrible listener": a name is said, not felt.
            let adjective = !label.contains(" ") && ["ish", "ous", "ive", "ful", "less", "y", "al", "ic", "ent", "ant", "ed", "ing", "ble", "ate", "ude", "ean", "zy"]
                .contains { label.lowercased().hasSuffix($0) }
            return adjective ? "What did they do, that time, that felt \(label)?" : "What did they do, that time, that made you say \"\(label)\"?"
        }
        return "What happened, that one time you have in mind?"
    }

    /// Whether the observation holds the whole sentence as typed (then it is restated).
    /// Only a sentence short enough to say in one breath can be given back word for word.
    private func restates(_ sentence: String, in observation: String) -> Bool {
        guard sentence.utf8.count <= 300 else { return false }
        var core = FinalCheck.folded(sentence).dropFirst()
        while let last = core.last, [32, 33, 46, 63].contains(last) { core = core.dropLast() } // " ", "!", ".", "?"
        return !core.isEmpty && FinalCheck.find(Array(core), in: FinalCheck.folded(observation))
    }
}
