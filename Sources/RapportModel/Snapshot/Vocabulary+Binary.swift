// The binary form of a loaded vocabulary: only what was loaded is written; the tables
// built from it (concept bits, rule index) are rebuilt when it is read.

extension Vocabulary: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        var lexicon = Lexicon()
        for word in try reader.strings() { lexicon.intern(word) }
        let names = try reader.strings()
        var entries: [[[Int32]]] = []
        for _ in names {
            let count = try reader.count()
            var list: [[Int32]] = []
            for _ in 0..<count { list.append(try reader.int32s()) }
            entries.append(list)
        }
        let normaliser = try reader.read(Normaliser.self)
        let rules = try reader.readArray(Rule.self)
        let weights = try reader.read(KindWeights.self)
        let danger = try reader.read(DangerWeights.self)
        let compiled = try reader.readArray(CompiledPattern.self)
        let ruleSet = RuleSet(sorted: rules, compiled: compiled, triggerStart: try reader.int32s(), triggerRules: try reader.int32s(),
                              requirementStart: try reader.int32s(), requirements: try reader.int32s())
        do {
            try self.init(lexicon: lexicon, conceptNames: names, conceptEntries: entries, normaliser: normaliser, rules: rules,
                          weights: weights, danger: danger, compiledRules: ruleSet)
        } catch {
            throw SnapshotError("snapshot vocabulary: \(error)")
        }
    }

    public func write(to writer: inout BinaryWriter) {
        writer.strings(lexicon.words)
        writer.strings(conceptNames)
        for list in conceptEntries {
            writer.int(list.count)
            for entry in list { writer.ints(entry) }
        }
        writer.write(normaliser)
        writer.write(rules.rules)
        writer.write(weights)
        writer.write(danger)
        // The rules as matching reads them, so start-up does not index them again.
        writer.write(rules.compiled)
        writer.ints(rules.triggerStart)
        writer.ints(rules.triggerRules)
        writer.ints(rules.requirementStart)
        writer.ints(rules.requirements)
    }
}

extension CompiledPattern: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init(ops: try reader.readArray(), parts: try reader.readArray(), trigger: try reader.int(), maxLead: try reader.int(),
                  requirements: try reader.int32s())
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(ops)
        writer.write(parts)
        writer.int(trigger)
        writer.int(maxLead)
        writer.ints(requirements)
    }
}

extension CompiledPattern.Op: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        guard let code = CompiledPattern.Code(rawValue: UInt8(truncatingIfNeeded: try reader.int())) else {
            throw SnapshotError("snapshot: bad pattern step")
        }
        let flags = try reader.int()
        self.init(code: code, optional: flags & 1 != 0, negated: flags & 2 != 0, a: try reader.int32(), b: try reader.int32(),
                  trailing: flags & 4 != 0)
    }

    func write(to writer: inout BinaryWriter) {
        writer.int(Int(code.rawValue))
        writer.int((optional ? 1 : 0) | (negated ? 2 : 0) | (trailing ? 4 : 0))
        writer.int(Int(a))
        writer.int(Int(b))
    }
}

extension Normaliser: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init()
        let count = try reader.count()
        for _ in 0..<count {
            let form = try reader.string()
            let entryCount = try reader.count()
            var list: [Entry] = []
            for _ in 0..<entryCount {
                let replacement = try reader.strings()
                let context: Context
                switch try reader.int() {
                case 0: context = .none
                case 1: context = .before(try reader.read(WordTest.self))
                case 2: context = .after(try reader.read(WordTest.self))
                default: throw SnapshotError("snapshot: bad normaliser context")
                }
                list.append(Entry(replacement: replacement, context: context))
            }
            forms[form] = list
        }
        let suffixCount = try reader.count()
        for _ in 0..<suffixCount {
            suffixes.append((try reader.string(), try reader.strings()))
        }
    }

    func write(to writer: inout BinaryWriter) {
        writer.int(forms.count)
        for (form, list) in forms.sorted(by: { $0.key < $1.key }) {
            writer.string(form)
            writer.int(list.count)
            for entry in list {
                writer.strings(entry.replacement)
                switch entry.context {
                case .none: writer.int(0)
                case .before(let test): writer.int(1); writer.write(test)
                case .after(let test): writer.int(2); writer.write(test)
                }
            }
        }
        writer.int(suffixes.count)
        for (ending, replacement) in suffixes {
            writer.string(ending)
            writer.strings(replacement)
        }
    }
}

extension Normaliser.WordTest: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        switch try reader.int() {
        case 0: self = .concept(try reader.int())
        case 1: self = .suffix(try reader.string())
        default: throw SnapshotError("snapshot: bad word test")
        }
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .concept(let index): writer.int(0); writer.int(index)
        case .suffix(let ending): writer.int(1); writer.string(ending)
        }
    }
}

extension SignalKind: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let name = try reader.string()
        guard let kind = SignalKind(rawValue: name) else { throw SnapshotError("snapshot: unknown kind \(name)") }
        self = kind
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(rawValue)
    }
}

extension Rule: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init(kinds: try reader.readArray(), cancels: try reader.readArray(), pattern: try reader.readArray(),
                  guards: try reader.readArray(), file: try reader.string(), line: try reader.int(), pass: try reader.int())
        let topic = try reader.string()
        about = topic.isEmpty ? nil : SafetyTopic(rawValue: topic)
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(kinds)
        writer.write(cancels)
        writer.write(pattern)
        writer.write(guards)
        writer.string(file)
        writer.int(line)
        writer.int(pass)
        writer.string(about?.rawValue ?? "")
    }
}

extension PatternElement: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        switch try reader.int() {
        case 0: self = .word(try reader.int32())
        case 1: self = .concept(try reader.int())
        case 2: self = .choice(try reader.readArray())
        case 3: self = .sequence(try reader.readArray())
        case 4: self = .optional(try reader.read())
        case 5: self = .gap(max: try reader.int())
        case 6: self = .punctuation(try reader.string())
        case 7: self = .clauseStart
        case 8: self = .clauseEnd
        case 9: self = .spanStart
        case 10: self = .spanEnd
        case 11: self = .notNext(try reader.read())
        default: throw SnapshotError("snapshot: bad pattern element")
        }
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .word(let word): writer.int(0); writer.int(Int(word))
        case .concept(let concept): writer.int(1); writer.int(concept)
        case .choice(let alternatives): writer.int(2); writer.write(alternatives)
        case .sequence(let items): writer.int(3); writer.write(items)
        case .optional(let inner): writer.int(4); writer.write(inner)
        case .gap(let maximum): writer.int(5); writer.int(maximum)
        case .punctuation(let mark): writer.int(6); writer.string(mark)
        case .clauseStart: writer.int(7)
        case .clauseEnd: writer.int(8)
        case .spanStart: writer.int(9)
        case .spanEnd: writer.int(10)
        case .notNext(let inner): writer.int(11); writer.write(inner)
        }
    }
}

extension RuleGuard: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        switch try reader.int() {
        case 0: self = .unnegated
        case 1: self = .own
        case 2: self = .statement
        case 3: self = .question
        case 4: self = .real
        case 5: self = .after(try reader.readArray())
        case 6: self = .with(try reader.readArray())
        case 7: self = .without(try reader.readArray())
        case 8: self = .lineHas(try reader.int())
        case 9: self = .lineLacks(try reader.int())
        case 10: self = .sentenceHas(try reader.int())
        case 11: self = .sentenceLacks(try reader.int())
        case 13: self = .main
        case 14: self = .imperative
        case 15: self = .partLacks(try reader.int())
        case 12:
            self = .by(try reader.strings().compactMap(SubjectKind.init(rawValue:)))
        default: throw SnapshotError("snapshot: bad guard")
        }
    }

    func write(to writer: inout BinaryWriter) {
        switch self {
        case .unnegated: writer.int(0)
        case .own: writer.int(1)
        case .statement: writer.int(2)
        case .question: writer.int(3)
        case .real: writer.int(4)
        case .after(let kinds): writer.int(5); writer.write(kinds)
        case .with(let kinds): writer.int(6); writer.write(kinds)
        case .without(let kinds): writer.int(7); writer.write(kinds)
        case .lineHas(let concept): writer.int(8); writer.int(concept)
        case .lineLacks(let concept): writer.int(9); writer.int(concept)
        case .sentenceHas(let concept): writer.int(10); writer.int(concept)
        case .sentenceLacks(let concept): writer.int(11); writer.int(concept)
        case .by(let subjects): writer.int(12); writer.strings(subjects.map(\.rawValue))
        case .main: writer.int(13)
        case .imperative: writer.int(14)
        case .partLacks(let concept): writer.int(15); writer.int(concept)
        }
    }
}

extension KindWeights: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init()
        for name in try reader.strings() {
            guard let kind = SignalKind(rawValue: name) else { throw SnapshotError("snapshot: unknown weighed kind \(name)") }
            _ = index(of: kind)
        }
        let bias: [Float] = try reader.block()
        let addAbove: [Float] = try reader.block()
        guard bias.count == kinds.count, addAbove.count == kinds.count else { throw SnapshotError("snapshot: bad kind weights") }
        for (position, kind) in kinds.enumerated() {
            setBias(bias[position], for: kind)
            setAddAbove(addAbove[position], for: kind)
        }
        for position in kinds.indices {
            for name in try reader.strings() {
                guard let other = SignalKind(rawValue: name) else { throw SnapshotError("snapshot: unknown kind \(name)") }
                addNotOver(other, for: kinds[position])
            }
        }
        let features = try reader.read(WeighedFeatures.self)
        setFeatures(features, weightsOf: try FlatWeights.read(from: &reader, targets: kinds.count, features: features.count))
    }

    public func write(to writer: inout BinaryWriter) {
        writer.strings(kinds.map(\.rawValue))
        writer.block(bias)
        writer.block(addAbove)
        for list in notOver { writer.strings(list.map(\.rawValue)) }
        writer.write(features)
        weightsOf.write(to: &writer)
    }
}

extension FlatWeights {
    static func read(from reader: inout BinaryReader, targets: Int, features: Int) throws(SnapshotError) -> FlatWeights {
        guard let weights = FlatWeights(start: try reader.block(), target: try reader.block(), value: try reader.block(), targets: targets),
              weights.featureCount <= features else { throw SnapshotError("snapshot: bad weights") }
        return weights
    }

    func write(to writer: inout BinaryWriter) {
        writer.block(start)
        writer.block(target)
        writer.block(value)
    }
}

/// The features already numbered, indexed and linked to the lexicon, so start-up copies in
/// the tables the weighing uses instead of parsing thousands of feature names.
extension WeighedFeatures: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        let nameBytes: [UInt8] = try reader.block()
        let nameStart: [Int32] = try reader.block()
        var ruleFeature: [SignalKind: Int32] = [:]
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            guard let kind = SignalKind(rawValue: name) else { throw SnapshotError("snapshot: bad rule feature \(name)") }
            ruleFeature[kind] = try reader.int32()
        }
        self.init(nameBytes: nameBytes, nameStart: nameStart, ruleFeature: ruleFeature, words: try reader.strings(),
                  wordFeature: try reader.block(), pairKeys: try reader.block(), pairFeatures: try reader.block(),
                  numberByLexicon: try reader.block(), lengthFeature: try reader.block(), wordConceptStart: try reader.block(),
                  wordConcepts: try reader.block(), phraseConceptStart: try reader.block(), phraseWordStart: try reader.block(),
                  phraseWords: try reader.block(), phraseFeature: try reader.block())
        guard isConsistent() else { throw SnapshotError("snapshot: bad weighed features") }
    }

    /// Only linked features are written (`Vocabulary` links them as it is made).
    func write(to writer: inout BinaryWriter) {
        precondition(isLinked, "weighed features are written after linking")
        writer.block(nameBytes)
        writer.block(nameStart)
        let rules = ruleFeature.sorted { $0.value < $1.value }
        writer.int(rules.count)
        for (kind, feature) in rules {
            writer.string(kind.rawValue)
            writer.int(Int(feature))
        }
        writer.strings(words)
        writer.block(wordFeature)
        writer.block(pairKeys)
        writer.block(pairFeatures)
        writer.block(numberByLexicon)
        writer.block(lengthFeature)
        writer.block(wordConceptStart)
        writer.block(wordConcepts)
        writer.block(phraseConceptStart)
        writer.block(phraseWordStart)
        writer.block(phraseWords)
        writer.block(phraseFeature)
    }
}

extension DangerWeights: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init()
        for name in try reader.strings() {
            guard let topic = SafetyTopic(rawValue: name) else { throw SnapshotError("snapshot: unknown safety topic \(name)") }
            _ = index(of: topic)
        }
        let bias: [Float] = try reader.block()
        let askAbove: [Float] = try reader.block()
        guard bias.count == topics.count, askAbove.count == topics.count else { throw SnapshotError("snapshot: bad danger weights") }
        for (position, topic) in topics.enumerated() {
            setBias(bias[position], for: topic)
            setAskAbove(askAbove[position], for: topic)
        }
        let features = try reader.read(WeighedFeatures.self)
        setFeatures(features, weightsOf: try FlatWeights.read(from: &reader, targets: topics.count, features: features.count))
    }

    public func write(to writer: inout BinaryWriter) {
        writer.strings(topics.map(\.rawValue))
        writer.block(bias)
        writer.block(askAbove)
        writer.write(features)
        weightsOf.write(to: &writer)
    }
}
