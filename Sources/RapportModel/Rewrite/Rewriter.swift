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

    public init(analyzer: Analyzer, knowledge: RewriteKnowledge) {
        self.analyzer = analyzer
        self.knowledge = knowledge
        var classes = RewriteWordClasses()
        for (name, entries) in knowledge.wordClasses {
            guard let wordClass = WordClass(name: name) else { continue }
            for entry in entries { classes.add(entry, to: wordClass) }
        }
        self.classes = classes
        let verbs = VerbInflector(knowledge.verbs, classes: classes)
        let frames = FrameStripper(frames: knowledge.frames, classes: classes)
        let absolutes = AbsoluteRemover(classes: classes, verbs: verbs)
        let counterfactual = Counterfactual(classes: classes, verbs: verbs)
        splitter = ClauseSplitter(classes: classes, verbs: verbs)
        finder = ComplaintFinder(classes: classes, frames: frames, counterfactual: counterfactual, verbs: verbs)
        lightTouch = LightTouch(classes: classes, fauxFeelings: knowledge.fauxFeelings, absolutes: absolutes, display: knowledge.display)
        stripper = JudgementStripper(classes: classes, frames: frames, absolutes: absolutes,
                                     roles: ClauseRoles(classes: classes, verbs: verbs, fauxFeelings: knowledge.fauxFeelings, display: knowledge.display),
                                     counterfactual: counterfactual, verbs: verbs, display: knowledge.display)
        observations = ObservationBuilder(classes: classes, verbs: verbs, display: knowledge.display)
        kinds = KindIndex(knowledge.kinds)
        faithfulness = FaithfulnessGuard(genericWords: knowledge.genericWords, linkedWords: knowledge.linkedWords, verbs: verbs)
        feelings = FeelingChooser(classes: classes, fauxFeelings: knowledge.fauxFeelings)
        let wordsOf = knowledge.textWords
        let general = knowledge.kinds.last ?? RewriteKnowledge.Kind(name: "general", cues: [], feelings: ["hurt"], why: "", needs: [], requests: [])
        needs = NeedChooser(faithfulness: faithfulness, wordsOf: wordsOf, general: general)
        requests = RequestChooser(classes: classes, verbs: verbs, faithfulness: faithfulness, wordsOf: wordsOf, general: general, display: knowledge.display)
        check = FinalCheck(classes: classes, verbs: verbs)
    }

    /// The same, for a line already analysed (the engine calls this for every reply).
    public func rewrite(_ sentence: String, analysed signals: [Signal]) -> RewriteResult {
        rewrite(sentence, view: analyzer.view(of: sentence), signals: signals)
    }

    public func rewrite(_ sentence: String) -> RewriteResult {
        let view = analyzer.view(of: sentence)
        return rewrite(sentence, view: view, signals: analyzer.signals(in: view))
    }

    /// The sentence as the stages read it.
    func words(of sentence: String) -> [RewriteWord] {
        RewriteText.words(of: analyzer.view(of: sentence), classes: classes)
    }

    private func rewrite(_ sentence: String, view: LineView, signals: [Signal]) -> RewriteResult {
        let words = RewriteText.words(of: view, classes: classes)
        let clauses = splitter.split(words)
        var notes = RewriteNotes(templates: knowledge.notes)
        switch finder.verdict(words: words, clauses: clauses, signals: signals) {
        case .crisis:
            notes.add("crisis")
            return .unchanged(sentence, notes: notes.notes)
        case .leave:
            return .unchanged(sentence)
        case .lightTouch:
            guard let text = lightTouch.apply(words, notes: &notes) else { return .unchanged(sentence) }
            return RewriteResult(input: sentence, rewrite: text, changed: true, notes: notes.notes, alternatives: [text])
        case .rewrite:
            return fullRewrite(sentence, words: words, clauses: clauses, notes: &notes)
        }
    }

    private func fullRewrite(_ sentence: String, words: [RewriteWord], clauses raw: [Clause], notes: inout RewriteNotes) -> RewriteResult {
        let clauses = stripper.strip(raw, notes: &notes)
        var observation = observations.build(clauses)
        if observation.text != nil, !check.problems(inObservation: observation.words).isEmpty {
            observation = ObservationBuilder.blank(keeping: nil)
        }
        let kind = kinds.kind(for: kindWords(clauses))
        let labelAdvice = observation.text == nil ? observation.label.map(advice(for:)) : nil
        let raised = faithfulness.raised(by: words)
        let feeling = feelings.choose(words: words, clauses: clauses, kind: kind, label: labelAdvice, notes: &notes)
        let need = needs.choose(kind: kind, label: labelAdvice, raised: raised)
        let request = requests.choose(clauses: clauses, observation: observation, kind: kind, label: labelAdvice, raised: raised)

        var parts = RewriteAssembler.Parts(feeling: feeling.words, when: observation.whenPart, isPast: observation.isPast, need: need, request: request)
        var rewrite = assembler.feelingFirst(parts)
        // Not the sentence with a frame round it: "I felt worried about you coming home…",
        // "…when you promised you'd call and then you didn't".
        if let text = observation.text, restates(sentence, in: text) {
            var restated = parts
            if let sequence = observations.inSequence(observation) {
                restated.when = sequence
            } else if let gerund = observations.gerundForm(of: observation) {
                restated.when = gerund
                restated.connective = "about"
            }
            rewrite = assembler.feelingFirst(restated)
        }
        if !check.problems(inRewrite: rewrite).isEmpty {
            observation = ObservationBuilder.blank(keeping: observation.label)
            parts.when = observation.whenPart
            parts.isPast = false
            rewrite = assembler.feelingFirst(parts)
        }
        // Short enough to say aloud: without the request when the whole would run long.
        let limit = max(3 * sentence.count, sentence.count + 150)
        if rewrite.count > limit {
            parts.request = nil
            rewrite = assembler.feelingFirst(parts)
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
        if !notes.notes.contains(where: { $0.kind != "feeling" }) {
            notes.add("you-statement")
        }
        notes.trail(with: "feeling") // why the feeling was chosen matters less than what changed
        let alternatives = [rewrite, assembler.observationFirst(parts)] + (assembler.questionFirst(parts).map { [$0] } ?? [])
        return RewriteResult(input: sentence, rewrite: rewrite, changed: true, notes: notes.notes, alternatives: alternatives,
                             observationMissing: observation.text == nil,
                             observationQuestion: observation.text == nil ? question(for: observation.label) : nil)
    }

    /// The words the kind of complaint is told by: what the clauses say once unwrapped
    /// (so "thanks for…" or "can't wait" do not count), and what a label was about.
    private func kindWords(_ clauses: [Clause]) -> [String] {
        var words: [String] = []
        for clause in clauses {
            switch clause.role {
            case .jab: words += clause.context.norms // what sarcastic praise was about
            case .label(let label) where label.hasPrefix("like"): words += clause.context.norms // "acting like my dad": not about dads
            case .label(let label): words += label.lowercased().split(separator: " ").map(String.init) + clause.context.norms
            default: words += clause.words.norms + clause.context.norms
            }
            if let feeling = clause.namedFeeling { words += feeling.split(separator: " ").map(String.init) }
            words.append("|")
        }
        return words
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
        if let label, !label.hasPrefix("like") { return "What did they do, that time, that felt \(label)?" }
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
