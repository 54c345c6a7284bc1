/// Everything the analysis knows about words, loaded from the files in `Vocabulary/`:
/// `normalise.txt` (typed forms), `concepts/*.txt` (word classes) and `rules/*.rules`
/// (patterns that find signals). See `Vocabulary/README.md` for the formats.
public struct Vocabulary: Sendable {
    let lexicon: Lexicon
    let concepts: ConceptTable
    let grammar: GrammarConcepts
    let normaliser: Normaliser
    let rules: RuleSet

    /// The vocabulary built into the binary.
    public static func builtIn() throws(DiagnosticList) -> Vocabulary {
        try load(EmbeddedResources.vocabulary.map { (path: $0.path, text: $0.text) })
    }

    /// Loads vocabulary files, each named by its path inside the vocabulary folder
    /// ("concepts/apology.txt"). Files outside the three kinds are left to other readers.
    public static func load(_ files: [(path: String, text: String)]) throws(DiagnosticList) -> Vocabulary {
        var builder = VocabularyBuilder()
        return try builder.build(files)
    }

    /// Normalised tokens of a line: what the rules see.
    func tokens(of scalars: [Unicode.Scalar]) -> [Token] {
        normaliser.tokens(from: TextScanner.scan(scalars), lexicon: lexicon, concepts: concepts)
    }

    /// The named concept's index, if the vocabulary defines it.
    func concept(named name: String) -> Int? {
        concepts.index(of: name)
    }

    /// How many rules and concepts were loaded, for `lint` and tests.
    public var ruleCount: Int { rules.rules.count }
    public var conceptNames: [String] { concepts.names }
}
