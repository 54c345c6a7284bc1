/// Everything compiled from the data folders at build time, in one snapshot: what the
/// binary loads at start-up instead of parsing YAML and vocabulary text.
public struct CompiledData: BinaryCodable, Sendable {
    /// Bumped when the binary form changes.
    public static let formatVersion = 23

    public var vocabulary: Vocabulary
    /// Every built-in dialogue, checked: scenarios, detours and the safety response.
    public var dialogues: [Dialogue]
    public var rewriting: RewriteKnowledge
    public var reflections: Reflections
    /// What slot filling reads: who someone can be, answers that name nobody, fillers.
    public var slotWords: SlotWords
    /// How praising coach lines begin, for `rapport lint`.
    public var praise: PraiseWords

    public init(vocabulary: Vocabulary, dialogues: [Dialogue], rewriting: RewriteKnowledge, reflections: Reflections,
                slotWords: SlotWords = SlotWords(), praise: PraiseWords = PraiseWords()) {
        self.vocabulary = vocabulary
        self.dialogues = dialogues
        self.rewriting = rewriting
        self.reflections = reflections
        self.slotWords = slotWords
        self.praise = praise
    }

    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let version = try reader.int()
        guard version == CompiledData.formatVersion else {
            throw SnapshotError("snapshot format \(version), expected \(CompiledData.formatVersion)")
        }
        vocabulary = try reader.read()
        dialogues = try reader.readArray()
        rewriting = try reader.read()
        reflections = try reader.read()
        slotWords = try reader.read()
        praise = try reader.read()
        guard reader.isAtEnd else { throw SnapshotError("snapshot has trailing bytes") }
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(CompiledData.formatVersion)
        writer.write(vocabulary)
        writer.write(dialogues)
        writer.write(rewriting)
        writer.write(reflections)
        writer.write(slotWords)
        writer.write(praise)
    }

    /// Compiles data files, reporting every problem (warnings included) with its file, line
    /// and column. Paths are relative to their folder ("rules/apology.rules", "apology.yaml").
    public static func compile(dialogues dialogueFiles: [(path: String, text: String)],
                               vocabulary vocabularyFiles: [(path: String, text: String)]) throws(DiagnosticList) -> CompiledData {
        var problems: [Diagnostic] = []
        var vocabulary: Vocabulary?
        do {
            vocabulary = try Vocabulary.load(vocabularyFiles)
        } catch {
            problems += error.diagnostics
        }
        var rewriting = RewriteKnowledge()
        if let vocabulary {
            do {
                rewriting = try RewriteKnowledgeLoader.load(vocabularyFiles, analyzer: Analyzer(vocabulary: vocabulary))
            } catch {
                problems += error.diagnostics
            }
        }
        var reflections = Reflections()
        if let text = vocabularyFiles.first(where: { $0.path == "reflections.txt" })?.text {
            do {
                reflections = try Reflections.load(text, file: "reflections.txt")
            } catch {
                problems += error.diagnostics
            }
        } else {
            problems.append(Diagnostic(file: "reflections.txt", message: "the vocabulary needs reflections.txt"))
        }
        var slotWords = SlotWords()
        if let text = vocabularyFiles.first(where: { $0.path == "slots.txt" })?.text {
            do {
                slotWords = try SlotWords.load(text, file: "slots.txt")
            } catch {
                problems += error.diagnostics
            }
        } else {
            problems.append(Diagnostic(file: "slots.txt", message: "the vocabulary needs slots.txt"))
        }
        let praise = vocabularyFiles.first { $0.path == "praise.txt" }.map { PraiseWords.load($0.text, file: "praise.txt") }
        if praise == nil { problems.append(Diagnostic(file: "praise.txt", message: "the vocabulary needs praise.txt")) }
        // Built-in dialogues are held to every check, the coherence warnings included.
        let (dialogues, dialogueProblems) = DialogueLibrary.load(dialogueFiles, praise: praise ?? PraiseWords())
        problems += dialogueProblems
        problems += DialogueChecker.check(library: dialogues, requireSafety: true)
        guard problems.isEmpty, let vocabulary else { throw DiagnosticList(problems) }
        return CompiledData(vocabulary: vocabulary, dialogues: dialogues, rewriting: rewriting, reflections: reflections,
                            slotWords: slotWords, praise: praise ?? PraiseWords())
    }

    public func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(self)
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SnapshotError) -> CompiledData {
        var reader = BinaryReader(bytes)
        return try reader.read()
    }
}
