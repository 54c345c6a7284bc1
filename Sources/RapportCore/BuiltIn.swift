@_exported import RapportModel

/// The dialogues and vocabulary built into this binary: their source text, and the form
/// they were compiled to at build time (which is what start-up loads).
public enum BuiltIn {
    /// The files as they were in `Dialogues/`, by file name.
    public static var dialogueFiles: [(path: String, text: String)] { EmbeddedResources.dialogues }
    /// The files as they were in `Vocabulary/`, by path inside it.
    public static var vocabularyFiles: [(path: String, text: String)] { EmbeddedResources.vocabulary }

    /// Decodes the compiled snapshot. It was checked when the binary was built, so a failure
    /// here means a damaged build.
    public static func compiled() throws(SnapshotError) -> CompiledData {
        try CompiledData.decode(try Base64.decode(EmbeddedResources.snapshot))
    }
}

extension DialogueLibrary {
    /// The built-in dialogues.
    public static func builtIn(from compiled: CompiledData) -> DialogueLibrary {
        DialogueLibrary(compiled.dialogues, reflections: compiled.reflections, slotWords: compiled.slotWords)
    }
}

extension Rewriter {
    /// A rewriter over the built-in knowledge.
    public init(compiled: CompiledData) {
        self.init(analyzer: Analyzer(vocabulary: compiled.vocabulary), knowledge: compiled.rewriting)
    }
}

extension Analyzer {
    /// The analyzer over the built-in vocabulary.
    public static func builtIn() throws(SnapshotError) -> Analyzer {
        Analyzer(vocabulary: try BuiltIn.compiled().vocabulary)
    }
}
