/// Turns a conditional jab into what it says happened. "If you'd listened to me about the
/// mortgage, we wouldn't be in this mess" says that you didn't listen to me about the
/// mortgage, and that we are in this mess. Both halves are flipped: the condition ("if you
/// weren't so X" → "you're X", "if you'd checked" → "you didn't check", "if you listened"
/// → "you don't listen") and the consequence ("we could go" → "we can't go", "you'd have
/// told me" → "you didn't tell me", "you'd be home" → "you're not home").
struct Counterfactual: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector

    /// "if you…", "if we…".
    func isCondition(_ words: [RewriteWord]) -> Bool {
        words.count >= 3 && words[0].norm == "if" && ["you", "we", "he", "she", "they"].contains(words[1].norm)
    }

    /// "(maybe) we could…", "you would have…", "we would not be…".
    func isConsequence(_ words: [RewriteWord]) -> Bool {
        modalIndex(in: words) != nil
    }

    func flip(condition: Clause, consequence: Clause) -> [Clause] {
        var result: [Clause] = []
        let conditionWords = Array(condition.words.dropFirst())
        if let flipped = flipCondition(conditionWords) {
            var clause = condition
            clause.words = flipped
            clause.wasFlipped = true
            clause.isQuestion = false
            result.append(clause)
        }
        // "…, I would have helped": the speaker's own part in the jab is not what happened.
        if let modal = modalIndex(in: consequence.words), consequence.words[modal - 1].norm != "i",
           let flipped = flipConsequence(consequence.words, modal: modal) {
            var clause = consequence
            clause.words = flipped
            clause.wasFlipped = true
            clause.isQuestion = false
            result.append(clause)
        }
        return result
    }

    /// Where the modal is: after a subject near the start ("maybe you'd notice").
    private func modalIndex(in words: [RewriteWord]) -> Int? {
        var start = 0
        while start < words.count, ["maybe", "then", "perhaps", "probably"].contains(words[start].norm) { start += 1 }
        guard start + 1 < words.count, classes.contains(.subject, words[start]) || words[start].norm == "we" else { return nil }
        let modal = start + 1
        return ["would", "could", "might"].contains(words[modal].norm) ? modal : nil
    }

    private func flipCondition(_ words: [RewriteWord]) -> [RewriteWord]? {
        guard words.count >= 2 else { return nil }
        let subject = words[0]
        var index = 1
        while index < words.count, classes.contains(.adverb, words[index]) { index += 1 }
        guard index < words.count else { return nil }
        let verb = words[index]
        let rest = Array(words[(index + 1)...])
        // "if you weren't so tight", "if you were a real friend".
        if ["were", "was"].contains(verb.norm) {
            if rest.first?.norm == "not" { return [subject, be(for: subject)] + rest.dropFirst() }
            return [subject, be(for: subject), classes.make("not")] + rest
        }
        // "if you'd listened" (read as "you would listened"), "if you had checked".
        if ["would", "had"].contains(verb.norm), let next = rest.first, !classes.contains(.determiner, next),
           !classes.contains(.anyWord, next), let forms = verbs.forms(of: next.norm) {
            if next.norm == "have", rest.count > 1, let inner = verbs.forms(of: rest[1].norm) {
                return [subject, classes.make("did"), classes.make("not"), classes.make(inner.base)] + rest.dropFirst(2)
            }
            if next.norm == "not" { return nil }
            return [subject, classes.make("did"), classes.make("not"), classes.make(forms.base)] + rest.dropFirst()
        }
        // "if you had any respect for me" → "you don't have any respect for me".
        if verb.norm == "had" {
            return [subject, classes.make("do"), classes.make("not"), classes.make("have")] + rest
        }
        // "if you listened for once", "if you actually cared".
        if let forms = verbs.forms(of: verb.norm), verbs.isPast(verb.norm) || forms.past == verb.norm {
            return [subject, classes.make("do"), classes.make("not"), classes.make(forms.base)] + rest
        }
        return nil
    }

    private func flipConsequence(_ words: [RewriteWord], modal: Int) -> [RewriteWord]? {
        let subject = words[modal - 1]
        var after = modal + 1
        let negated = after < words.count && words[after].norm == "not"
        if negated { after += 1 }
        while after < words.count, classes.contains(.adverb, words[after]) { after += 1 }
        guard after < words.count else { return nil }
        let verb = words[after]
        let rest = Array(words[(after + 1)...])
        let lead = Array(words[..<(modal - 1)]).filter { !["maybe", "then", "perhaps", "probably"].contains($0.norm) }
        var flipped: [RewriteWord]
        if verb.norm == "have", let participle = rest.first, let forms = verbs.forms(of: participle.norm) {
            // "you'd have told me" → "you didn't tell me"; "you wouldn't have invited her" → "you invited her".
            flipped = negated ? [subject, classes.make(forms.past)] : [subject, classes.make("did"), classes.make("not"), classes.make(forms.base)]
            flipped += rest.dropFirst()
        } else if verb.norm == "be" {
            // "you'd be home" → "you're not home"; "we wouldn't be lost" → "we're lost".
            flipped = [subject, be(for: subject)] + (negated ? [] : [classes.make("not")]) + rest
        } else if words[modal].norm == "could" {
            flipped = [subject, classes.make("can")] + (negated ? [] : [classes.make("not")]) + [verb] + rest
        } else {
            let third = ["he", "she", "it"].contains(subject.norm)
            let base = verbs.forms(of: verb.norm)?.base ?? verb.norm
            if negated {
                flipped = [subject, classes.make(third ? verbs.thirdPerson(of: base) : base)] + rest
            } else {
                flipped = [subject, classes.make(third ? "does" : "do"), classes.make("not"), classes.make(base)] + rest
            }
        }
        return lead + flipped
    }

    private func be(for subject: RewriteWord) -> RewriteWord {
        switch subject.norm {
        case "i": return classes.make("am")
        case "he", "she", "it": return classes.make("is")
        default: return classes.make("are")
        }
    }
}
