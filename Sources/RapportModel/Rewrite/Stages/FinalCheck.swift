/// The last look at a rewrite before it is given: it must read as a sentence and keep the
/// rubric. The observation may not end on a word that starts a phrase ("…made me look
/// in"), repeat a word ("the the"), or keep an absolute, a label or a jab; the whole may
/// hold no bracketed example text and none of the shapes that make a complaint a fight
/// ("you're so…", "I feel like you…", "why do you…"). What fails is named, so the
/// rewriter can fall back to a marked blank rather than give a broken sentence.
struct FinalCheck: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector

    enum Problem: Sendable, Equatable {
        case cutOff(String)
        case repeated(String)
        case judgement(String)
        case bracket
        case fightingWords(String)
    }

    /// What is wrong with the observation's words.
    func problems(inObservation words: [RewriteWord]) -> [Problem] {
        var problems: [Problem] = []
        let content = words.filter { !$0.isMark }
        guard let last = content.last else { return [.cutOff("")] }
        let before = content.count >= 2 ? content[content.count - 2] : nil
        // "…you didn't", "…after we agreed not to", "…wanted to" end well.
        let closesEllipsis = (last.norm == "not" && before.map { classes.contains(.aux, $0) } ?? false)
            || (last.norm == "to" && before.map { $0.norm == "not" || verbs.forms(of: $0.norm) != nil } ?? false)
        if (classes.contains(.dangling, last) || last.norm == "to" || last.norm == "not"), !closesEllipsis {
            problems.append(.cutOff(last.text))
        }
        // "…made me look in front of my parents": a linking verb with nothing to link.
        for index in content.indices.dropFirst().dropLast() where classes.contains(.linking, content[index])
            && ["me", "us", "you", "him", "her", "them"].contains(content[index - 1].norm)
            && classes.contains(.phraseEnd, content[index + 1]) && content[index + 1].norm != "like" {
            problems.append(.cutOff(content[index].text))
        }
        for (previous, word) in zip(content, content.dropFirst()) where previous.norm == word.norm && !["that", "had"].contains(word.norm) {
            problems.append(.repeated(word.text))
        }
        for index in content.indices {
            if classes.match(.absolute, content, at: index) != nil || classes.match(.never, content, at: index) != nil {
                problems.append(.judgement(content[index].text))
            }
            if classes.contains(.mockName, content[index]) { problems.append(.judgement(content[index].text)) }
            // "you're so lazy" left in.
            if content[index].norm == "you", index + 2 < content.count, content[index + 1].norm == "are",
               classes.match(.label, content, at: index + 2) != nil || ["so", "such"].contains(content[index + 2].norm) {
                problems.append(.judgement(content[index + 2].text))
            }
        }
        return problems
    }

    /// What is wrong with the whole rewrite's text.
    func problems(inRewrite text: String) -> [Problem] {
        var problems: [Problem] = []
        if text.contains(where: { "[]{}".contains($0) }) { problems.append(.bracket) }
        let low = " " + text.lowercased().replacing("’", with: "'") + " "
        for shape in [" you're so ", " you are so ", " you're such ", " i feel like you", " i feel that you", " i feel you ",
                      "why do you", "why don't you", "do you even", "do you ever", " always ", " never "] where low.contains(shape) {
            problems.append(.fightingWords(shape.trimmed))
        }
        return problems
    }
}
