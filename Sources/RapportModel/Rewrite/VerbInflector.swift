/// A verb's forms, from `verbs.txt` for irregular verbs or by the regular pattern
/// ("walk, walked, walked, walking"). Words that only look like verb forms ("nothing",
/// "morning", "dishes") are not verbs.
struct VerbInflector: Sendable {
    private let irregular: [String: RewriteKnowledge.VerbForms]
    private let classes: RewriteWordClasses

    init(_ verbs: [RewriteKnowledge.VerbForms], classes: RewriteWordClasses) {
        var byForm: [String: RewriteKnowledge.VerbForms] = [:]
        for verb in verbs {
            for form in [verb.gerund, verb.participle, verb.past, verb.base] { byForm[form] = verb }
        }
        irregular = byForm
        self.classes = classes
    }

    func forms(of word: String) -> RewriteKnowledge.VerbForms? {
        if let known = irregular[word] { return known }
        guard word.count > 2, word.allSatisfy(\.isLetter), !classes.contains(.notAVerb, classes.make(word)) else { return nil }
        if word.hasSuffix("ied") {
            let base = String(word.dropLast(3)) + "y"
            return .init(base: base, past: word, participle: word, gerund: base + "ing")
        }
        if word.hasSuffix("ed"), !word.hasSuffix("eed"), word.count > 3 {
            var base = String(word.dropLast(2))
            if word.hasSuffix("eed") == false, let last = base.last, base.count > 2, base.dropLast().last == last, !"lsz".contains(last) {
                base = String(base.dropLast()) // "stopped" → "stop"
            } else if Self.endsInSilentE(base) {
                base += "e" // "changed" → "change"
            }
            return .init(base: base, past: word, participle: word, gerund: Self.gerund(base))
        }
        if word.hasSuffix("ing") {
            var base = String(word.dropLast(3))
            if let last = base.last, base.count > 2, base.dropLast().last == last, !"lsz".contains(last) {
                base = String(base.dropLast())
            } else if Self.endsInSilentE(base) {
                base += "e"
            }
            return .init(base: base, past: Self.past(base), participle: Self.past(base), gerund: word)
        }
        var base = word
        if word.hasSuffix("ies") {
            base = String(word.dropLast(3)) + "y"
        } else if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("sses") || word.hasSuffix("xes") {
            base = String(word.dropLast(2))
        } else if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") {
            base = String(word.dropLast())
        }
        // "gets" is "get", whose forms verbs.txt knows ("getting", not "geting").
        if base != word, let known = irregular[base], known.base == base { return known }
        return .init(base: base, past: Self.past(base), participle: Self.past(base), gerund: Self.gerund(base))
    }

    /// The "-ing" form of a word known to be a verb's base, even one that also reads as a
    /// noun ("made me miss" → "missing").
    func gerund(ofBase base: String) -> String {
        if let known = irregular[base], known.base == base { return known.gerund }
        return Self.gerund(base)
    }

    /// Whether the word is a verb form from `verbs.txt`.
    func isListed(_ word: String) -> Bool {
        irregular[word] != nil
    }

    /// The third-person present ("he leaves").
    func thirdPerson(of base: String) -> String {
        if base == "have" { return "has" }
        if base == "do" || base == "go" { return base + "es" }
        if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") { return base + "es" }
        if base.hasSuffix("y"), let before = base.dropLast().last, !"aeiou".contains(before) { return String(base.dropLast()) + "ies" }
        return base + "s"
    }

    /// Whether the word is a past form of a verb (not also its base: "put", "read" are both).
    func isPast(_ word: String) -> Bool {
        guard let forms = forms(of: word) else { return false }
        return forms.past == word && forms.base != word
    }

    private static func past(_ base: String) -> String {
        if base.hasSuffix("e") { return base + "d" }
        if base.hasSuffix("y"), base.count > 2, let before = base.dropLast().last, !"aeiou".contains(before) { return String(base.dropLast()) + "ied" }
        return base + "ed"
    }

    private static func gerund(_ base: String) -> String {
        if base.hasSuffix("ie") { return String(base.dropLast(2)) + "ying" }
        if base.hasSuffix("e"), !base.hasSuffix("ee"), base.count > 2 { return String(base.dropLast()) + "ing" }
        return base + "ing"
    }

    /// "chang" + e, "smok" + e: a consonant after a single vowel and before it another
    /// consonant, or the common -v, -c, -g, -z endings.
    private static func endsInSilentE(_ stem: String) -> Bool {
        let letters = Array(stem)
        guard letters.count >= 2, let last = letters.last else { return false }
        if "vcgz".contains(last) && !stem.hasSuffix("ng") { return true }
        if "aeiouwxy".contains(last) { return false }
        let before = letters[letters.count - 2]
        guard "aeiou".contains(before) else { return false }
        // one vowel before the final consonant: "smok", "lov", "shar"; not "look", "open"
        if letters.count >= 3, "aeiou".contains(letters[letters.count - 3]) { return false }
        return ["k", "r", "t", "d", "s", "m", "l", "n", "p", "b"].contains(last) && letters.count <= 4
    }
}
