// The binary form of a loaded vocabulary: what was loaded, and the tables matching and
// weighing read as they are (the compiled rules and their index, the linked weighing). The
// concept table is rebuilt when it is read. Rules are written without their patterns:
// matching reads the compiled form, and the words the patterns name are written beside.

extension Vocabulary: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        var lexicon = Lexicon()
        for word in try reader.strings() { lexicon.intern(word) }
        let names = try reader.strings()
        let entries = try Vocabulary.readEntries(&reader, concepts: names.count, wordCount: lexicon.count)
        let normaliser = try reader.read(Normaliser.self)
        let rules = try reader.readArray(Rule.self)
        let weights = try reader.read(KindWeights.self)
        let danger = try reader.read(DangerWeights.self)
        let compiled = try CompiledPattern.readAll(&reader)
        let ruleSet = RuleSet(sorted: rules, compiled: compiled, triggerStart: try reader.int32s(), triggerRules: try reader.int32s(),
                              requirementStart: try reader.int32s(), requirements: try reader.int32s())
        let literalWords: [Int32] = try reader.block()
        do {
            try self.init(lexicon: lexicon, conceptNames: names, conceptEntries: entries, normaliser: normaliser, rules: rules,
                          weights: weights, danger: danger, compiledRules: ruleSet, literalWords: literalWords)
        } catch {
            throw SnapshotError("snapshot vocabulary: \(error)")
        }
    }

    public func write(to writer: inout BinaryWriter) {
        writer.strings(lexicon.words)
        writer.strings(conceptNames)
        // Flat: entries per concept, words per entry, then every word, as blocks.
        writer.block(conceptEntries.map { Int32($0.count) })
        writer.block(conceptEntries.flatMap { $0.map { Int32($0.count) } })
        writer.block(conceptEntries.flatMap { $0.flatMap { $0 } })
        writer.write(normaliser)
        writer.write(rules.rules)
        writer.write(weights)
        writer.write(danger)
        // The rules as matching reads them, so start-up does not index them again.
        CompiledPattern.writeAll(rules.compiled, to: &writer)
        writer.ints(rules.triggerStart)
        writer.ints(rules.triggerRules)
        writer.ints(rules.requirementStart)
        writer.ints(rules.requirements)
        writer.block(literalWords)
    }
}

extension Vocabulary {
    /// Each concept's entries, as `write` lays them out flat.
    static func readEntries(_ reader: inout BinaryReader, concepts: Int, wordCount: Int) throws(SnapshotError) -> [[[Int32]]] {
        let entryCounts: [Int32] = try reader.block()
        let lengths: [Int32] = try reader.block()
        let words: [Int32] = try reader.block()
        guard entryCounts.count == concepts, entryCounts.allSatisfy({ $0 >= 0 }), lengths.allSatisfy({ $0 >= 0 }),
              entryCounts.reduce(0, { $0 + Int($1) }) == lengths.count, lengths.reduce(0, { $0 + Int($1) }) == words.count,
              words.allSatisfy({ $0 >= 0 && Int($0) < wordCount }) else {
            throw SnapshotError("snapshot: bad concept entries")
        }
        var entries: [[[Int32]]] = []
        entries.reserveCapacity(concepts)
        var entry = 0
        var word = 0
        for count in entryCounts {
            var list: [[Int32]] = []
            list.reserveCapacity(Int(count))
            for _ in 0..<Int(count) {
                let length = Int(lengths[entry])
                list.append(Array(words[word..<(word + length)]))
                word += length
                entry += 1
            }
            entries.append(list)
        }
        return entries
    }
}

/// Every rule's compiled pattern, flat: the steps of all patterns as blocks of fixed-width
/// fields, and where each pattern's steps and parts start. One copy per field, where a
/// number at a time was a tenth of start-up.
extension CompiledPattern {
    static func writeAll(_ patterns: [CompiledPattern], to writer: inout BinaryWriter) {
        // The steps of all patterns, then the parts of all patterns.
        let steps = patterns.flatMap(\.ops) + patterns.flatMap(\.parts)
        writer.starts(flatStarts(patterns.map(\.ops.count)))
        writer.starts(flatStarts(patterns.map(\.parts.count)))
        writer.block(steps.map(\.code.rawValue))
        writer.block(steps.map { UInt8(($0.optional ? 1 : 0) | ($0.negated ? 2 : 0) | ($0.trailing ? 4 : 0)) })
        writer.block(steps.map(\.a))
        writer.block(steps.map(\.b))
        writer.block(patterns.map { Int32($0.trigger) })
        writer.block(patterns.map { Int32($0.maxLead) })
        writer.starts(flatStarts(patterns.map(\.requirements.count)))
        writer.block(patterns.flatMap(\.requirements))
    }

    static func readAll(_ reader: inout BinaryReader) throws(SnapshotError) -> [CompiledPattern] {
        let opStart = try reader.starts()
        let partStart = try reader.starts()
        let codes: [UInt8] = try reader.block()
        let flags: [UInt8] = try reader.block()
        let a: [Int32] = try reader.block()
        let b: [Int32] = try reader.block()
        let trigger: [Int32] = try reader.block()
        let maxLead: [Int32] = try reader.block()
        let requirementStart = try reader.starts()
        let requirements: [Int32] = try reader.block()
        let count = trigger.count
        guard opStart.count == count + 1, partStart.count == count + 1, maxLead.count == count, requirementStart.count == count + 1,
              let ops = opStart.last, let parts = partStart.last, Int(ops + parts) == codes.count,
              flags.count == codes.count, a.count == codes.count, b.count == codes.count, requirementStart.last.map(Int.init) == requirements.count
        else { throw SnapshotError("snapshot: bad compiled patterns") }
        var steps: [Op] = []
        steps.reserveCapacity(codes.count)
        for index in codes.indices {
            guard let code = Code(rawValue: codes[index]) else { throw SnapshotError("snapshot: bad pattern step") }
            let flag = flags[index]
            steps.append(Op(code: code, optional: flag & 1 != 0, negated: flag & 2 != 0, a: a[index], b: b[index], trailing: flag & 4 != 0))
        }
        var patterns: [CompiledPattern] = []
        patterns.reserveCapacity(count)
        for index in 0..<count {
            let opRange = Int(opStart[index])..<Int(opStart[index + 1])
            let partRange = Int(ops + partStart[index])..<Int(ops + partStart[index + 1])
            patterns.append(CompiledPattern(ops: Array(steps[opRange]), parts: Array(steps[partRange]), trigger: Int(trigger[index]),
                                            maxLead: Int(maxLead[index]),
                                            requirements: Array(requirements[Int(requirementStart[index])..<Int(requirementStart[index + 1])])))
        }
        return patterns
    }

    /// 0, then the running totals of `counts`.
    private static func flatStarts(_ counts: [Int]) -> [Int32] {
        var starts: [Int32] = [0]
        for count in counts { starts.append(starts[starts.count - 1] + Int32(count)) }
        return starts
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

/// A rule without its pattern (see the top of this file): decoding the patterns was an
/// eighth of start-up, for nothing the analysis reads.
extension Rule: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init(kinds: try reader.readArray(), cancels: try reader.readArray(), pattern: [],
                  guards: try reader.readArray(), file: try reader.string(), line: try reader.int(), pass: try reader.int())
        let topic = try reader.string()
        about = topic.isEmpty ? nil : SafetyTopic(rawValue: topic)
    }

    func write(to writer: inout BinaryWriter) {
        writer.write(kinds)
        writer.write(cancels)
        writer.write(guards)
        writer.string(file)
        writer.int(line)
        writer.int(pass)
        writer.string(about?.rawValue ?? "")
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
        let (bias, addAbove) = try reader.perTarget(count: kinds.count)
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

extension BinaryReader {
    /// A weighing's two numbers per kind or topic: its starting score and its mark.
    mutating func perTarget(count: Int) throws(SnapshotError) -> (bias: [Float], mark: [Float]) {
        let bias: [Float] = try block()
        let mark: [Float] = try block()
        guard bias.count == count, mark.count == count else { throw SnapshotError("snapshot: bad weighing") }
        return (bias, mark)
    }
}

extension FlatWeights {
    /// The targets go in a byte each: there are a few dozen kinds or topics at most.
    static func read(from reader: inout BinaryReader, targets: Int, features: Int) throws(SnapshotError) -> FlatWeights {
        let start = try reader.starts()
        let target: [UInt8] = try reader.block()
        guard let weights = FlatWeights(start: start, target: target.map { Int32($0) }, value: try reader.block(), targets: targets),
              weights.featureCount <= features else { throw SnapshotError("snapshot: bad weights") }
        return weights
    }

    func write(to writer: inout BinaryWriter) {
        precondition(target.allSatisfy { $0 <= 255 }, "weights for more than 256 kinds")
        writer.starts(start)
        writer.block(target.map { UInt8($0) })
        writer.block(value)
    }
}

/// The features already numbered, indexed and linked to the lexicon, so start-up copies in
/// the tables the weighing uses instead of parsing thousands of feature names.
extension WeighedFeatures: BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError) {
        let nameBytes: [UInt8] = try reader.block()
        let nameStart = try reader.starts()
        var ruleFeature: [SignalKind: Int32] = [:]
        for _ in 0..<(try reader.count()) {
            let name = try reader.string()
            guard let kind = SignalKind(rawValue: name) else { throw SnapshotError("snapshot: bad rule feature \(name)") }
            ruleFeature[kind] = try reader.int32()
        }
        self.init(nameBytes: nameBytes, nameStart: nameStart, ruleFeature: ruleFeature, words: try reader.strings(),
                  wordFeature: try reader.block(), pairKeys: try reader.block(), pairFeatures: try reader.block(),
                  numberByLexicon: try reader.sparse(), lengthFeature: try reader.block(), wordConceptStart: try reader.starts(),
                  wordConcepts: try reader.block(), phraseConceptStart: try reader.starts(), phraseWordStart: try reader.starts(),
                  phraseWords: try reader.block(), phraseFeature: try reader.block())
        guard isConsistent() else { throw SnapshotError("snapshot: bad weighed features") }
    }

    /// Only linked features are written (`Vocabulary` links them as it is made).
    func write(to writer: inout BinaryWriter) {
        precondition(isLinked, "weighed features are written after linking")
        writer.block(nameBytes)
        writer.starts(nameStart)
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
        writer.sparse(numberByLexicon)
        writer.block(lengthFeature)
        writer.starts(wordConceptStart)
        writer.block(wordConcepts)
        writer.starts(phraseConceptStart)
        writer.starts(phraseWordStart)
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
        let (bias, askAbove) = try reader.perTarget(count: topics.count)
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
