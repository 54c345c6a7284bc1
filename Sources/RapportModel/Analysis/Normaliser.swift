/// Reads text the way people type it: expands contractions and texting forms ("im",
/// "u", "sry"), repairs stretched words ("soooo"), and maps emoji that carry meaning.
/// Every form comes from `Vocabulary/normalise.txt`; this type only applies them.
struct Normaliser: Sendable {
    /// When an entry applies, judged on the neighbouring typed word.
    enum Context: Sendable, Equatable {
        case none
        case before(WordTest)
        case after(WordTest)
    }

    enum WordTest: Sendable, Equatable {
        case concept(Int)
        case suffix(String)
    }

    struct Entry: Sendable {
        var replacement: [String]
        var context: Context
        /// Lexicon ids of `replacement`, filled in by `link`.
        var ids: [Int32] = []
    }

    /// Whole typed forms ("sry", "won't", "🙄").
    var forms: [String: [Entry]] = [:]
    /// The same, indexed by the lexicon id of the typed form (filled in by `link`), so that
    /// reading a word costs one string lookup.
    private var formsByWord: [[Entry]] = []
    /// Endings after an apostrophe ("n't", "'re"): the stem is kept and the ending replaced.
    /// Longest first.
    var suffixes: [(ending: String, replacement: [String])] = []

    /// Gives every typed form and every replacement word a lexicon id, so `tokens` can look a
    /// typed word up once.
    mutating func link(_ lexicon: inout Lexicon) {
        // In sorted order, so that the same files always give the same ids.
        for (form, entries) in forms.sorted(by: { $0.key < $1.key }) {
            lexicon.intern(form)
            for (index, entry) in entries.enumerated() {
                forms[form]![index].ids = entry.replacement.map { lexicon.intern($0) }
            }
        }
        formsByWord = Array(repeating: [], count: lexicon.count)
        for (form, entries) in forms {
            formsByWord[Int(lexicon.id(of: form))] = entries
        }
    }

    /// Normalises the pieces of one line into tokens.
    func tokens(from pieces: [RawPiece], lexicon: Lexicon, concepts: ConceptTable) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(pieces.count + 4)
        for (index, piece) in pieces.enumerated() {
            switch piece.kind {
            case .punctuation:
                tokens.append(Token(text: piece.text, word: Lexicon.unknown, isPunctuation: true, start: piece.start, end: piece.end))
            case .symbol:
                if let words = lookUp(piece.text, at: index, in: pieces, lexicon: lexicon, concepts: concepts) {
                    append(words, for: piece, to: &tokens, lexicon: lexicon)
                }
            case .word:
                let id = lexicon.id(of: piece.text)
                if id >= 0 && (Int(id) >= formsByWord.count || formsByWord[Int(id)].isEmpty) {
                    // The common case: a word the vocabulary knows as it is.
                    tokens.append(Token(text: piece.text, word: id, isPunctuation: false, start: piece.start, end: piece.end))
                } else {
                    append(readAs(piece.text, at: index, in: pieces, lexicon: lexicon, concepts: concepts), for: piece, to: &tokens, lexicon: lexicon)
                }
            }
        }
        return tokens
    }

    private func append(_ words: [String], for piece: RawPiece, to tokens: inout [Token], lexicon: Lexicon) {
        for word in words {
            tokens.append(Token(text: word, word: lexicon.id(of: word), isPunctuation: false, start: piece.start, end: piece.end))
        }
    }

    /// What one typed word is read as: one word or several.
    func readAs(_ typed: String, at index: Int, in pieces: [RawPiece], lexicon: Lexicon, concepts: ConceptTable) -> [String] {
        if let words = lookUp(typed, at: index, in: pieces, lexicon: lexicon, concepts: concepts) {
            return words
        }
        if typed.utf8.contains(0x27) {
            for (ending, replacement) in suffixes where typed.hasSuffix(ending) && typed.count > ending.count {
                let stem = String(typed.dropLast(ending.count))
                // The stem is read like any word: "mum's" → "mom" (as "mum" is), "ur's" → "your".
                let readStem = lookUp(stem, at: index, in: pieces, lexicon: lexicon, concepts: concepts) ?? [stem]
                return replacement.flatMap { $0 == "*" ? readStem : [$0] }
            }
            let bare = String(typed.unicodeScalars.filter { $0 != "'" })
            return readAs(bare, at: index, in: pieces, lexicon: lexicon, concepts: concepts)
        }
        if !lexicon.contains(typed), let repaired = repairStretched(typed, lexicon: lexicon) {
            return lookUp(repaired, at: index, in: pieces, lexicon: lexicon, concepts: concepts) ?? [repaired]
        }
        return [typed]
    }

    private func lookUp(_ form: String, at index: Int, in pieces: [RawPiece], lexicon: Lexicon, concepts: ConceptTable) -> [String]? {
        guard let entries = forms[form] else { return nil }
        for entry in entries where holds(entry.context, at: index, in: pieces, lexicon: lexicon, concepts: concepts) {
            return entry.replacement
        }
        return nil
    }

    private func holds(_ context: Context, at index: Int, in pieces: [RawPiece], lexicon: Lexicon, concepts: ConceptTable) -> Bool {
        switch context {
        case .none:
            return true
        case .before(let test):
            guard index + 1 < pieces.count, pieces[index + 1].kind == .word else { return false }
            return passes(test, reading(of: pieces[index + 1].text, first: true), lexicon, concepts)
        case .after(let test):
            guard index > 0, pieces[index - 1].kind == .word else { return false }
            return passes(test, reading(of: pieces[index - 1].text, first: false), lexicon, concepts)
        }
    }

    /// How a neighbouring word reads, for a context test: "u" reads as "you", "im" ends in "am".
    private func reading(of typed: String, first: Bool) -> String {
        let bare = String(typed.unicodeScalars.filter { $0 != "'" })
        guard let entry = forms[typed]?.first(where: { $0.context == .none }) ?? forms[bare]?.first(where: { $0.context == .none }),
              let word = first ? entry.replacement.first : entry.replacement.last
        else { return bare }
        return word
    }

    private func passes(_ test: WordTest, _ word: String, _ lexicon: Lexicon, _ concepts: ConceptTable) -> Bool {
        switch test {
        case .concept(let concept):
            return concepts.contains(concept, word: lexicon.id(of: word))
        case .suffix(let ending):
            return word.hasSuffix(ending)
        }
    }

    /// "soooo" → "so", "sorryyy" → "sorry", "pleeease" → "please": letters repeated for
    /// emphasis are squeezed until the word is one the vocabulary knows. Numbers are left
    /// alone: "400" is not a stretched "40".
    func repairStretched(_ word: String, lexicon: Lexicon) -> String? {
        let letters = Array(word.unicodeScalars)
        guard !letters.contains(where: { $0.properties.numericType != nil }) else { return nil }
        var hasRun = false
        for index in 1..<max(1, letters.count) where letters[index] == letters[index - 1] {
            hasRun = true
            break
        }
        guard hasRun else { return nil }
        for (minimumRun, keep) in [(3, 2), (3, 1), (2, 1)] {
            let candidate = squeeze(letters, runsOf: minimumRun, to: keep)
            // A single letter is never what a stretched word meant ("SS#" is not "s").
            if candidate != word, candidate.unicodeScalars.count > 1,
               lexicon.contains(candidate) || forms[candidate] != nil {
                return candidate
            }
        }
        return nil
    }

    private func squeeze(_ letters: [Unicode.Scalar], runsOf minimumRun: Int, to keep: Int) -> String {
        var result = String.UnicodeScalarView()
        var index = 0
        while index < letters.count {
            var end = index + 1
            while end < letters.count && letters[end] == letters[index] { end += 1 }
            let run = end - index
            let kept = run >= minimumRun ? keep : run
            for _ in 0..<kept { result.append(letters[index]) }
            index = end
        }
        return String(result)
    }
}
