/// What the I-statement rewriter knows, loaded from `Vocabulary/rewrite/`: its word
/// classes, the kinds of complaint with their feelings, needs and requests, labels, the
/// feelings under evaluations, frames to take complaints out of, verb forms, what a need
/// or request may say (the faithfulness guard's words), and the wording of notes.
public struct RewriteKnowledge: Sendable, Equatable {
    /// A kind of complaint ("not hearing back", "chores"): how to tell it, and what an
    /// I-statement about it can say.
    public struct Kind: Sendable, Equatable {
        public var name: String
        /// Cue phrases, as normalised words.
        public var cues: [[String]]
        public var feelings: [String]
        /// Why the first feeling fits, for the note when the user named none.
        public var why: String
        /// Candidates, in order; the first the faithfulness guard lets through is used.
        public var needs: [String]
        public var requests: [String]
    }

    /// The opening of a wrapped complaint ("why do you", "I feel like").
    public struct Frame: Sendable, Equatable {
        public enum Part: Sendable, Equatable {
            case word(String)
            case wordClass(String)
            case mark(String)
        }

        public struct Step: Sendable, Equatable {
            public var part: Part
            public var optional: Bool
        }

        public var steps: [Step]
        /// The words the complaint starts with instead.
        public var replacement: [String]
        /// Which note explains it: disguised, accusing-question, sarcasm, exasperation, past, demand.
        public var kind: String
    }

    public struct VerbForms: Sendable, Equatable {
        public var base: String
        public var past: String
        public var participle: String
        public var gerund: String
    }

    public struct LabelAdvice: Sendable, Equatable {
        public var feeling: String
        public var need: String
        public var request: String
    }

    /// Word classes by name, each entry as normalised words.
    public var wordClasses: [String: [[String]]] = [:]
    public var kinds: [Kind] = []
    /// Evaluation (normalised words joined by spaces) → the feelings under it.
    public var fauxFeelings: [String: [String]] = [:]
    /// How people say how they are without a feeling word ("sick of it", "do not care",
    /// normalised words joined by spaces) → the plain feeling it is ("worn out").
    public var saidFeelings: [String: String] = [:]
    public var frames: [Frame] = []
    public var verbs: [VerbForms] = []
    /// Label (normalised words joined by spaces) → advice; "*" for any other label.
    public var labels: [String: LabelAdvice] = [:]
    public var notes: [String: String] = [:]
    /// Expanded words and how to write them ("do not" → "don't"), longest first.
    public var display: [Display] = []
    /// Words a need or request may use without the sentence raising them.
    public var genericWords: Set<String> = []
    /// Phrases a need or request may use only as a whole ("this week", "ten minutes").
    public var genericPhrases: [[String]] = []
    /// Word → the phrases (normalised) that raise it.
    public var linkedWords: [String: [[String]]] = [:]
    /// Every need and request text → its normalised words, for the guard (read once, at
    /// build time, rather than at every start).
    public var textWords: [String: [String]] = [:]

    public struct Display: Sendable, Equatable {
        public var words: [String]
        public var written: String
    }

    public init() {}
}
