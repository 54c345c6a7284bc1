// The binary form of the rewriter's knowledge, embedded in the snapshot.

extension RewriteKnowledge: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init()
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            var cues: [[String]] = []
            for _ in 0..<(try reader.count()) { cues.append(try reader.strings()) }
            topics.append(Topic(name: name, cues: cues, feelings: try reader.strings(), need: try reader.string(),
                                request: try reader.string(), situation: try reader.string()))
        }
        for _ in 0..<(try reader.count()) { fauxFeelings[try reader.string()] = try reader.strings() }
        for _ in 0..<(try reader.count()) {
            var parts: [(part: Frame.Part, optional: Bool)] = []
            for _ in 0..<(try reader.count()) {
                let tag = try reader.int()
                let text = try reader.string()
                let optional = try reader.bool()
                switch tag {
                case 0: parts.append((.word(text), optional))
                case 1: parts.append((.concept(text), optional))
                case 2: parts.append((.mark(text), optional))
                default: throw SnapshotError("snapshot: bad frame part")
                }
            }
            frames.append(Frame(parts: parts, replacement: try reader.strings(), kind: try reader.string()))
        }
        for _ in 0..<(try reader.count()) {
            observations.append(Observation(complaint: try reader.strings(), takesRest: try reader.bool(), observation: try reader.string()))
        }
        for _ in 0..<(try reader.count()) {
            let forms = try reader.strings()
            guard forms.count == 4 else { throw SnapshotError("snapshot: bad verb forms") }
            verbs.append(VerbForms(base: forms[0], past: forms[1], participle: forms[2], gerund: forms[3]))
        }
        for _ in 0..<(try reader.count()) {
            let label = try reader.string()
            let parts = try reader.strings()
            guard parts.count == 4 else { throw SnapshotError("snapshot: bad label advice") }
            labels[label] = LabelAdvice(feeling: parts[0], example: parts[1], need: parts[2], request: parts[3])
        }
        for _ in 0..<(try reader.count()) { notes[try reader.string()] = try reader.string() }
        for _ in 0..<(try reader.count()) { display.append((try reader.strings(), try reader.string())) }
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(topics.count)
        for topic in topics {
            writer.string(topic.name)
            writer.int(topic.cues.count)
            for cue in topic.cues { writer.strings(cue) }
            writer.strings(topic.feelings)
            writer.string(topic.need)
            writer.string(topic.request)
            writer.string(topic.situation)
        }
        writer.int(fauxFeelings.count)
        for (key, feelings) in fauxFeelings.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.strings(feelings)
        }
        writer.int(frames.count)
        for frame in frames {
            writer.int(frame.parts.count)
            for (part, optional) in frame.parts {
                switch part {
                case .word(let text): writer.int(0); writer.string(text)
                case .concept(let text): writer.int(1); writer.string(text)
                case .mark(let text): writer.int(2); writer.string(text)
                }
                writer.bool(optional)
            }
            writer.strings(frame.replacement)
            writer.string(frame.kind)
        }
        writer.int(observations.count)
        for observation in observations {
            writer.strings(observation.complaint)
            writer.bool(observation.takesRest)
            writer.string(observation.observation)
        }
        writer.int(verbs.count)
        for verb in verbs { writer.strings([verb.base, verb.past, verb.participle, verb.gerund]) }
        writer.int(labels.count)
        for (label, advice) in labels.sorted(by: { $0.key < $1.key }) {
            writer.string(label)
            writer.strings([advice.feeling, advice.example, advice.need, advice.request])
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
    }
}
