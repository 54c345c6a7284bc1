/// Turns a blaming sentence into an I-statement the speaker could say: "I feel <feeling>
/// when <what happened>, because I need <need>. <request>". It keeps the sentence's topic,
/// restates the complaint as an observation (no absolutes, labels, sarcasm or accusing
/// questions), and explains each change in a note. Sentences that are already fine come
/// back unchanged; a good start that is only a little off gets a light touch.
public struct Rewriter: Sendable {
    let analyzer: Analyzer
    let knowledge: RewriteKnowledge
    let words: RewriteConcepts
    let topics: TopicIndex

    public init(analyzer: Analyzer, knowledge: RewriteKnowledge) {
        self.analyzer = analyzer
        self.knowledge = knowledge
        words = RewriteConcepts(analyzer.vocabulary)
        topics = TopicIndex(knowledge.topics)
    }

    /// The kinds that make a sentence worth rewriting.
    static let blaming: Set<SignalKind> = [.youStatement, .absolute, .label, .contempt, .fauxFeeling, .blameShift]

    /// The same, for a line already analysed: a line with nothing to rewrite comes back
    /// unchanged without being read again (the engine calls this for every reply).
    public func rewrite(_ sentence: String, analysed signals: [Signal]) -> RewriteResult {
        let kinds = Set(signals.map(\.kind))
        guard kinds.contains(.crisis) || !kinds.isDisjoint(with: Rewriter.blaming) else {
            return RewriteResult(input: sentence, rewrite: sentence, changed: false, notes: [], alternatives: [sentence])
        }
        return rewrite(sentence)
    }

    public func rewrite(_ sentence: String) -> RewriteResult {
        let view = analyzer.view(of: sentence)
        let signals = analyzer.signals(in: view)
        let kinds = Set(signals.map(\.kind))
        let unchanged = RewriteResult(input: sentence, rewrite: sentence, changed: false, notes: [], alternatives: [sentence])
        if kinds.contains(.crisis) {
            var result = unchanged
            result.notes = [.init(kind: "crisis", message: "This sounds serious, and it isn't something to reword. If you're in danger, please call your local emergency number or a crisis line.")]
            return result
        }
        guard !kinds.isDisjoint(with: Rewriter.blaming) else { return unchanged }
        let sentenceWords = RewriteText.words(of: view, lexicon: analyzer.vocabulary.lexicon)
        if let light = lightTouch(sentence, sentenceWords, signals, view) { return light }
        return fullRewrite(sentence, sentenceWords, signals, view)
    }

    // MARK: - A light touch for a good start

    /// "I feel ignored when you never call" → "I feel hurt and lonely when you don't call".
    private func lightTouch(_ sentence: String, _ all: [RewriteWord], _ signals: [Signal], _ view: LineView) -> RewriteResult? {
        let kinds = Set(signals.map(\.kind))
        guard !kinds.contains(.label), !kinds.contains(.contempt), !kinds.contains(.blameShift) else { return nil }
        let content = all.drop { $0.isMark || words.isDiscourse($0) }
        guard let first = content.first, first.norm == "i" else { return nil }
        let ownFeeling = signals.contains { ($0.kind == .iStatement || $0.kind == .fauxFeeling) && $0.start <= view.tokens[content.startIndex].end + 12 }
        guard ownFeeling else { return nil }
        // "I feel like you…" is a thought about them, not a feeling: rewrite fully.
        if content.count > 2, ["feel", "felt"].contains(content[content.startIndex + 1].norm),
           ["like", "that", "as"].contains(content[content.startIndex + 2].norm) {
            return nil
        }
        var notes: [RewriteResult.Note] = []
        var result = Array(all)
        // Faux feelings → the feelings underneath.
        for signal in signals where signal.kind == .fauxFeeling {
            let key = analyzer.normalisedWords(of: signal.text).joined(separator: " ")
            guard let feelings = knowledge.fauxFeelings[key], let range = RewriteText.range(of: signal, in: result, view: view) else { continue }
            result.replaceSubrange(range, with: [RewriteWord.made(feelings.prefix(2).joined(separator: " and "))])
            notes.append(note("faux-feeling", signal.text))
        }
        let (cleaned, absoluteNotes) = removeAbsolutes(result)
        result = cleaned
        notes += absoluteNotes
        guard !notes.isEmpty else { return nil }
        let text = RewriteText.sentence(RewriteText.render(result, knowledge))
        return RewriteResult(input: sentence, rewrite: text, changed: true, notes: notes, alternatives: [text])
    }

    // MARK: - A full rewrite

    private func fullRewrite(_ sentence: String, _ all: [RewriteWord], _ signals: [Signal], _ view: LineView) -> RewriteResult {
        var notes: [RewriteResult.Note] = []
        let segments = RewriteText.segments(all, concepts: words)
        var complaints: [Complaint] = []
        var observations: [[RewriteWord]] = []
        /// "Every time we visit your parents": when the complaint happens, kept as context.
        var when: [RewriteWord]?
        var label: (word: String, rest: [RewriteWord])?
        for segment in segments {
            var body = Array(segment.drop { words.isDiscourse($0) })
            if let (frame, replaced) = stripFrame(body) {
                notes.append(note(frame.kind, RewriteText.render(Array(body.prefix(replaced.consumed)), knowledge)))
                body = replaced.words
            }
            if body.isEmpty || body.allSatisfy({ words.isMockery($0) || $0.isMark }) {
                if segment.contains(where: { words.isMockery($0) }) && !notes.contains(where: { $0.kind == "sarcasm" }) {
                    notes.append(note("sarcasm", RewriteText.render(segment, knowledge)))
                }
                continue
            }
            if let found = labelIn(body) {
                if label == nil { label = found }
                continue
            }
            if words.startsWithSubject(body) || body.first?.norm == "you" {
                complaints.append(Complaint(words: body))
            } else if when == nil, complaints.isEmpty, words.startsTimeClause(body) {
                when = body
            } else if body.filter({ !$0.isMark }).count >= 3 {
                observations.append(body)
            }
        }
        // "You're lazy, the lawn hasn't been mowed in weeks": the second clause says what happened.
        if complaints.isEmpty, label != nil, let said = observations.first {
            complaints.append(Complaint(words: said))
        }

        let topic = topics.topic(for: all.norms)
        let isSpecificTopic = !(topic?.cues.isEmpty ?? true)
        var feeling = topic?.feelings.first ?? "hurt"
        var need = topic?.need ?? "to feel that we're on the same side"
        var request = topic?.request ?? "Could we talk about it when we're both calm?"
        var situation: String
        var past = false

        if !complaints.isEmpty {
            var parts: [String] = []
            var placeholder = false
            for complaint in complaints.prefix(2) {
                let restated = restate(complaint.words, topic: topic)
                notes += restated.notes
                parts.append(restated.text)
                past = past || restated.past
                placeholder = placeholder || restated.placeholder
                if let own = restated.feeling { feeling = own }
            }
            situation = parts.joined(separator: " and ")
            if let when, !placeholder, let context = timeContext(when) {
                situation = context + " and " + situation
            }
            if !placeholder { situation = checked(situation, topic: topic) }
            if notes.isEmpty || !notes.contains(where: { ["absolute", "mind-reading", "disguised", "accusing-question", "sarcasm", "exasperation"].contains($0.kind) }) {
                notes.append(note("you-statement", ""))
            }
            _ = placeholder
        } else if let label {
            let advice = knowledge.labels[label.word]
            let example = isSpecificTopic ? (topic?.situation ?? "") : (advice?.example ?? topic?.situation ?? "")
            // "selfish with the car": the label's own context, when it starts like one.
            // "jealous of my friends", "rude to waiters": said as what happened *with* them.
            var rest = label.rest.filter { !$0.isMark }
            if words.match("with-context", rest, at: 0) != nil { rest[0] = words.made("with") }
            let context = words.match("object-end", rest, at: 0) != nil ? RewriteText.render(rest, knowledge) : ""
            situation = "[say what happened\(context.isEmpty ? "" : " " + context), e.g. \(example)]"
            if !isSpecificTopic, let advice {
                feeling = advice.feeling
                need = advice.need
                request = advice.request
            }
            notes.append(note(isSpecificTopic ? "label" : "label-placeholder", label.word))
        } else if let said = observations.first, let start = said.firstIndex(where: { !$0.isMark }),
                  words.match("speaker-subject", said, at: start) != nil {
            // "Why is it always me who has to walk the dog?": no one blamed by name, but the
            // frame left what happens ("I have to walk the dog"); a clause about the speaker
            // is the situation as it stands.
            situation = checked(RewriteText.render(removeAbsolutes(said).0.filter { !$0.isMark }, knowledge), topic: topic)
            if !notes.contains(where: { $0.kind == "sarcasm" || $0.kind == "accusing-question" }) { notes.append(note("you-statement", "")) }
        } else {
            situation = invitation(topic)
            if !notes.contains(where: { $0.kind == "sarcasm" }) { notes.append(note("you-statement", "")) }
        }
        if label != nil && !complaints.isEmpty {
            notes.append(note("label", label!.word))
        }

        // A feeling the user named, or the one under an evaluation, beats the topic's guess.
        if let faux = signals.first(where: { $0.kind == .fauxFeeling }) {
            let key = analyzer.normalisedWords(of: faux.text).joined(separator: " ")
            if let mapped = knowledge.fauxFeelings[key] {
                feeling = mapped.prefix(2).joined(separator: " and ")
                notes.append(note("faux-feeling", faux.text))
            }
        } else if let own = signals.first(where: { $0.kind == .feeling }) {
            feeling = analyzer.normalisedWords(of: own.text).joined(separator: " ")
        }

        let feel = past ? "felt" : "feel"
        let short = RewriteText.sentence("When \(situation), I \(feel) \(feeling).")
        let medium = RewriteText.sentence("I \(feel) \(feeling) when \(situation), because I need \(need).")
        let full = medium + " " + request
        // Short enough to say aloud: without the request when the whole would run long.
        let sayable = full.count <= max(3 * sentence.count, sentence.count + 150) ? full : medium
        return RewriteResult(input: sentence, rewrite: sayable, changed: true, notes: unique(notes),
                             alternatives: sayable == full ? [short, medium, full] : [short, medium])
    }

    /// The "when…" part as it stands, or the invitation to say what happened when something
    /// that could not be turned into an observation is left in it: a label, an absolute, a
    /// feeling, or a jab at them ("the kitchen is disgusting" may stay, "you disgust me" not).
    private func checked(_ situation: String, topic: RewriteKnowledge.Topic?) -> String {
        let left = Set(analyzer.signals(in: situation).map(\.kind))
        let aimed = left.contains(.contempt) && analyzer.normalisedWords(of: situation).contains { $0 == "you" || $0 == "your" }
        guard aimed || !left.isDisjoint(with: [.label, .absolute, .iStatement, .fauxFeeling]) else { return situation }
        return invitation(topic)
    }

    /// "[say what happened, e.g. …]", with the topic's example.
    private func invitation(_ topic: RewriteKnowledge.Topic?) -> String {
        "[say what happened, e.g. \(topic?.situation ?? "this happens")]"
    }

    /// "every time we visit your parents" → "we visit your parents": the time clause without
    /// its opener or absolutes, to lead the situation ("when we visit your parents and …").
    private func timeContext(_ clause: [RewriteWord]) -> String? {
        var body = Array(clause.drop { $0.isMark || words.isDiscourse($0) })
        while let opener = words.match("time-opener", body, at: 0) {
            body.removeFirst(opener)
        }
        let (cleaned, _) = removeAbsolutes(body)
        let text = RewriteText.render(cleaned.filter { !$0.isMark }, knowledge)
        return text.split(separator: " ").count >= 2 ? text : nil
    }

    private struct Complaint {
        var words: [RewriteWord]
    }

    // MARK: - Frames and labels

    /// A frame at the start of `body`: the frame, how many words it took, and the complaint inside.
    private func stripFrame(_ body: [RewriteWord]) -> (RewriteKnowledge.Frame, (consumed: Int, words: [RewriteWord]))? {
        for frame in knowledge.frames {
            guard let consumed = matchFrame(frame, body) else { continue }
            let inside = frame.replacement.map { words.made($0) } + body.dropFirst(consumed)
            return (frame, (consumed, inside))
        }
        return nil
    }

    private func matchFrame(_ frame: RewriteKnowledge.Frame, _ body: [RewriteWord]) -> Int? {
        var position = 0
        for (part, optional) in frame.parts {
            var length: Int?
            if position < body.count {
                switch part {
                case .word(let word): length = body[position].norm == word ? 1 : nil
                case .mark(let mark): length = body[position].isMark && body[position].norm == mark ? 1 : nil
                case .concept(let name): length = words.match(name, body, at: position)
                }
            }
            if let length {
                position += length
            } else if !optional {
                return nil
            }
        }
        return position
    }

    /// "you are so lazy (with money)": the label's words and what follows them.
    private func labelIn(_ body: [RewriteWord]) -> (word: String, rest: [RewriteWord])? {
        for start in body.indices {
            // A label is a trait ("lazy") or a name for the person ("a gossip").
            guard let length = words.match("label-adj", body, at: start) ?? words.match("insult-noun", body, at: start) else { continue }
            // Pinned on the person: "you are (so) X", "being X", "acting like X".
            var before = start - 1
            while before >= 0, words.match("label-degree", body, at: before) != nil, words.match("be", body, at: before) == nil {
                before -= 1
            }
            guard before >= 0, words.match("be", body, at: before) != nil || ["like", "act", "acting"].contains(body[before].norm) else { continue }
            // …and said of the person ("the garage has been a mess", "…and it's gross" are not
            // labels): "you" is the subject of that "are", or it is "being"/"acting like".
            if words.match("be", body, at: before) != nil && !["being", "be"].contains(body[before].norm) {
                var subject = before - 1
                while subject >= 0, words.match("adv", body, at: subject) != nil || words.match("drop-absolute", body, at: subject) != nil {
                    subject -= 1
                }
                guard subject >= 0, ["you", "u"].contains(body[subject].norm) else { continue }
            } else {
                guard body[..<before].contains(where: { $0.norm == "you" }) || ["being", "be"].contains(body[before].norm) else { continue }
            }
            let labelWords = body[start..<(start + length)].norms.filter { !["a", "an", "the", "such", "total", "complete"].contains($0) }
            return (labelWords.joined(separator: " "), Array(body[(start + length)...]))
        }
        return nil
    }

    // MARK: - Restating a complaint

    private struct Restated {
        var text: String
        var past: Bool
        var placeholder: Bool
        var feeling: String?
        var notes: [RewriteResult.Note]
    }

    /// "you always leave your clothes on the floor" → "your clothes get left on the floor".
    private func restate(_ complaint: [RewriteWord], topic: RewriteKnowledge.Topic?) -> Restated {
        var (clause, notes) = removeAbsolutes(complaint)
        clause = words.softenExcess(clause)
        clause = clause.filter { words.match("insult-adj", [$0], at: 0) == nil }
        let subjectLength = words.subjectLength(clause)
        clause = makeGerundPast(clause, after: subjectLength)
        let past = isPast(clause, after: subjectLength)

        // A known observation for this complaint.
        for observation in knowledge.observations where clause.count >= observation.complaint.count
            && (observation.takesRest || clause.count == observation.complaint.count)
            && clause.prefix(observation.complaint.count).norms == observation.complaint {
            let rest = RewriteText.render(Array(clause.dropFirst(observation.complaint.count)), knowledge)
            let text = observation.observation.replacingPlaceholder(rest)
            return Restated(text: text, past: past, placeholder: false, feeling: nil, notes: notes)
        }

        var verbIndex = mainVerbIndex(clause, after: subjectLength)
        // "you never want to go out" says what they do, not what they think: "you don't go out".
        if let index = verbIndex, index + 2 < clause.count, ["want", "wants", "wanted"].contains(clause[index].norm), clause[index + 1].norm == "to" {
            clause.removeSubrange(index...(index + 1))
            verbIndex = mainVerbIndex(clause, after: subjectLength)
        }
        let verb = verbIndex.map { clause[$0].norm }
        // Guesses at their mind ("you don't care about me") name nothing that happened.
        if let verbIndex, words.match("mind-reading", clause, at: verbIndex) != nil {
            notes.append(note("mind-reading", RewriteText.render(clause, knowledge)))
            return Restated(text: invitation(topic), past: past, placeholder: true, feeling: nil, notes: notes)
        }
        // "you forgot to lock the door" → "the door didn't get locked".
        if let index = verbIndex, index + 2 < clause.count, words.match("forget-verb", clause, at: index) != nil,
           clause[index + 1].norm == "to" {
            let inner = Array(clause[..<index]) + [words.made(past ? "did" : "do"), words.made("not")] + Array(clause[(index + 2)...])
            var restated = restate(inner, topic: topic)
            restated.notes = notes + restated.notes
            restated.past = past
            return restated
        }
        if let verbIndex, let verb, subjectLength > 0 {
            let objectStart = verbIndex + 1
            // The object runs to a preposition or the like ("your clothes | on the floor"); its
            // first word always belongs to it ("all the cereal").
            // A determiner never ends one ("the | back door" is one object).
            var objectEnd = objectStart
            while objectEnd < clause.count, !clause[objectEnd].isMark,
                  (objectEnd == objectStart && words.match("object-start", clause, at: objectEnd) != nil)
                    || (objectEnd > objectStart && words.match("determiner", clause, at: objectEnd - 1) != nil)
                    || words.match("object-end", clause, at: objectEnd) == nil {
                objectEnd += 1
            }
            let object = Array(clause[objectStart..<objectEnd])
            let rest = Array(clause[objectEnd...])
            let negated = clause[subjectLength..<verbIndex].contains { $0.norm == "not" }
            // "you embarrassed me at the party": the verb names the feeling.
            if object.count == 1, ["me", "us"].contains(object[0].norm), words.match("feeling-verb", clause, at: verbIndex) != nil,
               let participle = forms(of: verb)?.participle, words.isFeeling(participle) {
                let place = RewriteText.render(rest, knowledge)
                return Restated(text: "[say what happened]" + (place.isEmpty ? "" : " " + place), past: past, placeholder: true,
                                feeling: participle, notes: notes)
            }
            // "you forgot our anniversary" → "our anniversary got forgotten". After "are" only
            // a real verb form is turned ("you are leaving…"), never "you are such a…".
            let idiom = object.last.map { words.match("idiom-object", [$0], at: 0) != nil } ?? false
            let afterBe = clause[subjectLength..<verbIndex].contains { words.match("be", [$0], at: 0) != nil }
            let verbLike = knowledge.forms(of: verb) != nil || verb.hasSuffix("ing") || verb.hasSuffix("ed")
            if !object.isEmpty, !idiom, !afterBe || verbLike, !["me", "us", "you", "him", "her", "them", "yourself", "to"].contains(object[0].norm),
               words.match("be", clause, at: verbIndex) == nil, words.match("not-passive", clause, at: verbIndex) == nil,
               let participle = forms(of: verb)?.participle {
                let plural = RewriteText.isPlural(object)
                let get: String
                if past {
                    get = negated ? "didn't get" : "got"
                } else if negated {
                    get = plural ? "don't get" : "doesn't get"
                } else {
                    get = plural ? "get" : "gets"
                }
                let parts = [RewriteText.render(object, knowledge), get, participle, RewriteText.render(rest, knowledge)]
                return Restated(text: parts.filter { !$0.isEmpty }.joined(separator: " "), past: past, placeholder: false, feeling: nil, notes: notes)
            }
        }
        return Restated(text: RewriteText.render(clause, knowledge), past: past, placeholder: false, feeling: nil, notes: notes)
    }

    /// Takes out always/every time/again and turns never into a plain "not".
    private func removeAbsolutes(_ input: [RewriteWord]) -> ([RewriteWord], [RewriteResult.Note]) {
        var result: [RewriteWord] = []
        var notes: [RewriteResult.Note] = []
        var index = 0
        while index < input.count {
            if let length = words.match("drop-absolute", input, at: index) {
                notes.append(note("absolute", RewriteText.render(Array(input[index..<(index + length)]), knowledge)))
                index += length
                continue
            }
            // "you keep interrupting" is "always" in other words: "you interrupt".
            if ["keep", "keeps"].contains(input[index].norm), index + 1 < input.count, input[index + 1].norm.hasSuffix("ing"),
               let base = forms(of: input[index + 1].norm)?.base, base != input[index + 1].norm {
                notes.append(note("absolute", input[index].text))
                let third = result.first.map { ["he", "she", "it"].contains($0.norm) } ?? false
                let verb = third ? base + "s" : base
                result.append(RewriteWord(norm: verb, text: verb, isMark: false, id: words.id(verb)))
                index += 2
                continue
            }
            if let length = words.match("never-like", input, at: index) {
                notes.append(note("absolute", RewriteText.render(Array(input[index..<(index + length)]), knowledge)))
                let previous = result.last?.norm ?? ""
                let next = index + length < input.count ? input[index + length].norm : ""
                if words.isAuxiliary(previous) {
                    result.append(words.made("not"))
                } else if let forms = forms(of: next), forms.past == next && forms.base != next {
                    result += [words.made("did"), words.made("not")]
                    result.append(RewriteWord(norm: forms.base, text: forms.base, isMark: false, id: words.id(forms.base)))
                    index += length + 1
                    continue
                } else if next.hasSuffix("ed") && forms(of: next) == nil {
                    result += [words.made("did"), words.made("not")]
                } else {
                    let thirdPerson = ["he", "she", "it"].contains(result.first?.norm ?? "") || (result.first?.norm == "your" && result.count == 2)
                    result += [words.made(thirdPerson ? "does" : "do"), words.made("not")]
                    if thirdPerson, next.hasSuffix("s"), index + length < input.count {
                        let base = forms(of: next)?.base ?? String(next.dropLast())
                        result.append(RewriteWord(norm: base, text: base, isMark: false, id: words.id(base)))
                        index += length + 1
                        continue
                    }
                }
                index += length
                continue
            }
            result.append(input[index])
            index += 1
        }
        // Commas left dangling by a removed phrase.
        while let last = result.last, last.isMark, last.norm == "," { result.removeLast() }
        return (result, notes)
    }

    /// "you eating all the cereal" (from "thanks for eating…") → "you ate all the cereal".
    private func makeGerundPast(_ clause: [RewriteWord], after subject: Int) -> [RewriteWord] {
        guard subject > 0, subject < clause.count, clause[subject].norm.hasSuffix("ing"),
              let forms = forms(of: clause[subject].norm), forms.gerund == clause[subject].norm else { return clause }
        var result = clause
        result[subject] = RewriteWord(norm: forms.past, text: forms.past, isMark: false, id: words.id(forms.past))
        return result
    }

    private func isPast(_ clause: [RewriteWord], after subject: Int) -> Bool {
        for word in clause.dropFirst(subject).prefix(3) {
            if ["did", "was", "were", "had"].contains(word.norm) { return true }
            if ["do", "does", "is", "are", "am", "have", "has", "will", "can"].contains(word.norm) { return false }
            if let forms = forms(of: word.norm) { return forms.past == word.norm && forms.base != word.norm }
            if word.norm.hasSuffix("ed") { return true }
        }
        return false
    }

    /// The clause's main verb: the first word after the subject that is not an auxiliary,
    /// "not" or an adverb — except that the word right after "not" is always the verb
    /// ("do not *do* the dishes"), as is an auxiliary followed by its object ("*have* the car").
    private func mainVerbIndex(_ clause: [RewriteWord], after subject: Int) -> Int? {
        var index = subject
        while index < clause.count {
            let word = clause[index]
            if word.isMark { return nil }
            if word.norm == "not" {
                var next = index + 1
                while next < clause.count, words.match("adv", clause, at: next) != nil { next += 1 }
                return next < clause.count && !clause[next].isMark ? next : nil
            }
            let nextIsDeterminer = index + 1 < clause.count && ["the", "a", "an", "your", "my", "our", "this", "that", "any", "anything", "nothing", "it"].contains(clause[index + 1].norm)
            if (words.isAuxiliary(word.norm) && !nextIsDeterminer) || words.match("adv", clause, at: index) != nil {
                index += 1
                continue
            }
            return index
        }
        return nil
    }

    /// A verb's forms: from verbs.txt, or the regular pattern. Words that only look like
    /// verb forms ("nothing", "morning") are not verbs.
    func forms(of word: String) -> RewriteKnowledge.VerbForms? {
        if let known = knowledge.forms(of: word) { return known }
        guard word.count > 2, word.allSatisfy(\.isLetter), !words.isNotAVerb(word) else { return nil }
        if word.hasSuffix("ed") {
            let base = word.hasSuffix("ied") ? String(word.dropLast(3)) + "y" : String(word.dropLast(2))
            return .init(base: base, past: word, participle: word, gerund: base + "ing")
        }
        if word.hasSuffix("ing") {
            let base = String(word.dropLast(3))
            return .init(base: base, past: base + "ed", participle: base + "ed", gerund: word)
        }
        let base = word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        let past = base.hasSuffix("e") ? base + "d" : base.hasSuffix("y") && base.count > 2 && !"aeiou".contains(base.dropLast().last!) ? String(base.dropLast()) + "ied" : base + "ed"
        return .init(base: base, past: past, participle: past, gerund: base + "ing")
    }

    // MARK: - Notes

    private func note(_ kind: String, _ word: String) -> RewriteResult.Note {
        let template = knowledge.notes[kind] ?? knowledge.notes["you-statement"] ?? ""
        return RewriteResult.Note(kind: kind == "label-placeholder" ? "label" : kind,
                                  message: template.filling("{word}", with: TerminalSafeText.sanitize(word.trimmed)))
    }

    private func unique(_ notes: [RewriteResult.Note]) -> [RewriteResult.Note] {
        var seen: Set<String> = []
        return notes.filter { seen.insert($0.kind + "|" + $0.message).inserted }
    }
}

extension String {
    /// `self` with the first `placeholder` replaced by `value`, found by bytes: cheaper than
    /// the general `replacing`, which showed in profiles of the rewriter.
    func filling(_ placeholder: String, with value: String) -> String {
        let bytes = Array(utf8)
        let needle = Array(placeholder.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return self }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return String(decoding: bytes[..<start], as: UTF8.self) + value + String(decoding: bytes[(start + needle.count)...], as: UTF8.self)
        }
        return self
    }

    /// `self` with "..." replaced by `rest` (or removed, with spacing tidied, when `rest` is empty).
    func replacingPlaceholder(_ rest: String) -> String {
        guard let range = firstRange(of: "...") else { return self }
        var out = self
        out.replaceSubrange(range, with: rest)
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
