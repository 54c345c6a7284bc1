// The binary form of the rewriter's knowledge, embedded in the snapshot. Dictionaries are
// written sorted by key, so the same files always give the same bytes.

extension RewriteKnowledge: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init()
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            var entries: [[String]] = []
            for _ in 0..<(try reader.count()) { entries.append(try reader.strings()) }
            wordClasses[name] = entries
        }
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            var cues: [[String]] = []
            for _ in 0..<(try reader.count()) { cues.append(try reader.strings()) }
            kinds.append(Kind(name: name, cues: cues, feelings: try reader.strings(), why: try reader.string(),
                              needs: try reader.strings(), requests: try reader.strings()))
        }
        for _ in 0..<(try reader.count()) { fauxFeelings[try reader.string()] = try reader.strings() }
        for _ in 0..<(try reader.count()) { saidFeelings[try reader.string()] = try reader.string() }
        for _ in 0..<(try reader.count()) {
            var steps: [Frame.Step] = []
            for _ in 0..<(try reader.count()) {
                let tag = try reader.int()
                let text = try reader.string()
                let optional = try reader.bool()
                switch tag {
                case 0: steps.append(.init(part: .word(text), optional: optional))
                case 1: steps.append(.init(part: .wordClass(text), optional: optional))
                case 2: steps.append(.init(part: .mark(text), optional: optional))
                default: throw SnapshotError("snapshot: bad frame part")
                }
            }
            frames.append(Frame(steps: steps, replacement: try reader.strings(), kind: try reader.string()))
        }
        for _ in 0..<(try reader.count()) {
            let forms = try reader.strings()
            guard forms.count == 4 else { throw SnapshotError("snapshot: bad verb forms") }
            verbs.append(VerbForms(base: forms[0], past: forms[1], participle: forms[2], gerund: forms[3]))
        }
        for _ in 0..<(try reader.count()) {
            let label = try reader.string()
            let parts = try reader.strings()
            guard parts.count == 3 else { throw SnapshotError("snapshot: bad label advice") }
            labels[label] = LabelAdvice(feeling: parts[0], need: parts[1], request: parts[2])
        }
        for _ in 0..<(try reader.count()) { notes[try reader.string()] = try reader.string() }
        for _ in 0..<(try reader.count()) { display.append(Display(words: try reader.strings(), written: try reader.string())) }
        genericWords = Set(try reader.strings())
        for _ in 0..<(try reader.count()) { genericPhrases.append(try reader.strings()) }
        for _ in 0..<(try reader.count()) {
            let word = try reader.string()
            var phrases: [[String]] = []
            for _ in 0..<(try reader.count()) { phrases.append(try reader.strings()) }
            linkedWords[word] = phrases
        }
        for _ in 0..<(try reader.count()) { textWords[try reader.string()] = try reader.strings() }
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(wordClasses.count)
        for (name, entries) in wordClasses.sorted(by: { $0.key < $1.key }) {
            writer.string(name)
            writer.int(entries.count)
            for entry in entries { writer.strings(entry) }
        }
        writer.int(kinds.count)
        for kind in kinds {
            writer.string(kind.name)
            writer.int(kind.cues.count)
            for cue in kind.cues { writer.strings(cue) }
            writer.strings(kind.feelings)
            writer.string(kind.why)
            writer.strings(kind.needs)
            writer.strings(kind.requests)
        }
        writer.int(fauxFeelings.count)
        for (key, feelings) in fauxFeelings.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.strings(feelings)
        }
        writer.int(saidFeelings.count)
        for (phrase, feeling) in saidFeelings.sorted(by: { $0.key < $1.key }) {
            writer.string(phrase)
            writer.string(feeling)
        }
        writer.int(frames.count)
        for frame in frames {
            writer.int(frame.steps.count)
            for step in frame.steps {
                switch step.part {
                case .word(let text): writer.int(0); writer.string(text)
                case .wordClass(let text): writer.int(1); writer.string(text)
                case .mark(let text): writer.int(2); writer.string(text)
                }
                writer.bool(step.optional)
            }
            writer.strings(frame.replacement)
            writer.string(frame.kind)
        }
        writer.int(verbs.count)
        for verb in verbs { writer.strings([verb.base, verb.past, verb.participle, verb.gerund]) }
        writer.int(labels.count)
        for (label, advice) in labels.sorted(by: { $0.key < $1.key }) {
            writer.string(label)
            writer.strings([advice.feeling, advice.need, advice.request])
        }
        writer.int(notes.count)
        for (kind, message) in notes.sorted(by: { $0.key < $1.key }) {
            writer.string(kind)
            writer.string(message)
        }
        writer.int(display.count)
        for entry in display {
            writer.strings(entry.words)
            writer.string(entry.written)
        }
        writer.strings(genericWords.sorted())
        writer.int(genericPhrases.count)
        for phrase in genericPhrases { writer.strings(phrase) }
        writer.int(linkedWords.count)
        for (word, phrases) in linkedWords.sorted(by: { $0.key < $1.key }) {
            writer.string(word)
            writer.int(phrases.count)
            for phrase in phrases { writer.strings(phrase) }
        }
        writer.int(textWords.count)
        for (text, words) in textWords.sorted(by: { $0.key < $1.key }) {
            writer.string(text)
            writer.strings(words)
        }
    }
}
