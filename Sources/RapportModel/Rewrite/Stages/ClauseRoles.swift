/// Says what each cleaned clause is (see `Clause.Role`), and restates the shapes that say
/// what happened in a roundabout way: "who leaves a towel on the bed" → "you leave a towel
/// on the bed"; "stop checking my location" → "you check my location"; "the dog walks
/// himself?" → "the dog still needs walking"; "another Friday where…" → "it's another
/// Friday where…". Labels, guesses at their mind, comparisons and "you made me…" are
/// named, with what they were about kept as `context`.
struct ClauseRoles: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    let fauxFeelings: [String: [String]]
    let display: DisplayTable
    let saidFeelings: SaidFeelings
    var verdicts: VerdictShapes { VerdictShapes(classes: classes, verbs: verbs) }

    func assign(_ input: Clause, notes: inout RewriteNotes) -> Clause {
        var clause = input
        var words = clause.words
        guard let first = words.first else { return clause.with(.jab) }
        if let length = classes.match(.jab, words, at: 0), length >= words.count - (words.last?.isMark == true ? 1 : 0) {
            notes.add("sarcasm", typed(words))
            return clause.with(.jab)
        }
        if isVerdict(words) {
            notes.add("verdict", typed(words))
            return clause.with(.jab)
        }
        // "…, boss", "…, genius": a name said at them is nothing that happened.
        if words.allSatisfy({ $0.isMark || classes.contains(.mockName, $0) || classes.contains(.vocative, $0) }) {
            return clause.with(.jab)
        }
        // "I love you", "I appreciate you" said beside a complaint: kind words are no
        // part of what happened ("I feel hurt when I love you").
        if first.norm == "i" {
            var index = 1
            while index < words.count, classes.contains(.adverb, words[index]) { index += 1 }
            if index < words.count, classes.match(.kind, words, at: index) != nil, words.contains(where: { $0.norm == "you" }),
               !words.contains(where: { ["but", "when", "if", "not"].contains($0.norm) }) {
                return clause.with(.jab)
            }
        }
        // "it's your fault we missed the train", "it was so disrespectful when you checked your
        // phone", "it's not normal to check my phone": the verdict goes, what it was on stays.
        if let start = verdicts.after(words) {
            notes.add("verdict", typed(Array(words[..<start.index])))
            clause.words = start.subject.map { [classes.make($0)] } .map { $0 + words[start.index...] } ?? Array(words[start.index...])
            // "…for leaving it there" is said as it was: "about you leaving it there".
            if start.subject != nil, words[start.index].norm.hasSuffix("ing") {
                clause.isManner = true
                return clause.with(.action)
            }
            return assign(clause, notes: &notes)
        }
        // "the way you spoke to my mum was ridiculous", "checking my phone every night is not
        // normal": what they did, with the verdict on it taken off.
        if let (what, verdict) = verdicts.onWhatTheyDid(words) {
            notes.add("verdict", typed(verdict))
            clause.words = what
            clause.isManner = true
            return clause.with(.action)
        }
        // "srsly who leaves a wet towel on the bed": a rhetorical "who" means "you".
        if first.norm == "who", words.count > 2, let forms = verbs.forms(of: words[1].norm),
           words[1].norm != forms.base, !classes.contains(.aux, words[1]), !classes.contains(.mindReading, words[1]) {
            notes.add("accusing-question", typed(words))
            let verb = verbs.isPast(words[1].norm) ? forms.past : forms.base
            words = [classes.make("you"), classes.make(verb)] + words.dropFirst(2).map { $0.norm == "their" ? classes.make("your") : $0 }
            clause.words = words
            return restateAction(clause, notes: &notes)
        }
        // "Oh, you're tired?": an echo that mocks.
        if clause.isQuestion, !clause.wasFramed, words.count <= 4, words[0].norm == "you", words.count > 1, ["are", "were"].contains(words[1].norm) {
            notes.add("sarcasm", typed(words))
            return clause.with(.jab)
        }
        // "how you talk to my mom", "the way you chew": what they do, said as a manner.
        if !clause.isQuestion, words.count > 2, first.norm == "how" && classes.contains(.subject, words[1])
            || first.norm == "the" && words[1].norm == "way" && words.count > 3 && classes.contains(.subject, words[2]) {
            clause.isManner = true
            return clause.with(.action)
        }
        if clause.isQuestion, isRhetorical(words) {
            notes.add("accusing-question", typed(words))
            return clause.with(.jab)
        }
        // "stop acting like my dad": a label said as a comparison.
        let afterStop = classes.contains(.stop, first) ? 1 : 0
        if let length = classes.match(.actingLike, words, at: afterStop) {
            notes.add("command", typed(words))
            var what = Array(words[(afterStop + length)...])
            // "…like I'm the bad guy for wanting to see my parents": what it was about.
            if let forIndex = what.firstIndex(where: { $0.norm == "for" }), forIndex + 1 < what.count, what[forIndex + 1].norm.hasSuffix("ing") {
                clause.context = [classes.make("about")] + what[(forIndex + 1)...]
                what = Array(what[..<forIndex])
            }
            return clause.with(.label("like " + RewriteText.render(what, display)))
        }
        // "stop checking my location" → "you check my location".
        if afterStop == 1, words.count > 1, let forms = verbs.forms(of: words[1].norm), forms.gerund == words[1].norm {
            notes.add("command", typed(Array(words.prefix(2))))
            // "…and show me your phone": a second order is not what they do.
            if let second = words.indices.dropFirst(2).first(where: { $0 + 1 < words.count && words[$0].norm == "and"
                && isImperative(Array(words[($0 + 1)...]), question: false) }) {
                if classes.occurs(.controlling, in: Array(words[second...])) { notes.add("demand", typed(Array(words[(second + 1)...]))) }
                words = Array(words[..<second])
            }
            words = [classes.make("you"), classes.make(forms.base)] + words.dropFirst(2)
            clause.words = words
            return restateAction(clause, notes: &notes)
        }
        if let role = madeMe(&clause, notes: &notes) { return clause.with(role) }
        // "…and it's driving me insane": what it does to the speaker, which the feeling says.
        if words.count >= 3, ["it", "this", "that"].contains(first.norm), ["is", "was", "keeps", "kept"].contains(words[1].norm),
           classes.match(.doesToMe, words, at: 2) != nil || classes.match(.doesToMe, words, at: 1) != nil {
            notes.add("made-me", typed(words))
            return clause.with(.jab)
        }
        if let doing = doingThatGetsToMe(words, notes: &notes) {
            clause.words = doing
            return restateAction(clause, notes: &notes)
        }
        if let label = label(in: words) {
            // A flipped "if you were a real friend" is explained as a conditional jab already.
            if !clause.wasFlipped { notes.add("label", label.word) }
            clause.context = label.context
            return clause.with(label.onSpeakerPartner ? .label(label.word) : .jab)
        }
        if isComparison(words) {
            notes.add("comparison", typed(words))
            clause.context = comparedThing(words)
            return clause.with(.comparison)
        }
        if let context = mindReading(words) {
            notes.add("mind-reading", typed(words))
            clause.context = context
            return clause.with(.mindReading)
        }
        if isSpeakerFeeling(words) { return clause.with(.feeling) }
        if classes.match(.timeOpener, words, at: 0) != nil, words.count > 2, classes.contains(.subject, words[1]) || words[1].norm == "we" {
            clause.words = Array(words.dropFirst(classes.match(.timeOpener, words, at: 0)!))
            return clause.with(.timeContext)
        }
        if isImperative(words, question: clause.isQuestion) {
            let controlling = classes.occurs(.controlling, in: words)
            notes.add(controlling ? "demand" : "command", typed(words))
            return clause.with(.command(controlling: controlling))
        }
        if classes.contains(.speaker, first) {
            clause.words = positive(words, clause)
            return clause.with(.speakerFact)
        }
        if classes.contains(.other, first) || classes.contains(.person, first) || classes.contains(.determiner, first) {
            return restateAction(clause, notes: &notes)
        }
        return clause.with(.jab)
    }

    // MARK: - Actions

    /// An action clause, with a roundabout shape said plainly.
    private func restateAction(_ input: Clause, notes: inout RewriteNotes) -> Clause {
        var clause = input
        var words = clause.words
        // "you're so glued to that console" → "you're glued to that console".
        if words.count > 3, words[0].norm == "you", ["are", "were"].contains(words[1].norm), ["so", "such"].contains(words[2].norm) {
            words.remove(at: 2)
        }
        // "…and embarrass me": the feeling, said as something they did, is the speaker's.
        if let joiner = words.indices.first(where: { $0 > 1 && ["and", "but"].contains(words[$0].norm) }),
           joiner + 2 < words.count, classes.contains(.feelingVerb, words[joiner + 1]), ["me", "us"].contains(words[joiner + 2].norm),
           let forms = verbs.forms(of: words[joiner + 1].norm) {
            clause.namedFeeling = forms.participle
            notes.add("made-me", typed(Array(words[(joiner + 1)...(joiner + 2)])))
            words.removeSubrange(joiner...(joiner + 2))
        }
        // "the dog walks himself", "the shopping's not going to unpack itself".
        if let last = words.last, ["himself", "herself", "itself", "themselves"].contains(last.norm), words.count >= 3 {
            let verbIndex = words.count - 2
            if let forms = verbs.forms(of: words[verbIndex].norm) {
                var subjectEnd = verbIndex
                while subjectEnd > 1, ["is", "are", "not", "going", "to", "will", "does", "do", "gonna"].contains(words[subjectEnd - 1].norm) {
                    subjectEnd -= 1
                }
                // "shopping's" had an "is" in it, which is now said another way.
                let subject = words[..<subjectEnd].map { word -> RewriteWord in
                    var plain = word
                    if word.text.hasSuffix("'s") || word.text.hasSuffix("’s"), !word.norm.hasSuffix("s") { plain.text = word.norm }
                    return plain
                }
                let plural = isPlural(subject)
                words = subject + [classes.make("still"), classes.make(plural ? "need" : "needs"), classes.make(forms.gerund)]
            }
        }
        words = sayTheirVerdictPlainly(words, notes: &notes)
        // "another Friday where your boss gets you", "another night you're too tired": a
        // noun phrase that needs a verb.
        if let first = words.first, ["another", "a", "the"].contains(first.norm),
           first.norm == "another" || words.prefix(4).contains(where: { ["where", "when"].contains($0.norm) }) {
            words = [classes.make("it"), classes.make("is")] + words
        }
        clause.words = positive(words, clause)
        return clause.with(.action)
    }

    /// "…and then act like I'm the crazy one", "you treat me like I'm the bad one": what they
    /// do is put a label on the speaker. The act stays (it is what happened); the label in it
    /// goes, said as what it means: "act like I'm the one in the wrong". "You act like I'm
    /// invisible" names a feeling, and "treats me like a child" no "I am", so both stay.
    private func sayTheirVerdictPlainly(_ input: [RewriteWord], notes: inout RewriteNotes) -> [RewriteWord] {
        var words = input
        var index = 1
        while index + 3 < words.count {
            guard let length = classes.match(.actingLike, words, at: index), index + length + 1 < words.count,
                  words[index + length].norm == "i", ["am", "was"].contains(words[index + length + 1].norm) else {
                index += 1
                continue
            }
            let start = index + length + 2 // after "like I'm"
            var label = start
            if label < words.count, words[label].norm == "the" { label += 1 }
            while label < words.count, let degree = classes.match(.degree, words, at: label), !["a", "an"].contains(words[label].norm) { label += degree }
            guard let labelLength = classes.match(.label, words, at: label) else {
                index += 1
                continue
            }
            var end = label + labelLength
            if end < words.count, ["one", "person"].contains(words[end].norm) { end += 1 }
            notes.add("label", typed(Array(words[label..<(label + labelLength)])))
            words.replaceSubrange(start..<end, with: ["the", "one", "in", "the", "wrong"].map { classes.make($0) })
            index = start + 5
        }
        return words
    }

    /// A question turned statement says "something", not "anything": "what is the point of
    /// me telling you anything" → "I tell you something".
    private func positive(_ words: [RewriteWord], _ clause: Clause) -> [RewriteWord] {
        guard clause.isQuestion || clause.wasFlipped, !words.contains(where: { $0.norm == "not" }) else { return words }
        return words.map { classes.contains(.anyWord, $0) ? classes.make(ClauseRoles.someForm(of: $0.norm)) : $0 }
    }

    static func someForm(of word: String) -> String {
        switch word {
        case "anything": return "something"
        case "anyone": return "someone"
        case "anybody": return "somebody"
        case "anywhere": return "somewhere"
        default: return "some"
        }
    }

    // MARK: - "You made me…"

    /// "you made me look stupid in front of my parents", "you embarrassed me at the party":
    /// the feeling, with where it happened as the context.
    private func madeMe(_ clause: inout Clause, notes: inout RewriteNotes) -> Clause.Role? {
        let words = clause.words
        guard words.count >= 3, words[0].norm == "you" else { return nil }
        var verb = 1
        while verb < words.count, classes.contains(.adverb, words[verb]) { verb += 1 }
        guard verb + 1 < words.count, ["me", "us"].contains(words[verb + 1].norm) else { return nil }
        // "you embarrassed me …"
        if classes.contains(.feelingVerb, words[verb]), let forms = verbs.forms(of: words[verb].norm) {
            notes.add("made-me", typed(Array(words[...(verb + 1)])))
            clause.context = Array(words[(verb + 2)...])
            return .madeMe(feeling: forms.participle)
        }
        guard ["made", "make", "makes"].contains(words[verb].norm) else { return nil }
        let after = verb + 2
        guard after < words.count else { return nil }
        // "you made me look stupid / feel like an idiot (in front of my parents)".
        if classes.contains(.madeMeVerb, words[after]) {
            var end = after + 1
            while end < words.count, !classes.contains(.phraseEnd, words[end]) || words[end].norm == "like" { end += 1 }
            let said = words[(after + 1)..<end].norms.joined(separator: " ")
            let feeling = fauxFeelings[said]?.first
                ?? (classes.contains(.feeling, classes.make(said)) ? said : (words[after].norm == "feel" ? "hurt" : "embarrassed"))
            notes.add("made-me", typed(Array(words[..<end])))
            clause.context = Array(words[end...])
            return .madeMe(feeling: feeling)
        }
        // "you made us late" → "we ended up late"; "you made me cancel…" → "I ended up cancelling…".
        let speaker = words[verb + 1].norm == "us" ? "we" : "i"
        notes.add("made-me", typed(Array(words[...(verb + 1)])))
        var rest = Array(words[after...])
        // After "made me" comes a verb's base, even one that reads as a noun ("miss my train").
        if let forms = verbs.forms(of: rest[0].norm), forms.base == rest[0].norm, !classes.contains(.state, rest[0]) {
            rest[0] = classes.make(forms.gerund)
        } else if verbs.forms(of: rest[0].norm) == nil, rest[0].norm.allSatisfy(\.isLetter), !classes.contains(.state, rest[0]),
                  !classes.contains(.determiner, rest[0]), classes.contains(.notAVerb, rest[0]) {
            rest[0] = classes.make(verbs.gerund(ofBase: rest[0].norm))
        }
        let past = verbs.isPast(words[verb].norm)
        clause.words = [classes.make(speaker), classes.make(past ? "ended" : "end"), classes.make("up")] + rest
        clause.role = .speakerFact
        return .speakerFact
    }

    /// "Your stomping around upstairs is driving me mad", "ur snoring keeps me up": what they
    /// do, said as what it does to the speaker. What they do is said as it is ("you're
    /// stomping around upstairs"); what it does is the feeling's to say.
    private func doingThatGetsToMe(_ words: [RewriteWord], notes: inout RewriteNotes) -> [RewriteWord]? {
        // "your snoring …", or as an earlier stage may have put it, "you're snoring …".
        let doing = words.first?.norm == "your" ? 1 : (words.count > 2 && words[0].norm == "you" && words[1].norm == "are" ? 2 : 0)
        guard doing > 0, words.count >= doing + 3, words[doing].norm.hasSuffix("ing"), words[doing].norm.count > 4,
              let be = words.indices.dropFirst(doing + 1).first(where: { ["is", "was", "keeps", "kept"].contains(words[$0].norm) }),
              be + 1 < words.count, classes.match(.doesToMe, words, at: be + 1) != nil || classes.match(.doesToMe, words, at: be) != nil
        else { return nil }
        notes.add("made-me", typed(Array(words[be...])))
        return [classes.make("you"), classes.make("are")] + words[doing..<be]
    }

    // MARK: - Labels, comparisons, guesses

    /// "you're so lazy", "ur such a liar", "you're a terrible listener", "your friends are
    /// so rude": the label, whether it is pinned on the person spoken to, and what it was
    /// about ("controlling about what I wear" → "about what I wear").
    private func label(in words: [RewriteWord]) -> (word: String, context: [RewriteWord], onSpeakerPartner: Bool)? {
        // "you be so rude" is what "why do you have to be so rude" leaves: a label too.
        guard let be = words.indices.first(where: { ["are", "is", "was", "were", "am"].contains(words[$0].norm) || $0 == 1 && words[$0].norm == "be" }),
              be > 0, be <= 3 else { return nil }
        let subject = words[..<be]
        let onPartner = subject.count == 1 && subject.first?.norm == "you"
        guard onPartner || (subject.first?.norm == "your" && subject.count <= 3) || ["he", "she", "they"].contains(subject.first?.norm ?? "") else { return nil }
        var index = be + 1
        let negated = index < words.count && words[index].norm == "not"
        if negated { index += 1 }
        var degrees = 0
        while index < words.count, let length = classes.match(.degree, words, at: index) {
            index += length
            degrees += 1
        }
        guard index < words.count else { return nil }
        var labelLength = classes.match(.label, words, at: index)
        if labelLength == nil, degrees > 0, onPartner {
            // Any trait after "so"/"such a"/"a", but not a state ("so tired"), a kind word
            // ("so thoughtful"), a verb form ("so glued to") or a feeling.
            let word = words[index]
            let isVerbForm = word.norm.hasSuffix("ing") || word.norm.hasSuffix("ed")
            if !word.isMark, !classes.contains(.state, word), classes.match(.kind, words, at: index) == nil,
               negated || classes.match(.praise, words, at: index) == nil, !isVerbForm,
               !classes.contains(.phraseEnd, word), !classes.contains(.feeling, word), !classes.contains(.determiner, word) {
                labelLength = 1
                // "a real friend", "a terrible cook": the noun after an adjective.
                if index + 1 < words.count, !words[index + 1].isMark, !classes.contains(.phraseEnd, words[index + 1]) { labelLength = 2 }
            }
        }
        guard let length = labelLength else { return nil }
        let labelWords = words[index..<(index + length)].filter { !["a", "an", "the"].contains($0.norm) }
        var context = Array(words[(index + length)...])
        if let first = context.first, ["to", "of", "towards", "toward"].contains(first.norm) {
            context[0] = classes.make("with")
        }
        if let first = context.first, !classes.contains(.phraseEnd, first) { context = [] }
        return (RewriteText.render(labelWords, display), context, onPartner)
    }

    /// "X is more important to you than me", "your mates matter more than I do", "work
    /// comes first with you", "you spend more time with X than with your family".
    private func isComparison(_ words: [RewriteWord]) -> Bool {
        // "you'd rather spend time with your mates than with me" (never "I'd rather…").
        let ratherThan = words.first?.norm == "you" && words.contains { $0.norm == "rather" }
        guard ratherThan || classes.occurs(.comparison, in: words) else { return false }
        if let than = words.firstIndex(where: { $0.norm == "than" }) {
            // "than me", and "than spending time with me": the speaker's side a few words on.
            let end = words[(than + 1)...].firstIndex(where: \.isMark) ?? words.count
            return (than + 1..<min(end, than + 5)).contains { classes.match(.speakerSide, words, at: $0) != nil }
        }
        return words.contains { ["first", "priority", "priorities", "favourite", "favorite"].contains($0.norm) }
    }

    /// What seems to come first: the subject, or what "you" give more to.
    private func comparedThing(_ words: [RewriteWord]) -> [RewriteWord] {
        guard let first = words.first else { return [] }
        if first.norm == "you", let rather = words.firstIndex(where: { $0.norm == "rather" }),
           let than = words.firstIndex(where: { $0.norm == "than" }), rather + 1 < than {
            // "you'd rather spend time with your mates than with me": what they would rather
            // do, as a doing ("spending time with your mates").
            var thing = Array(words[(rather + 1)..<than])
            if let verb = thing.first, !verb.isMark { thing[0] = classes.make(verbs.gerund(ofBase: verb.norm)) }
            return thing
        }
        if first.norm == "you" {
            // "you care more about X than…", "you spend more time with X than…".
            guard let more = words.firstIndex(where: { $0.norm == "more" }),
                  let preposition = words[more...].firstIndex(where: { ["about", "with", "on", "to", "for"].contains($0.norm) }),
                  let than = words.firstIndex(where: { $0.norm == "than" }), preposition + 1 < than else { return [] }
            return Array(words[(preposition + 1)..<than])
        }
        guard let verb = words.firstIndex(where: { classes.contains(.aux, $0) || ["gets", "get", "got", "comes", "come", "came", "matter", "matters", "mattered"].contains($0.norm) }),
              verb > 0 else { return [] }
        return Array(words[..<verb])
    }

    /// "you don't care about my job" → "my job"; "you don't care about me" → nothing.
    private func mindReading(_ words: [RewriteWord]) -> [RewriteWord]? {
        guard words.first?.norm == "you" else { return nil }
        var index = 1
        while index < words.count, classes.match(.mindReading, words, at: index) == nil,
              classes.contains(.aux, words[index]) || words[index].norm == "not" || classes.contains(.adverb, words[index]) {
            index += 1
        }
        guard let length = classes.match(.mindReading, words, at: index) else { return nil }
        // "you never want to do anything…" says what they do, not what they think.
        if ["want", "wants", "wanted"].contains(words[index].norm), index + 1 < words.count, words[index + 1].norm == "to" { return nil }
        var object = Array(words[(index + length)...])
        if let first = object.first, ["about", "for"].contains(first.norm) { object.removeFirst() }
        if object.count > 2, object[0].norm == "that", classes.contains(.subject, object[1]) { return object } // "care that I'm exhausted"
        if object.isEmpty || ["me", "us", "you", "yourself", "anyone", "anything", "anybody", "it", "this", "that", "nothing"].contains(object[0].norm)
            || !classes.contains(.determiner, object[0]) && !["what", "how"].contains(object[0].norm) {
            return []
        }
        if let end = object.firstIndex(where: { ["when", "because", "if", "than"].contains($0.norm) }) { object = Array(object[..<end]) }
        return object
    }

    // MARK: - Small shapes

    /// "it's creepy", "that was really helpful", "she's your favourite": a verdict, not an act.
    private func isVerdict(_ words: [RewriteWord]) -> Bool {
        guard let be = words.firstIndex(where: { ["is", "was", "are", "were"].contains($0.norm) }), be > 0, be <= 2, words[0].norm != "you",
              classes.contains(.other, words[0]) || classes.contains(.subject, words[0]) else { return false }
        var index = be + 1
        while index < words.count, classes.match(.degree, words, at: index) != nil { index += classes.match(.degree, words, at: index)! }
        guard let length = classes.match(.verdict, words, at: index) else { return false }
        return index + length == words.count
    }

    /// "Should I throw you a parade?", "Am I your mother?", "When did you last take him
    /// out?": questions that expect no answer. A framed question was already turned round.
    private func isRhetorical(_ words: [RewriteWord]) -> Bool {
        guard let first = words.first else { return false }
        if ["should", "am", "shall"].contains(first.norm), words.count > 1, words[1].norm == "i" { return true }
        if ["when", "what", "where", "how", "who", "why", "whose", "which"].contains(first.norm), classes.match(.request, words, at: 0) == nil {
            return true
        }
        return false
    }

    /// "I feel lonely", "I'm so tired of this".
    private func isSpeakerFeeling(_ words: [RewriteWord]) -> Bool {
        if saidFeelings.onlyFeeling(words) != nil { return true }
        guard words.count >= 3, words[0].norm == "i", ["feel", "felt", "am", "was", "get", "got", "feeling"].contains(words[1].norm) else { return false }
        var index = 2
        while index < words.count, classes.match(.degree, words, at: index) != nil { index += 1 }
        return index < words.count && (classes.match(.feeling, words, at: index) != nil || fauxFeelings[words[index].norm] != nil)
    }

    /// "tell her to stop", "answer me when I'm talking to you": a clause that starts with
    /// a plain verb and no subject.
    private func isImperative(_ words: [RewriteWord], question: Bool) -> Bool {
        guard !question, let first = words.first, words.count >= 2, !classes.contains(.subject, first), !classes.contains(.aux, first) else { return false }
        return classes.contains(.plainVerb, first) || (verbs.isListed(first.norm) && verbs.forms(of: first.norm)?.base == first.norm)
    }

    private func isPlural(_ words: [RewriteWord]) -> Bool {
        guard let last = words.last(where: { !$0.isMark })?.norm else { return false }
        if ["them", "these", "those", "they", "people", "children", "kids", "clothes", "dishes"].contains(last) { return true }
        return last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us") && !last.hasSuffix("is")
    }

    private func typed(_ words: [RewriteWord]) -> String {
        RewriteText.render(words, display)
    }
}

private extension Clause {
    func with(_ role: Role) -> Clause {
        var clause = self
        clause.role = role
        return clause
    }
}
