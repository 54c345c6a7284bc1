/// Takes the absolutes out of a clause: "always", "constantly", "again" go; "never"
/// becomes a plain "not" ("you never call" → "you do not call", "you never called" → "you
/// did not call", "you're never home" → "you are not home"); "every time" before a clause
/// becomes "when" ("…every time you cook" → "…when you cook"); "you keep interrupting"
/// becomes "you interrupt"; "once" after a negative goes ("didn't look up once"). In a
/// clause about the speaker, "every night" is a fact and stays.
struct AbsoluteRemover: Sendable {
    let classes: RewriteWordClasses
    let verbs: VerbInflector

    /// The clause without its absolutes, and the absolutes as typed (for the note).
    func remove(_ input: [RewriteWord], aboutSpeaker: Bool = false) -> (words: [RewriteWord], removed: [String]) {
        var result: [RewriteWord] = []
        result.reserveCapacity(input.count + 2)
        var removed: [String] = []
        var index = 0
        func typed(_ length: Int) -> String { input[index..<(index + length)].map(\.text).joined(separator: " ") }
        while index < input.count {
            let word = input[index]
            if let length = classes.match(.everyTime, input, at: index) {
                removed.append(typed(length))
                if index + length < input.count, classes.contains(.subject, input[index + length]) {
                    result.append(classes.make("when"))
                }
                index += length
                continue
            }
            if let length = classes.match(.absolute, input, at: index) ?? (aboutSpeaker ? nil : classes.match(.everyPeriod, input, at: index)) {
                removed.append(typed(length))
                // "you took forever in the shower": taking forever is taking a long time.
                if word.norm == "forever", length == 1, index > 0, verbs.forms(of: input[index - 1].norm)?.base == "take" {
                    result += [classes.make("a"), classes.make("long"), classes.make("time")]
                }
                index += length
                continue
            }
            // "everything" → "things", "everywhere" → "around", after the subject.
            if !aboutSpeaker, index > 0, !classes.contains(.wholeLoad, input[index - 1]), let (length, plain) = classes.match(.allThings, input, at: index).map({ ($0, "things") })
                ?? classes.match(.allPlaces, input, at: index).map({ ($0, "around") }) {
                removed.append(typed(length))
                result.append(classes.make(plain))
                index += length
                continue
            }
            if let length = classes.match(.never, input, at: index) {
                removed.append(typed(length))
                index += length
                result += negation(before: index < input.count ? input[index] : nil, after: result)
                if index < input.count, let forms = verbs.forms(of: input[index].norm), result.last?.norm == "not",
                   result.count >= 2, ["did", "does"].contains(result[result.count - 2].norm), forms.base != input[index].norm {
                    result.append(classes.make(forms.base))
                    index += 1
                }
                continue
            }
            if word.norm.hasPrefix("ke"), ["keep", "keeps", "kept"].contains(word.norm), index + 1 < input.count, input[index + 1].norm.hasSuffix("ing"),
               let forms = verbs.forms(of: input[index + 1].norm), forms.gerund == input[index + 1].norm {
                removed.append(word.text)
                let verb = word.norm == "kept" ? forms.past : word.norm == "keeps" ? verbs.thirdPerson(of: forms.base) : forms.base
                result.append(classes.make(verb))
                index += 2
                continue
            }
            if classes.match(.once, input, at: index) != nil, result.contains(where: { $0.norm == "not" }),
               index + 1 == input.count || classes.contains(.phraseEnd, input[index + 1]) {
                removed.append(word.text)
                index += classes.match(.once, input, at: index)!
                continue
            }
            result.append(word)
            index += 1
        }
        while let last = result.last, last.isMark, last.norm == "," { result.removeLast() }
        return (result, removed)
    }

    /// "not" after an auxiliary; otherwise do-support that fits the verb that follows.
    private func negation(before next: RewriteWord?, after result: [RewriteWord]) -> [RewriteWord] {
        if let previous = result.last, classes.contains(.aux, previous) { return [classes.make("not")] }
        guard let next, !next.isMark else { return [classes.make("do"), classes.make("not")] }
        // "but never too tired for the pub", "but never for my birthday": no verb follows,
        // so no "do" either.
        if result.contains(where: { classes.contains(.aux, $0) }),
           classes.contains(.degree, next) || classes.contains(.state, next) || classes.contains(.phraseEnd, next) {
            return [classes.make("not")]
        }
        if verbs.isPast(next.norm) { return [classes.make("did"), classes.make("not")] }
        let subject = result.first(where: { !$0.isMark })?.norm ?? ""
        let thirdPerson = ["he", "she", "it", "your", "my", "his", "her", "their", "the", "this", "that"].contains(subject)
        if thirdPerson, next.norm.hasSuffix("s"), let forms = verbs.forms(of: next.norm), forms.base != next.norm {
            return [classes.make("does"), classes.make("not")]
        }
        return [classes.make("do"), classes.make("not")]
    }
}
