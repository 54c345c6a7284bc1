/// The dialogues available to a session: the built-in ones and the user's own, with the
/// detours and the safety response they share.
public struct DialogueLibrary: Sendable {
    public private(set) var dialogues: [Dialogue]
    /// How the user's words are turned when repeated in the coach's sentences.
    public var reflections: Reflections
    /// What slots are filled from (who a reply names, answers that name nobody).
    public var slotWords: SlotWords

    public init(_ dialogues: [Dialogue], reflections: Reflections = Reflections(), slotWords: SlotWords = SlotWords()) {
        self.dialogues = dialogues
        self.reflections = reflections
        self.slotWords = slotWords
    }

    /// What the menu lists, in order.
    public var scenarios: [Dialogue] { dialogues.filter { $0.role == .scenario } }

    /// What the engine says on crisis language.
    public var safety: Dialogue? { dialogues.first { $0.role == .safety } }

    public func dialogue(id: String) -> Dialogue? {
        dialogues.first { $0.id == id }
    }

    /// Loads and checks dialogue files. A file with any error is left out (and reported);
    /// the others load. With `praise`, the coherence checks run too (`rapport lint`, the
    /// build): they only warn.
    public static func load(_ files: [(path: String, text: String)], praise: PraiseWords? = nil)
        -> (dialogues: [Dialogue], diagnostics: [Diagnostic]) {
        var dialogues: [Dialogue] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            let (dialogue, problems) = DialogueLoader.load(file.text, file: file.path)
            var all = problems
            if let dialogue, problems.isEmpty {
                all += DialogueChecker.check(dialogue)
                if let praise { all += CoherenceChecker.check(dialogue, praise: praise) }
            }
            diagnostics += all
            if let dialogue, !all.contains(where: { $0.severity == .error }) { dialogues.append(dialogue) }
        }
        return (dialogues, diagnostics)
    }

    /// Adds the user's dialogues after the built-in ones. One whose id is taken, or whose
    /// detours go nowhere, is left out with a diagnostic.
    public mutating func add(_ extra: [Dialogue]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for dialogue in extra {
            if let existing = self.dialogue(id: dialogue.id) {
                diagnostics.append(dialogue.startLocation.diagnostic("the id '\(dialogue.id)' is already used by \(existing.file); choose another"))
                continue
            }
            if dialogue.role == .safety {
                diagnostics.append(dialogue.startLocation.diagnostic("only the built-in dialogues may have 'role: safety'"))
                continue
            }
            let problems = DialogueChecker.check(library: dialogues + [dialogue], requireSafety: false)
                .filter { $0.file == dialogue.file }
            if problems.isEmpty {
                dialogues.append(dialogue)
            } else {
                diagnostics += problems
            }
        }
        return diagnostics
    }
}
