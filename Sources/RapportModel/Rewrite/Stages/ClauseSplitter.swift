/// Splits a sentence into clauses: at sentence and clause punctuation; at "and"/"but" when
/// a new subject follows ("…and you just sit there"); where a leading time clause meets its
/// main clause ("every time we go out | you get drunk"); before "stop" + "-ing" ("…so
/// embarrassing | stop posting…"); and in a run-on text where a new "I" starts
/// ("…every nite | i cant sleep"). Each clause remembers whether its sentence asked.
struct ClauseSplitter: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector
    let saidFeelings: SaidFeelings

    /// Where the clause being read stands: its first word, how many of its words are not
    /// marks, the first three of those and the last (kept as positions, so nothing is copied
    /// until a clause is closed).
    private struct Reading {
        var start = 0
        var count = 0
        var first = -1
        var second = -1
        var third = -1
        var last = -1

        mutating func take(_ index: Int) {
            switch count {
            case 0: first = index
            case 1: second = index
            case 2: third = index
            default: break
            }
            last = index
            count += 1
        }
    }

    func split(_ words: [RewriteWord]) -> [Clause] {
        var clauses: [Clause] = []
        var reading = Reading()
        var sentenceStart = 0
        /// Ends the clause before `end`; the next starts at `next`.
        func close(at end: Int, next: Int) {
            if reading.count > 0 { clauses.append(Clause(words: Array(words[reading.start..<end]))) }
            reading = Reading(start: next)
        }
        func endSentence(question: Bool) {
            for index in sentenceStart..<clauses.count { clauses[index].isQuestion = question }
            sentenceStart = clauses.count
        }
        for (index, word) in words.enumerated() {
            // An emoji ends a clause in a text: "…having kids 🙄 tell her to stop".
            if word.isSymbol, reading.start < index {
                close(at: index, next: index + 1)
                continue
            }
            if word.isMark {
                switch word.norm {
                case ".", "!", "?":
                    close(at: index, next: index + 1)
                    endSentence(question: word.norm == "?")
                case ":" where index > 0 && index + 1 < words.count && words[index - 1].norm.first?.isNumber == true
                    && words[index + 1].norm.first?.isNumber == true && word.attached:
                    break // "8:30"
                case ";", ",", ":", "-", "(", ")", "\"":
                    close(at: index, next: index + 1)
                default:
                    break
                }
                continue
            }
            if startsNewClause(at: index, in: words, reading: reading) { close(at: index, next: index) }
            // "stop acting like a child | and answer me…": a second order.
            if word.norm == "and", reading.first >= 0, classes.contains(.stop, words[reading.first]),
               index + 1 < words.count, isBareVerb(words[index + 1]) {
                close(at: index, next: index + 1)
                continue
            }
            // "you never listen | so i dont care anymore": how the speaker is, said without a
            // feeling word, is a clause of its own, and "so" is left out with it.
            // Not what someone thinks of them: "you act like I don't care about him".
            if reading.count > 0, classes.contains(.joiner, word) || word.norm == "so", saysOnlyHowTheyAre(words, from: index + 1) {
                close(at: index, next: index + 1)
                continue
            }
            if reading.count >= 2, word.norm == "i", !["like", "that", "as", "if", "think", "thinks", "say", "says", "said"].contains(words[reading.last].norm),
               saysOnlyHowTheyAre(words, from: index) {
                // "…the subject and honestly | i'm sick of it": the joining word and the
                // filler before it go with neither clause.
                var cut = index
                while cut - 1 > reading.first + 1, !words[cut - 1].isMark, classes.contains(.joiner, words[cut - 1]) || words[cut - 1].norm == "so"
                        || classes.contains(.opener, words[cut - 1]) || classes.contains(.filler, words[cut - 1]) {
                    cut -= 1
                }
                close(at: cut, next: index)
            }
            // The joining word itself is left out: each clause stands alone.
            if classes.contains(.joiner, word), reading.count > 0, subjectFollows(words, after: index) {
                close(at: index, next: index + 1)
                continue
            }
            reading.take(index)
        }
        close(at: words.count, next: words.count)
        endSentence(question: false)
        return clauses
    }

    /// From `start` to the next mark, the speaker says only how they are ("i dont care anymore").
    private func saysOnlyHowTheyAre(_ words: [RewriteWord], from start: Int) -> Bool {
        guard start < words.count, words[start].norm == "i" else { return false }
        let end = words[start...].firstIndex(where: \.isMark) ?? words.count
        guard saidFeelings.mayStart(in: words[start..<end]) else { return false }
        return saidFeelings.onlyFeeling(Array(words[start..<end])) != nil
    }

    /// Whether a subject starts at `index`, after what has been read, without a joining word.
    private func startsNewClause(at index: Int, in words: [RewriteWord], reading: Reading) -> Bool {
        let word = words[index]
        // Only a subject, "maybe" or "stop" can start a clause without a joining word.
        guard reading.count >= 2, classes.contains(.subject, word) || classes.contains(.stop, word) || word.norm == "maybe" else { return false }
        let first = words[reading.first]
        // "When we visit your parents | you ignore me".
        if word.norm == "i" || word.norm == "you", reading.count >= 3, first.norm != "if",
           classes.match(.timeOpener, words, at: reading.first) != nil, startsWithSubject(words, at: index),
           // Not the object of the time clause: "when I was telling you | about my mum…".
           !(index + 1 < words.count && classes.contains(.phraseEnd, words[index + 1])) {
            return true
        }
        // "if you weren't glued to it | we wouldn't be having this conversation".
        let opening = [reading.first, reading.second, reading.third]
        if let ifAt = opening.firstIndex(where: { $0 >= 0 && words[$0].norm == "if" }), reading.count >= ifAt + 3,
           classes.contains(.subject, word) || word.norm == "maybe", index + 1 < words.count {
            let modal = word.norm == "maybe" ? index + 2 : index + 1
            if modal < words.count, ["would", "could", "might"].contains(words[modal].norm) { return true }
        }
        let previous = words[reading.last]
        // "…so embarrassing | stop posting pics of me".
        if classes.contains(.stop, word), index + 1 < words.count, words[index + 1].norm.hasSuffix("ing"),
           classes.contains(.label, previous) || classes.contains(.verdict, previous) || classes.contains(.clauseEnd, previous) {
            return true
        }
        // "…in the sink | its gross": a verdict after the clause, but not one reported ("I'm
        // not saying it's your fault").
        if word.norm == "it" || word.norm == "that" || word.norm == "this", index + 2 < words.count,
           !["say", "says", "saying", "said", "think", "thinks", "thinking", "thought", "know", "knew", "mean", "meant"].contains(previous.norm),
           words[index + 1].norm == "is" || words[index + 1].norm == "was",
           classes.match(.verdict, words, at: index + 2) != nil || classes.match(.degree, words, at: index + 2) != nil {
            return true
        }
        // "ur so cheap | u wouldnt even split the taxi".
        if classes.contains(.subject, word), classes.contains(.label, previous) || classes.contains(.verdict, previous),
           index + 1 < words.count, classes.contains(.aux, words[index + 1]) || classes.contains(.never, words[index + 1]) {
            return true
        }
        // A run-on: "…again | i labelled it", "…so loud | i can hear it", "…at 7 | it is 8:30".
        let previousEnds = classes.contains(.clauseEnd, previous) || previous.norm.first?.isNumber == true
        guard previousEnds, index + 1 < words.count, !words[index + 1].isMark else { return false }
        if word.norm == "i" { return classes.contains(.runOnVerb, words[index + 1]) }
        if word.norm == "it" || word.norm == "there" { return words[index + 1].norm == "is" || words[index + 1].norm == "was" }
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
}
