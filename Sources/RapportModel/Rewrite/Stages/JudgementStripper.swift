/// Takes the judgement out of each clause, so what is left says what happened: emoji and
/// texting noises, openers and tags ("ok so…", "…didn't you"), the frame around a
/// complaint (accusing questions, sarcasm, "I feel like"), absolutes, intensifiers
/// ("literally", "even"), insults, verdicts on amounts ("too much" → "a lot"), and
/// conditional jabs ("if you weren't so…"). Then it says what each clause is (see
/// `Clause.Role`): labels, guesses at their mind and "you made me…" are named as such so
/// that nothing of them reaches the observation.
struct JudgementStripper: Sendable {
    let classes: RewriteWordClasses
    let frames: FrameStripper
    let absolutes: AbsoluteRemover
    let roles: ClauseRoles
    let counterfactual: Counterfactual
    let verbs: VerbInflector
    let display: DisplayTable
    let saidFeelings: SaidFeelings

    func strip(_ clauses: [Clause], notes: inout RewriteNotes) -> [Clause] {
        var result: [Clause] = []
        var index = 0
        /// A frame said on its own ("Wow, | you…") belongs to the clause after it.
        var openingFrame: String?
        let all = clauses.flatMap(\.words)
        let leave = SarcasticPermission(classes: classes, verbs: verbs)
        let ironic = leave.find(clauses, grievance: classes.occurs(.grievance, in: all) || classes.occurs(.negativeAct, in: all))
            .flatMap { $0.ironic ? $0 : nil }
        if let ironic { notes.add("sarcasm", ironic.leave) }
        while index < clauses.count {
            var clause = clauses[index]
            if let ironic {
                // "Oh yes, | definitely buy a motorbike": the leave goes, the order is what they do.
                if index < ironic.clause { index += 1; continue }
                if index == ironic.clause {
                    clause.words = [classes.make("you")] + clause.words[ironic.start...]
                    clause.isPermitted = true
                } else if leave.isSpeakersOwnLove(clause.words) {
                    // "…, I love tidying up after you": sarcasm, not the effect on them.
                    clause.role = .jab
                    result.append(clause)
                    index += 1
                    continue
                }
            }
            // "…so i dont even care anymore", "honestly im over it": how the speaker is, said
            // without a feeling word. Nothing in it is about them ("anymore" is no absolute
            // here), so it is not cleaned: it is the feeling side, said plainly.
            if let said = saidFeelings.onlyFeeling(clause.words) {
                clause.role = .feeling
                clause.namedFeeling = said.feeling
                clause.saidAs = typed(said.words)
                result.append(clause)
                index += 1
                continue
            }
            // "I'm sick of you being late": the feeling the speaker has, said plainly ("worn
            // out"), and what they do, which is what happened ("you are late").
            if let (said, rest) = saidFeelings.aboutThem(clause.words) {
                notes.add("said-feeling", typed(said.words), why: said.feeling)
                clause.namedFeeling = said.feeling
                clause.words = rest
            }
            let typedWords = clause.words
            var frame: String?
            (clause.words, frame) = cleaned(clause.words, question: clause.isQuestion, notes: &notes)
            if clause.words.isEmpty, frame != nil {
                openingFrame = frame
                index += 1
                continue
            }
            frame = frame ?? openingFrame
            openingFrame = nil
            clause.wasFramed = frame != nil
            // "it annoys me when you…": the feeling the user named, in the frame.
            if frame == "dislike", let verb = typedWords.indices.dropLast().first(where: { typedWords[$0 + 1].norm == "me" }),
               let base = verbs.forms(of: typedWords[verb].norm)?.base, classes.contains(.feelingVerb, classes.make(base)),
               let forms = verbs.forms(of: base) { // "upsets" → "upset", whose forms verbs.txt knows
                clause.namedFeeling = forms.participle
            }
            // "Wow, you actually put one plate in the dishwasher": praise for the least is
            // sarcasm; what they did is not what hurt, so it is not the observation.
            if frame == "sarcasm", classes.occurs(.rarePraise, in: typedWords), !classes.occurs(.negativeAct, in: typedWords),
               !clause.words.contains(where: { $0.norm == "not" }) {
                clause.role = .jab
                clause.context = clause.words
                result.append(clause)
                index += 1
                continue
            }
            // "If you weren't so glued to that console, | maybe you'd notice…".
            if counterfactual.isCondition(clause.words) {
                var consequence = index + 1 < clauses.count ? clauses[index + 1] : nil
                if var next = consequence {
                    let frame: String?
                    (next.words, frame) = cleaned(next.words, question: next.isQuestion, notes: &notes)
                    next.wasFramed = frame != nil
                    consequence = next
                }
                if let consequence, counterfactual.isConsequence(consequence.words) {
                    notes.add("conditional", typed(clauses[index].words))
                    result += counterfactual.flip(condition: clause, consequence: consequence).map { roles.assign($0, notes: &notes) }
                    index += 2
                    continue
                }
            }
            result.append(roles.assign(clause, notes: &notes))
            index += 1
        }
        contrastShares(&result, notes: &notes)
        return result
    }

    /// "your friends get your best mood | and I get the leftovers", "everyone else gets the
    /// nice version of you": what someone else gets is what seems to come first, and the
    /// speaker's half is not the observation.
    private func contrastShares(_ clauses: inout [Clause], notes: inout RewriteNotes) {
        let share = ShareContrast(classes: classes)
        var index = 0
        while index < clauses.count {
            let words = clauses[index].words
            if index + 1 < clauses.count, let getter = share.getter(words, then: clauses[index + 1].words) {
                notes.add("comparison", typed(words))
                clauses[index].role = .comparison
                clauses[index].context = getter
                clauses[index + 1].role = .jab
                clauses[index + 1].context = []
                index += 2
                continue
            }
            if let getter = share.othersGet(words) {
                notes.add("comparison", typed(words))
                clauses[index].role = .comparison
                clauses[index].context = getter
            }
            index += 1
        }
    }

    /// One clause without its judgement words, its frame unwrapped (and whether it had one).
    func cleaned(_ input: [RewriteWord], question: Bool, notes: inout RewriteNotes) -> (words: [RewriteWord], frame: String?) {
        // The classes whose entries start somewhere in the clause: a pass whose class is not
        // among them has nothing to do, and is skipped.
        let present = input.reduce(UInt64(0)) { $0 | $1.starts }
        func has(_ wordClass: WordClass) -> Bool { present & wordClass.bit != 0 }
        var words = input.filter { word in
            guard !word.isSymbol else { return false }
            guard has(.mockName), classes.contains(.mockName, word) else { return true }
            notes.add("insult", word.text)
            return false
        }
        words = dropOpeners(words)
        // A frame may hold a filler ("do you even…") or be hidden behind one ("tf").
        var frame: String?
        if let stripped = frames.strip(words) ?? withoutFillers(words).flatMap({ frames.strip(dropOpeners($0)) }),
           stripped.frame.kind != "disguised" || thought(about: stripped.words) {
            notes.add(stripped.frame.kind, typed(stripped.taken))
            words = dropOpeners(stripped.words)
            frame = stripped.frame.kind
        }
        if has(.filler) || words.contains(where: { $0.norm == "like" }) { words = dropFillers(words) }
        if has(.tail) { words = dropTails(words) }
        if question { words = statement(from: words) }
        let aboutSpeaker = words.first.map { classes.contains(.speaker, $0) } ?? false
        if aboutSpeaker { words = words.filter { $0.norm != "only" } } // "I've only been up since four"
        let absoluteClasses: [WordClass] = [.absolute, .everyPeriod, .never, .everyTime, .once, .allThings, .allPlaces]
        if absoluteClasses.contains(where: has) || words.contains(where: { ["keep", "keeps", "kept"].contains($0.norm) }) {
            let (plain, removed) = absolutes.remove(words, aboutSpeaker: aboutSpeaker)
            for absolute in removed { notes.add("absolute", absolute) }
            words = plain
        }
        if has(.excess) || words.contains(where: { $0.norm == "how" }) { words = sayAmounts(words) }
        if has(.insultAdjective) { words = dropInsults(words, notes: &notes) }
        words = foldDoSupport(words)
        while let last = words.last, last.isMark { words.removeLast() }
        return (words, frame)
    }

    /// "I feel (like) you…" wraps a thought about them; "I feel lonely" is a feeling.
    private func thought(about words: [RewriteWord]) -> Bool {
        guard let first = words.first else { return false }
        return ["you", "your", "he", "she", "they", "his", "her", "their"].contains(first.norm)
    }

    /// "did you forget my birthday" → "you did forget my birthday" (folded later into
    /// "you forgot…"): a yes-no question about what they did, said as the statement it is.
    private func statement(from words: [RewriteWord]) -> [RewriteWord] {
        guard words.count > 2, classes.contains(.aux, words[0]), ["you", "he", "she", "they"].contains(words[1].norm),
              classes.match(.request, words, at: 0) == nil else { return words }
        var aux = classes.make(words[0].norm)
        aux.text = words[0].text
        return [words[1], aux] + words.dropFirst(2)
    }

    /// Openers ("oh", "ok so", "well"), and a name the message is addressed to ("dad u said…").
    private func dropOpeners(_ input: [RewriteWord]) -> [RewriteWord] {
        var words = input
        while let first = words.first {
            if first.isMark { words.removeFirst(); continue }
            if let length = classes.match(.opener, words, at: 0), length < words.count {
                words.removeFirst(length)
                continue
            }
            if classes.contains(.vocative, first), words.count > 1, ["you", "your"].contains(words[1].norm) {
                words.removeFirst()
                continue
            }
            break
        }
        return words
    }

    /// The words without fillers, when there were any near the start (where a frame is).
    private func withoutFillers(_ words: [RewriteWord]) -> [RewriteWord]? {
        guard words.prefix(4).indices.contains(where: { classes.match(.filler, words, at: $0) != nil }) else { return nil }
        return dropFillers(words)
    }

    /// Intensifiers and texting noises, anywhere ("literally", "lol"); "even" stays in
    /// "even though", "even if".
    /// Verbs whose "like" compares ("act like a child", "treats me like a kid"): it stays.
    private static let likeVerbs: Set<String> = ["look", "looks", "looked", "looking", "feel", "feels", "felt", "act", "acts", "acted",
                                                 "acting", "sound", "sounds", "sounded", "treat", "treats", "treated", "treating",
                                                 "talk", "talks", "talked", "talking", "speak", "speaks", "spoke", "behave", "behaves",
                                                 "behaved", "behaving", "dress", "dressed", "eat", "eats", "ate"]

    /// Words that make a noun a verdict after "a": "a total mess", "an absolute nightmare".
    private static let intensifiers: Set<String> = ["total", "complete", "absolute", "utter", "right", "massive", "huge", "proper"]

    /// What follows "like a" when it hedges an amount ("like a month ago").
    private static let amountWords: Set<String> = ["month", "week", "day", "hour", "minute", "min", "year", "few", "couple", "second",
                                                   "sec", "bit", "lot", "dozen", "hundred", "thousand", "million", "mile", "half", "fortnight"]

    private func dropFillers(_ input: [RewriteWord]) -> [RewriteWord] {
        var words: [RewriteWord] = []
        var index = 0
        while index < input.count {
            if let length = classes.match(.filler, input, at: index) {
                let keepsEven = input[index].norm == "even" && index + 1 < input.count && classes.contains(.evenKeeps, input[index + 1])
                if !keepsEven {
                    index += length
                    continue
                }
            }
            // "a total mess", "an absolute tip": the intensifier is the verdict, the noun what
            // was seen ("a mess"), with its article made to fit.
            if ["a", "an"].contains(input[index].norm), index + 2 < input.count, Self.intensifiers.contains(input[index + 1].norm),
               !input[index + 2].isMark, let first = input[index + 2].norm.first {
                words.append(classes.make("aeiou".contains(first) ? "an" : "a"))
                index += 2
                continue
            }
            // "be on time like a normal person": a comparison pinned on them, not an amount;
            // it goes, to the end of its phrase.
            if input[index].norm == "like", index > 0, index + 2 < input.count, ["a", "an"].contains(input[index + 1].norm),
               !Self.amountWords.contains(input[index + 2].norm), !Self.likeVerbs.contains(input[index - 1].norm),
               !(index > 1 && ["me", "us", "him", "her", "them"].contains(input[index - 1].norm) && Self.likeVerbs.contains(input[index - 2].norm)) {
                index += 2
                while index < input.count, !input[index].isMark { index += 1 }
                continue
            }
            // "like a month ago", "like 3 hours": a hedge before an amount.
            if input[index].norm == "like", index + 1 < input.count,
               input[index + 1].norm.first?.isNumber == true || ["a", "an", "half", "two", "three", "four", "five", "ten"].contains(input[index + 1].norm),
               index > 0, !Self.likeVerbs.contains(input[index - 1].norm),
               // "treats me like a child": the verb may have its object between.
               !(index > 1 && ["me", "us", "him", "her", "them"].contains(input[index - 1].norm) && Self.likeVerbs.contains(input[index - 2].norm)) {
                index += 1
                continue
            }
            words.append(input[index])
            index += 1
        }
        return words
    }

    /// Tags and trailing noises at the end: "…didn't you", "…then".
    private func dropTails(_ input: [RewriteWord]) -> [RewriteWord] {
        var words = input
        var changed = true
        while changed, words.count > 2 {
            changed = false
            while let last = words.last, last.isMark { words.removeLast() }
            for start in words.indices.suffix(4) where start > 0 {
                if let length = classes.match(.tail, words, at: start), start + length == words.count {
                    words.removeLast(length)
                    changed = true
                    break
                }
            }
        }
        return words
    }

    /// "too much" is a verdict on an amount: "a lot" (or "a lot of" before a noun).
    private func sayAmounts(_ input: [RewriteWord]) -> [RewriteWord] {
        var words: [RewriteWord] = []
        var index = 0
        while index < input.count {
            if let length = classes.match(.excess, input, at: index) {
                let nounFollows = index + length < input.count && !input[index + length].isMark
                    && !classes.contains(.phraseEnd, input[index + length])
                words += [classes.make("a"), classes.make("lot")] + (nounFollows ? [classes.make("of")] : [])
                index += length
                continue
            }
            // "you spent HOW much on shoes": an exclamation, not a question.
            if index > 0, input[index].norm == "how", index + 1 < input.count, ["much", "many"].contains(input[index + 1].norm) {
                words.append(classes.make("that"))
                index += 1
                continue
            }
            words.append(input[index])
            index += 1
        }
        return words
    }

    /// "that stupid game" → "that game"; an insult is left out only where a noun follows,
    /// so no phrase is left broken ("you made me look stupid" is not touched here).
    private func dropInsults(_ input: [RewriteWord], notes: inout RewriteNotes) -> [RewriteWord] {
        var words: [RewriteWord] = []
        for (index, word) in input.enumerated() {
            if classes.contains(.insultAdjective, word), index > 0, classes.contains(.determiner, input[index - 1]),
               index + 1 < input.count, !input[index + 1].isMark, !classes.contains(.phraseEnd, input[index + 1]) {
                if word.norm != "own" { notes.add("insult", word.text) }
                continue
            }
            words.append(word)
        }
        return words
    }

    /// "you do leave" → "you leave", "you did tell" → "you told", "you did telling" →
    /// "you told", "i do telling" → "i tell": what a frame left, folded into the verb.
    private func foldDoSupport(_ input: [RewriteWord]) -> [RewriteWord] {
        guard let auxIndex = input.firstIndex(where: { ["do", "does", "did"].contains($0.norm) }),
              auxIndex > 0, auxIndex <= 2, auxIndex + 1 < input.count else { return input }
        let subject = input[0].norm
        // "you do not be on time" (from "why can't you ever just be on time") → "you are not on time".
        if auxIndex + 2 < input.count, input[auxIndex + 1].norm == "not", input[auxIndex + 2].norm == "be" {
            let past = input[auxIndex].norm == "did"
            let be: String
            switch subject {
            case "i": be = past ? "was" : "am"
            case "he", "she", "it": be = past ? "was" : "is"
            default: be = past ? "were" : "are"
            }
            var words = input
            words.replaceSubrange(auxIndex...(auxIndex + 2), with: [classes.make(be), classes.make("not")])
            return words
        }
        guard input[auxIndex].made else { return input }
        // "you do not pulling your weight" (from "you need to start pulling…"), "you did not
        // told me" (from "you could have told me"): the verb after "not" is said plain.
        if auxIndex + 2 < input.count, input[auxIndex + 1].norm == "not", !input[auxIndex + 2].isMark,
           let forms = verbs.forms(of: input[auxIndex + 2].norm), forms.base != input[auxIndex + 2].norm,
           !classes.contains(.notAVerb, input[auxIndex + 2]) {
            var words = input
            words[auxIndex + 2] = classes.make(forms.base)
            return words
        }
        let next = input[auxIndex + 1]
        guard !next.isMark, next.norm != "not", !classes.contains(.determiner, next), !classes.contains(.subject, next),
              let forms = verbs.forms(of: next.norm) else { return input }
        let verb: String
        switch input[auxIndex].norm {
        case "did": verb = forms.past
        case "does": verb = verbs.thirdPerson(of: forms.base)
        default: verb = ["he", "she", "it"].contains(subject) ? verbs.thirdPerson(of: forms.base) : forms.base
        }
        var words = input
        words.replaceSubrange(auxIndex...(auxIndex + 1), with: [classes.make(verb)])
        return words
    }

    private func typed(_ words: [RewriteWord]) -> String {
        RewriteText.render(words.filter { !$0.isSymbol }, display)
    }
}
