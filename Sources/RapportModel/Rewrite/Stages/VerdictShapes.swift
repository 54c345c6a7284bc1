/// A verdict said on what happened, as a whole clause round it: "it's your fault we missed
/// the train", "it was so disrespectful when you checked your phone", "the way you spoke to
/// my mum was ridiculous". The verdict (a `~verdict` word: "fault", "not normal", "rude")
/// is judgement; what it was on is what happened, and is kept.
struct VerdictShapes: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector

    /// Where what a verdict said first was on starts: "it's your fault | we missed the train",
    /// "it was so disrespectful when | you checked…", "it's not normal to | check my phone"
    /// (said of "you": `subject`), "that was rude of you to | leave".
    func after(_ words: [RewriteWord]) -> (index: Int, subject: String?)? {
        guard words.count > 4, ["it", "that", "this"].contains(words[0].norm), ["is", "was"].contains(words[1].norm) else { return nil }
        var index = 2
        while index < words.count, let length = classes.match(.degree, words, at: index), classes.match(.verdict, words, at: index) == nil {
            index += length
        }
        guard let length = classes.match(.verdict, words, at: index) else { return nil }
        index += length
        if index + 1 < words.count, words[index].norm == "of", words[index + 1].norm == "you" { index += 2 }
        guard index + 1 < words.count else { return nil }
        if words[index].norm == "to", isVerb(words[index + 1]), verbs.forms(of: words[index + 1].norm)?.base == words[index + 1].norm {
            return (index + 1, "you")
        }
        // "it's your own fault for leaving it there": what they did, said "about you leaving…".
        if words[index].norm == "for", isVerb(words[index + 1]), verbs.forms(of: words[index + 1].norm)?.gerund == words[index + 1].norm {
            return (index + 1, "you")
        }
        if ["that", "when", "how"].contains(words[index].norm), words[index].norm != "how" { index += 1 }
        // A subject, or a noun phrase ("the kitchen is…", "the way you…").
        guard index + 1 < words.count, classes.contains(.subject, words[index]) && !["it", "that", "this", "there"].contains(words[index].norm)
                || classes.contains(.determiner, words[index]) && !["a", "an", "this", "that"].contains(words[index].norm) else { return nil }
        return (index, nil)
    }

    /// "the way you spoke to my mum | was ridiculous", "what you said | was so rude",
    /// "checking my phone every night | is not normal": what they did, and the verdict on it.
    /// A doing said with "-ing" is theirs ("you checking my phone…").
    func onWhatTheyDid(_ words: [RewriteWord]) -> ([RewriteWord], [RewriteWord])? {
        guard let be = words.lastIndex(where: { ["is", "was", "are", "were"].contains($0.norm) }), be >= 2 else { return nil }
        var index = be + 1
        while index < words.count, let length = classes.match(.degree, words, at: index), classes.match(.verdict, words, at: index) == nil {
            index += length
        }
        guard let length = classes.match(.verdict, words, at: index), index + length == words.count else { return nil }
        var what = Array(words[..<be])
        let first = what[0].norm
        if first == "how" || first == "what" {
            guard classes.contains(.subject, what[1]) else { return nil }
        } else if first == "the", what[1].norm == "way", what.count > 3 {
            guard classes.contains(.subject, what[2]) else { return nil }
        } else if let forms = verbs.forms(of: first), forms.gerund == first, !classes.contains(.notAVerb, what[0]) {
            what.insert(classes.make("you"), at: 0)
        } else {
            return nil
        }
        return (what, Array(words[be...]))
    }

    /// A word that can be a verb: not a pronoun, a determiner or a word that only looks
    /// like one ("to you", "for nothing").
    private func isVerb(_ word: RewriteWord) -> Bool {
        !word.isMark && !classes.contains(.aux, word) && !classes.contains(.subject, word) && !classes.contains(.other, word)
            && !classes.contains(.speaker, word) && !classes.contains(.determiner, word) && !classes.contains(.notAVerb, word)
            && !["me", "him", "her", "us", "them"].contains(word.norm) && verbs.forms(of: word.norm) != nil
    }
}
