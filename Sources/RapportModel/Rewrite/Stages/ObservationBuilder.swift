/// The observation: what happened, in the user's words, with the judgement already taken
/// out. It is the first action clause, with the effect on the speaker ("…and I can't
/// sleep") or a second action after it. With no action it falls back, in order, on what
/// seems to come first in a comparison, what a guess at their mind was about, the
/// speaker's own account, and finally a marked blank ("when ___"), keeping the context a
/// label or "you made me…" had ("when ___ in front of my parents").
struct ObservationBuilder: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    let display: DisplayTable

    struct Observation: Sendable, Equatable {
        /// What happened, ready to follow "when"; nil when it is missing (a blank).
        var text: String?
        /// The words `text` was written from, for the final check.
        var words: [RewriteWord] = []
        /// The clauses `text` joins, each written out.
        var parts: [String] = []
        /// Where or about what, said after the blank when `text` is nil.
        var context: String
        var isPast: Bool
        /// "when", or "about" before a manner ("about how you talk to my mom").
        var connective = "when"
        /// The clause the observation was made from, for the request.
        var primary: Clause?
        /// The label, when a bare label is why the observation is missing.
        var label: String?
        /// The clauses `text` was written from (nothing when it is missing).
        var sources: [Clause] = []

        /// What follows "when": the observation, or the blank with its context.
        var whenPart: String {
            if let text { return text }
            return context.isEmpty ? "___" : "___ " + context
        }
    }

    /// A clause longer than this is not something to say aloud in one go.
    static let longestClause = 40

    func build(_ clauses: [Clause]) -> Observation {
        let sayable = clauses.filter { $0.words.count <= Self.longestClause }
        let actions = sayable.filter { $0.role == .action }
        let facts = sayable.filter { $0.role == .speakerFact }
        let labelWord = clauses.lazy.compactMap { clause -> String? in
            if case .label(let word) = clause.role { return word }
            return nil
        }.first
        if let first = actions.first {
            var parts = [first]
            if let fact = facts.first, fact.words.count > 1 {
                parts.append(fact)
            } else if actions.count > 1 {
                parts.append(actions[1])
            }
            // In the order they were said: "I tell you something and it goes in one ear…".
            if parts.count == 2, let second = clauses.firstIndex(where: { $0 == parts[1] }),
               let first = clauses.firstIndex(where: { $0 == parts[0] }), second < first {
                parts.swapAt(0, 1)
            }
            var written = parts.map(render)
            var words = parts.flatMap(\.words)
            if let time = clauses.first(where: { $0.role == .timeContext }) {
                written.insert(render(time), at: 0)
                words = time.words + words
            }
            return Observation(text: written.joined(separator: " and "), words: words, parts: written, context: "",
                               isPast: isPast(first), connective: parts[0].isManner ? "about" : "when", primary: first, label: nil,
                               sources: parts)
        }
        if let comparison = clauses.first(where: { $0.role == .comparison && !$0.context.isEmpty }) {
            let thing = RewriteText.render(comparison.context, display)
            let said = (isPlural(comparison.context) ? "seem" : "seems") + " to come first"
            // The words checked are the whole observation: "work seems to come first" is
            // something that happens, though "work" is one word.
            return Observation(text: thing + " " + said, words: comparison.context + said.split(separator: " ").map { classes.make(String($0)) },
                               context: "", isPast: false, primary: nil, label: nil)
        }
        if let guess = clauses.first(where: { $0.role == .mindReading && !$0.context.isEmpty }) {
            let thing = RewriteText.render(guess.context, display)
            // "…care that I'm exhausted" → "it doesn't seem to matter to you that I'm exhausted".
            let text = guess.context[0].norm == "that" ? "it doesn't seem to matter to you " + thing
                : thing + (isPlural(guess.context) ? " don't seem to matter to you" : " doesn't seem to matter to you")
            return Observation(text: text, words: guess.context, context: "", isPast: false, primary: nil, label: nil)
        }
        if let fact = facts.first, fact.words.count > 2 {
            return Observation(text: render(fact), words: fact.words, context: "", isPast: isPast(fact), primary: fact, label: nil,
                               sources: [fact])
        }
        // Nothing that happened: a marked blank, with what it was about.
        let contextClause = clauses.first { clause in
            if case .madeMe = clause.role { return true }
            if case .label = clause.role { return !clause.context.isEmpty }
            return false
        }
        let context = contextClause.map { RewriteText.render(lowered($0.context), display) } ?? ""
        let past = contextClause.map(isPast) ?? false
        return Observation(text: nil, context: context, isPast: past, primary: nil, label: labelWord)
    }

    /// A blank where the observation would be: what the final check falls back on.
    static func blank(keeping label: String?) -> Observation {
        Observation(text: nil, context: "", isPast: false, primary: nil, label: label)
    }

    /// Two clauses told as a sequence ("…and then you didn't"), for when "and" alone would
    /// give back the user's sentence word for word.
    func inSequence(_ observation: Observation) -> String? {
        guard observation.parts.count == 2 else { return nil }
        return observation.parts[0] + " and then " + observation.parts[1]
    }

    /// The observation's first clause said with "-ing" ("you came home late" → "you coming
    /// home late"), for when it would otherwise be the user's sentence word for word: "I
    /// felt worried about you coming home late" restates it, as an I-statement should.
    func gerundForm(of observation: Observation) -> String? {
        guard let primary = observation.primary else { return nil }
        var words = primary.words
        guard let verb = verbIndex(in: words) else { return nil }
        // "you email me… and expect a reply": a second verb in the same tense as the first.
        let presentBase = !classes.contains(.aux, words[verb]) && verbs.forms(of: words[verb].norm)?.base == words[verb].norm
        guard sayWithIng(&words, at: verb) else { return nil }
        // "about she telling everyone" → "about her telling everyone".
        let objectForms = ["he": "him", "she": "her", "they": "them", "we": "us", "i": "me"]
        if let first = words.first, let object = objectForms[first.norm] { words[0] = classes.make(object) }
        // "…and left the tank empty" → "…and leaving the tank empty", "…and then didn't
        // invite me" → "…and then not inviting me".
        var index = verb + 1
        while index < words.count {
            if words[index - 1].norm == "and" || (index >= 2 && words[index - 2].norm == "and" && words[index - 1].norm == "then"),
               !words[index].isMark, !classes.contains(.subject, words[index]), let forms = verbs.forms(of: words[index].norm),
               classes.contains(.aux, words[index]) || verbs.isListed(words[index].norm) || forms.base != words[index].norm || presentBase {
                _ = sayWithIng(&words, at: index)
            }
            index += 1
        }
        return RewriteText.render(lowered(words), display)
    }

    /// The verb at `index` said with "-ing": "came" → "coming", "did not call" → "not
    /// calling", "have been ignoring" → "ignoring", "were" → "being".
    private func sayWithIng(_ words: inout [RewriteWord], at verb: Int) -> Bool {
        let norm = words[verb].norm
        // A modal has no "-ing" form ("you should apologise" is not "you shoulding…").
        if ["will", "would", "can", "could", "should", "shall", "may", "might", "must"].contains(norm) { return false }
        if ["did", "do", "does"].contains(norm), verb + 2 < words.count, words[verb + 1].norm == "not",
           let forms = verbs.forms(of: words[verb + 2].norm) {
            words.replaceSubrange(verb...(verb + 2), with: [classes.make("not"), classes.make(forms.gerund)])
        } else if ["is", "are", "was", "were", "am"].contains(norm), let (end, said) = progressive(words, after: verb) {
            // "are not going to answer" → "not answering", "is not listening" → "not listening".
            words.replaceSubrange(verb...end, with: said)
        } else if ["have", "has", "had", "is", "are", "was", "were", "am"].contains(norm) {
            var next = verb + 1
            if next < words.count, words[next].norm == "been" { next += 1 }
            if next < words.count, words[next].norm.hasSuffix("ing") {
                words.removeSubrange(verb..<next)
            } else if ["is", "are", "was", "were", "am"].contains(norm) {
                words[verb] = classes.make("being")
            } else {
                words[verb] = classes.make("having")
            }
        } else if let forms = verbs.forms(of: norm) {
            words[verb] = classes.make(forms.gerund)
        } else {
            return false
        }
        return true
    }

    /// After a form of "be": "not going to V" or "not V-ing", said with "-ing" ("not
    /// answering"), and the last word it takes.
    private func progressive(_ words: [RewriteWord], after verb: Int) -> (Int, [RewriteWord])? {
        var next = verb + 1
        let negated = next < words.count && words[next].norm == "not"
        if negated { next += 1 }
        let not = negated ? [classes.make("not")] : []
        if next + 2 < words.count, words[next].norm == "going", words[next + 1].norm == "to",
           let forms = verbs.forms(of: words[next + 2].norm), forms.base == words[next + 2].norm {
            return (next + 2, not + [classes.make(forms.gerund)])
        }
        if negated, next < words.count, words[next].norm.hasSuffix("ing"), verbs.forms(of: words[next].norm) != nil {
            return (next, not + [words[next]])
        }
        return nil
    }

    /// The clause's first verb: an auxiliary, a verb of `verbs.txt`, or a word with a
    /// verb's ending, after the subject.
    private func verbIndex(in words: [RewriteWord]) -> Int? {
        // After "you", "I", "we", "they" the next word is the verb, listed or not ("you act
        // like I'm invisible" → "you acting like…").
        if let first = words.first, ["you", "i", "we", "they"].contains(first.norm),
           let next = words.indices.dropFirst().first(where: { !words[$0].isMark && !classes.contains(.adverb, words[$0]) }),
           !classes.contains(.aux, words[next]), let forms = verbs.forms(of: words[next].norm), forms.base == words[next].norm {
            return next
        }
        for index in words.indices.dropFirst() where !words[index].isMark && !classes.contains(.adverb, words[index]) {
            if classes.contains(.aux, words[index]) { return index }
            // "my neighbours are…": right after "my" or "the" is a noun, not a verb.
            if classes.contains(.determiner, words[index - 1]) { continue }
            guard let forms = verbs.forms(of: words[index].norm) else { continue }
            if verbs.isListed(words[index].norm) || forms.base != words[index].norm { return index }
        }
        return nil
    }

    /// Whether a clause tells of something happening: it has a verb ("your sister" does not).
    func saysWhatHappened(_ clause: Clause) -> Bool {
        clause.words.count >= 2 && verbIndex(in: clause.words) != nil
    }

    /// A clause written out, starting lower case ("I" stays).
    private func render(_ clause: Clause) -> String {
        RewriteText.render(lowered(clause.words), display)
    }

    private func lowered(_ words: [RewriteWord]) -> [RewriteWord] {
        var words = words
        if let first = words.first, first.norm != "i", first.text != first.text.lowercased(), first.text.count > 1 || first.norm.count == 1 {
            words[0].text = first.text.prefix(1).lowercased() + first.text.dropFirst()
        }
        return words
    }

    /// Whether the clause tells of the past: its first verb is a past form. A verb is an
    /// auxiliary, a verb of `verbs.txt`, or a word with a verb's ending; the words before
    /// it are the subject ("your cat | scratched").
    func isPast(_ clause: Clause) -> Bool {
        // After "you", "I", "we", "they" the next word is the verb, listed or not: "you sigh
        // like I asked for a kidney" is now.
        let pronoun = clause.words.first.map { ["you", "i", "we", "they"].contains($0.norm) } ?? false
        var first = true
        for word in clause.words.dropFirst() where !word.isMark && !classes.contains(.adverb, word) {
            let norm = word.norm
            defer { first = false }
            if first, pronoun, !classes.contains(.aux, word), let forms = verbs.forms(of: norm), forms.base == norm, !verbs.isPast(norm) {
                return false
            }
            if ["did", "was", "were", "had", "made", "ended"].contains(norm) { return true }
            if classes.contains(.aux, word) || ["end", "not"].contains(norm) { return false }
            guard let forms = verbs.forms(of: norm) else { continue }
            if verbs.isListed(norm) || forms.base != norm { return verbs.isPast(norm) }
        }
        return false
    }

    private func isPlural(_ words: [RewriteWord]) -> Bool {
        guard let last = words.last(where: { !$0.isMark })?.norm else { return false }
        // "spending time with your mates" is one doing, however plural its last word.
        if let first = words.first(where: { !$0.isMark })?.norm, first.hasSuffix("ing"), first.count > 4 { return false }
        if ["mates", "friends", "them", "these", "those", "people", "children", "kids", "games", "colleagues", "parents"].contains(last) { return true }
        if ["think", "thinks"].contains(last) { return false }
        return last.hasSuffix("s") && !last.hasSuffix("ss") && !last.hasSuffix("us") && !last.hasSuffix("is")
    }
}
