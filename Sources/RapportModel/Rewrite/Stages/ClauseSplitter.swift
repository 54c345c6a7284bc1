/// Splits a sentence into clauses: at sentence and clause punctuation; at "and"/"but" when
/// a new subject follows ("…and you just sit there"); where a leading time clause meets its
/// main clause ("every time we go out | you get drunk"); before "stop" + "-ing" ("…so
/// embarrassing | stop posting…"); and in a run-on text where a new "I" starts
/// ("…every nite | i cant sleep"). Each clause remembers whether its sentence asked.
struct ClauseSplitter: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector

    func split(_ words: [RewriteWord]) -> [Clause] {
        var clauses: [Clause] = []
        var current: [RewriteWord] = []
        /// The words of `current` without its marks, kept alongside (not filtered each time,
        /// which made a long line without punctuation quadratic).
        var content: [RewriteWord] = []
        var sentenceStart = 0
        func close() {
            if !content.isEmpty { clauses.append(Clause(words: current)) }
            current = []
            content = []
        }
        func endSentence(question: Bool) {
            for index in sentenceStart..<clauses.count { clauses[index].isQuestion = question }
            sentenceStart = clauses.count
        }
        for (index, word) in words.enumerated() {
            // An emoji ends a clause in a text: "…having kids 🙄 tell her to stop".
            if word.isSymbol, !current.isEmpty {
                close()
                continue
            }
            if word.isMark {
                switch word.norm {
                case ".", "!", "?":
                    close()
                    endSentence(question: word.norm == "?")
                case ":" where index > 0 && index + 1 < words.count && words[index - 1].norm.first?.isNumber == true
                    && words[index + 1].norm.first?.isNumber == true && word.attached:
                    current.append(word) // "8:30"
                case ";", ",", ":", "-", "(", ")", "\"":
                    close()
                default:
                    current.append(word)
                }
                continue
            }
            if startsNewClause(at: index, in: words, content: content) { close() }
            // "stop acting like a child | and answer me…": a second order.
            if word.norm == "and", let opening = current.first, classes.contains(.stop, opening),
               index + 1 < words.count, isBareVerb(words[index + 1]) {
                close()
                continue
            }
            // The joining word itself is left out: each clause stands alone.
            if classes.contains(.joiner, word), !current.isEmpty, subjectFollows(words, after: index) {
                close()
                continue
            }
            current.append(word)
            content.append(word)
        }
        close()
        endSentence(question: false)
        return clauses
    }

    /// Whether a subject starts at `index` after `current` without a joining word.
    private func startsNewClause(at index: Int, in words: [RewriteWord], content: [RewriteWord]) -> Bool {
        let word = words[index]
        guard content.count >= 2 else { return false }
        // "When we visit your parents | you ignore me".
        if ["i", "you"].contains(word.norm), content.count >= 3, content[0].norm != "if", startsTimeClause(content), startsWithSubject(words, at: index) {
            return true
        }
        // "if you weren't glued to it | we wouldn't be having this conversation".
        if let ifIndex = content.prefix(3).firstIndex(where: { $0.norm == "if" }), content.count >= ifIndex + 3,
           classes.contains(.subject, word) || word.norm == "we" || word.norm == "maybe", index + 1 < words.count {
            let modal = word.norm == "maybe" ? index + 2 : index + 1
            if modal < words.count, ["would", "could", "might"].contains(words[modal].norm) { return true }
        }
        // "…so embarrassing | stop posting pics of me".
        if classes.contains(.stop, word), index + 1 < words.count, words[index + 1].norm.hasSuffix("ing"), let previous = content.last,
           classes.contains(.label, previous) || classes.contains(.verdict, previous) || classes.contains(.clauseEnd, previous) {
            return true
        }
        // A run-on: "…again | i labelled it", "…so loud | i can hear it", "…at 7 | it is 8:30".
        guard let previous = content.last else { return false }
        // "…in the sink | its gross": a verdict after the clause.
        if ["it", "that", "this"].contains(word.norm), index + 2 < words.count, ["is", "was"].contains(words[index + 1].norm),
           classes.match(.verdict, words, at: index + 2) != nil || classes.match(.degree, words, at: index + 2) != nil {
            return true
        }
        // "ur so cheap | u wouldnt even split the taxi".
        if classes.contains(.subject, word), classes.contains(.label, previous) || classes.contains(.verdict, previous),
           index + 1 < words.count, classes.contains(.aux, words[index + 1]) || classes.contains(.never, words[index + 1]) {
            return true
        }
        let previousEnds = classes.contains(.clauseEnd, previous) || previous.norm.first?.isNumber == true
        guard previousEnds, index + 1 < words.count, !words[index + 1].isMark else { return false }
        if word.norm == "i" { return classes.contains(.runOnVerb, words[index + 1]) }
        if word.norm == "it" || word.norm == "there" { return ["is", "was"].contains(words[index + 1].norm) }
        return false
    }

    /// "and (now) you…", "but it's…": a joining word with a new subject after it.
    private func subjectFollows(_ words: [RewriteWord], after index: Int) -> Bool {
        var next = index + 1
        while next < words.count, classes.contains(.joinerSkip, words[next]) { next += 1 }
        return startsWithSubject(words, at: next)
    }

    private func startsWithSubject(_ words: [RewriteWord], at index: Int) -> Bool {
        guard index < words.count, !words[index].isMark else { return false }
        if classes.contains(.subject, words[index]) {
            // "that" and "this" are subjects only before a verb ("that was", "this is").
            if ["that", "this", "there"].contains(words[index].norm) {
                return index + 1 < words.count && classes.contains(.aux, words[index + 1])
            }
            return true
        }
        // "your mum", "my sister", "the kids".
        if ["your", "my", "his", "her", "their", "the"].contains(words[index].norm), index + 1 < words.count {
            return classes.contains(.person, words[index + 1])
        }
        return false
    }

    /// A plain verb that could start an order ("answer", "get", "take").
    private func isBareVerb(_ word: RewriteWord) -> Bool {
        guard !word.isMark, !classes.contains(.subject, word), !classes.contains(.determiner, word), !classes.contains(.aux, word),
              !classes.contains(.phraseEnd, word), !classes.contains(.speaker, word), !classes.contains(.other, word) else { return false }
        return classes.contains(.plainVerb, word) || (verbs.isListed(word.norm) && verbs.forms(of: word.norm)?.base == word.norm)
    }

    private func startsTimeClause(_ words: [RewriteWord]) -> Bool {
        classes.match(.timeOpener, words, at: 0) != nil
    }
}
