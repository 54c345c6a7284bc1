/// What the I-statement rewriter knows, loaded from `Vocabulary/rewrite/`: topics with
/// their feelings, needs and requests; the feelings under evaluations; frames to take
/// complaints out of; observations; verb forms; labels; the wording of notes.
public struct RewriteKnowledge: Sendable, Equatable {
    public struct Topic: Sendable, Equatable {
        public var name: String
        /// Cue phrases, as normalised words.
        public var cues: [[String]]
        public var feelings: [String]
        public var need: String
        public var request: String
        public var situation: String
    }

    /// The opening of a wrapped complaint ("why do you", "I feel like").
    public struct Frame: Sendable, Equatable {
        public enum Part: Sendable, Equatable {
            case word(String)
            case concept(String)
            case mark(String)
        }

        /// Parts in order, each optional or not.
        public var parts: [(part: Part, optional: Bool)]
        /// The words the complaint starts with instead.
        public var replacement: [String]
        /// Which note explains it: disguised, accusing-question, sarcasm, exasperation.
        public var kind: String

        public static func == (lhs: Frame, rhs: Frame) -> Bool {
            lhs.replacement == rhs.replacement && lhs.kind == rhs.kind && lhs.parts.count == rhs.parts.count
                && zip(lhs.parts, rhs.parts).allSatisfy { $0.part == $1.part && $0.optional == $1.optional }
        }
    }

    public struct Observation: Sendable, Equatable {
        /// The complaint's first words, normalised.
        public var complaint: [String]
        /// Whether more may follow the complaint's words ("..." on the left); if not, they must be all of it.
        public var takesRest: Bool
        /// Written output; "..." stands for the rest of the complaint.
        public var observation: String
    }

    public struct VerbForms: Sendable, Equatable {
        public var base: String
        public var past: String
        public var participle: String
        public var gerund: String
    }

    public struct LabelAdvice: Sendable, Equatable {
        public var feeling: String
        public var example: String
        public var need: String
        public var request: String
    }

    public var topics: [Topic] = []
    /// Evaluation (normalised words joined by spaces) → the feelings under it.
    public var fauxFeelings: [String: [String]] = [:]
    public var frames: [Frame] = []
    public var observations: [Observation] = []
    public var verbs: [VerbForms] = []
    public var labels: [String: LabelAdvice] = [:]
    public var notes: [String: String] = [:]
    /// Expanded words and how to write them ("do not" → "don't"), longest first.
    public var display: [(words: [String], written: String)] = []

    public init() {}

    public static func == (lhs: RewriteKnowledge, rhs: RewriteKnowledge) -> Bool {
        lhs.topics == rhs.topics && lhs.fauxFeelings == rhs.fauxFeelings && lhs.frames == rhs.frames
            && lhs.observations == rhs.observations && lhs.verbs == rhs.verbs && lhs.labels == rhs.labels
            && lhs.notes == rhs.notes && lhs.display.count == rhs.display.count
            && zip(lhs.display, rhs.display).allSatisfy { $0.words == $1.words && $0.written == $1.written }
    }

    /// Forms of a verb given any of its forms.
    func forms(of word: String) -> VerbForms? {
        verbs.first { $0.base == word || $0.past == word || $0.participle == word || $0.gerund == word }
    }
}
