/// The feeling: one the user named ("…and I feel lonely", a crying emoji), the one under
/// an evaluation they named ("ignored" → "hurt and lonely"), the one a "you made me…"
/// carried ("embarrassed"), or else a plain one that fits the kind of complaint, with a
/// note that says why it was chosen and invites their own word.
struct FeelingChooser: Sendable {
    let classes: RewriteWordClasses
    let fauxFeelings: [String: [String]]
    let saidFeelings: SaidFeelings
    let display: DisplayTable

    struct Feeling: Sendable, Equatable {
        var words: String
        /// Whether the user gave it (then no note is needed to say why).
        var named: Bool
    }

    func choose(words: [RewriteWord], clauses: [Clause], kind: RewriteKnowledge.Kind,
                label: RewriteKnowledge.LabelAdvice?, notes: inout RewriteNotes) -> Feeling {
        for clause in clauses where clause.role == .feeling {
            // "I'm sick of it" → "worn out", with a note saying so.
            if let said = clause.saidAs, let feeling = clause.namedFeeling {
                notes.add("said-feeling", said, why: feeling)
                return Feeling(words: feeling, named: true)
            }
            if let own = feeling(in: clause.words, notes: &notes) { return Feeling(words: own, named: true) }
        }
        for clause in clauses {
            if let named = clause.namedFeeling { return Feeling(words: named, named: true) }
            if case .madeMe(let feeling) = clause.role { return Feeling(words: feeling, named: true) }
        }
        // A crying or angry emoji says the feeling too.
        if let emoji = words.first(where: { $0.isSymbol && classes.contains(.feeling, $0) }) {
            return Feeling(words: emoji.norm, named: true)
        }
        if let label {
            notes.add("feeling", label.feeling, why: "it is often what sits under a word like that")
            return Feeling(words: label.feeling, named: false)
        }
        let chosen = kind.feelings.first ?? "hurt"
        notes.add("feeling", chosen, why: kind.why)
        return Feeling(words: chosen, named: false)
    }

    /// "I feel lonely", "I'm so tired", "I feel ignored" (→ "hurt and lonely").
    private func feeling(in words: [RewriteWord], notes: inout RewriteNotes) -> String? {
        // "I'm so fed up when…": the plain feeling, not "fed up" or "sick".
        if let said = saidFeelings.match(words, at: 0) {
            notes.add("said-feeling", RewriteText.render(said.words, display), why: said.feeling)
            return said.feeling
        }
        var index = 2
        while index < words.count, classes.match(.degree, words, at: index) != nil { index += 1 }
        guard index < words.count else { return nil }
        for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
            let said = words[index..<(index + length)].norms.joined(separator: " ")
            if let under = fauxFeelings[said] {
                notes.add("faux-feeling", words[index..<(index + length)].map(\.text).joined(separator: " "))
                return under.prefix(2).joined(separator: " and ")
            }
        }
        if let length = classes.match(.feeling, words, at: index) {
            return words[index..<(index + length)].map(\.norm).joined(separator: " ")
        }
        return nil
    }
}
