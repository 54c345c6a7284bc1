/// Everything the analysis knows about words, loaded from the files in `Vocabulary/`:
/// `normalise.txt` (typed forms), `concepts/*.txt` (word classes) and `rules/*.rules`
/// (patterns that find signals). See `Vocabulary/README.md` for the formats.
public struct Vocabulary: Sendable {
    let lexicon: Lexicon
    let conceptNames: [String]
    /// Each concept's entries as word ids, as loaded (the table below is built from them).
    let conceptEntries: [[[Int32]]]
    let concepts: ConceptTable
    /// Every word some rule names, sorted: each has a one-word concept of its own ("=sorry").
    /// Kept because a snapshot's rules carry no patterns to find them in again.
    let literalWords: [Int32]
    let grammar: GrammarConcepts
    let normaliser: Normaliser
    let rules: RuleSet
    /// The second reading, weighed over the whole line (`weights/*.tsv`); empty if none.
    let weights: KindWeights
    /// The reading for danger the rules missed (`weights/danger.tsv`); empty if none.
    let danger: DangerWeights

    /// Links loaded parts into a vocabulary ready to match. Fails only when a concept the
    /// analysis relies on is missing. `compiledRules`, from a snapshot, are the `rules`
    /// already indexed (they are then not indexed again; that took a fifth of start-up), and
    /// `literalWords` the words their patterns name (a snapshot's rules have no patterns).
    init(lexicon: Lexicon, conceptNames: [String], conceptEntries: [[[Int32]]], normaliser: Normaliser,
         rules: [Rule], weights: KindWeights = KindWeights(), danger: DangerWeights = DangerWeights(),
         compiledRules: RuleSet? = nil, literalWords: [Int32]? = nil) throws(DiagnosticList) {
        var lexicon = lexicon
        var normaliser = normaliser
        normaliser.link(&lexicon)
        // Each word a rule names gets a one-word concept of its own ("=sorry"), so the quick
        // test of whether a rule can match a line is one bit per required word.
        var names = conceptNames
        var entries = conceptEntries
        let literalList = literalWords ?? Vocabulary.literalWords(of: rules)
        guard literalList.allSatisfy({ $0 >= 0 && Int($0) < lexicon.count }) else {
            throw DiagnosticList([Diagnostic(file: "snapshot", message: "the rules' words do not fit the vocabulary")])
        }
        for word in literalList {
            names.append("=" + lexicon.words[Int(word)])
            entries.append([[word]])
        }
        let table = ConceptTable(names: names, entries: entries, wordCount: lexicon.count)
        guard let grammar = GrammarConcepts(table) else {
            let missing = GrammarConcepts.names.filter { table.index(of: $0) == nil }.map { "~" + $0 }
            throw DiagnosticList([Diagnostic(file: "concepts/grammar.txt",
                                             message: "the analysis needs these concepts: \(missing.joined(separator: ", "))")])
        }
        self.lexicon = lexicon
        self.conceptNames = conceptNames
        self.conceptEntries = conceptEntries
        self.concepts = table
        self.literalWords = literalList
        self.grammar = grammar
        self.normaliser = normaliser
        if let compiledRules {
            guard compiledRules.isConsistent(wordCount: lexicon.count, conceptCount: table.names.count) else {
                throw DiagnosticList([Diagnostic(file: "snapshot", message: "the compiled rules do not fit the vocabulary")])
            }
            self.rules = compiledRules
        } else {
            self.rules = RuleSet(rules: rules, concepts: table, wordCount: lexicon.count)
        }
        var weights = weights
        weights.link(lexicon, concepts: table)
        self.weights = weights
        var danger = danger
        danger.link(lexicon, concepts: table)
        self.danger = danger
    }

    /// Every word the rules' patterns name, sorted.
    private static func literalWords(of rules: [Rule]) -> [Int32] {
        var literal: Set<Int32> = []
        for rule in rules {
            for element in rule.pattern { element.collectLiteralWords(into: &literal) }
        }
        return literal.sorted()
    }

    /// Loads vocabulary files, each named by its path inside the vocabulary folder
    /// ("concepts/apology.txt"). Files outside the three kinds are left to other readers.
    public static func load(_ files: [(path: String, text: String)]) throws(DiagnosticList) -> Vocabulary {
        var builder = VocabularyBuilder()
        return try builder.build(files)
    }

    /// Normalised tokens of a line, and its length in Unicode scalars: what the rules see.
    func tokens(of line: String) -> (tokens: [Token], scalarCount: Int) {
        let (pieces, count) = TextScanner.scan(line)
        return (normaliser.tokens(from: pieces, lexicon: lexicon, concepts: concepts), count)
    }

    /// The named concept's index, if the vocabulary defines it.
    func concept(named name: String) -> Int? {
        concepts.index(of: name)
    }

    /// How many rules and concepts were loaded, for `lint` and tests.
    public var ruleCount: Int { rules.rules.count }
}
