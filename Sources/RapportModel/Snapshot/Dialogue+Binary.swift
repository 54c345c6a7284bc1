// The binary form of checked dialogues, embedded in the snapshot.

extension Dialogue: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let id = try reader.string()
        let title = try reader.string()
        let summary = try reader.string()
        guard let role = Role(rawValue: try reader.string()) else { throw SnapshotError("snapshot: bad dialogue role") }
        let start = try reader.string()
        let states: [DialogueState] = try reader.readArray()
        let partner: PartnerModel? = try reader.optional()
        let rubric: [RubricPart] = try reader.readArray()
        let pitfalls: [WatchedPitfall] = try reader.readArray()
        var tips: [String: [String]] = [:]
        for _ in 0..<(try reader.count()) { tips[try reader.string()] = try reader.strings() }
        let always: [Transition] = try reader.readArray()
        let file = try reader.string()
        let startLocation: SourceLocation = try reader.read()
        let keywords = try reader.strings()
        let suggestedBy: [SignalKind] = try reader.readArray()
        self.init(id: id, title: title, summary: summary, role: role, start: start,
                  states: Dictionary(states.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                  stateOrder: states.map(\.id), partner: partner, rubric: rubric, watchedPitfalls: pitfalls, tips: tips,
                  always: always, file: file, startLocation: startLocation, keywords: keywords, suggestedBy: suggestedBy)
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.string(title)
        writer.string(summary)
        writer.string(role.rawValue)
        writer.string(start)
        writer.write(orderedStates)
        writer.optional(partner)
        writer.write(rubric)
        writer.write(watchedPitfalls)
        writer.int(tips.count)
        for (key, variants) in tips.sorted(by: { $0.key < $1.key }) {
            writer.string(key)
            writer.strings(variants)
        }
        writer.write(always)
        writer.string(file)
        writer.write(startLocation)
        writer.strings(keywords)
        writer.write(suggestedBy)
    }
}

extension DialogueState: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let id = try reader.string()
        let say: [SpokenLine] = try reader.readArray()
        let hint = try reader.strings()
        let capture: Capture? = try reader.optional()
        let collect = try reader.bool()
        let next = try reader.bool() ? try reader.string() : nil
        let on: [Transition] = try reader.readArray()
        let otherwise: Transition? = try reader.optional()
        let giveUp: GiveUp? = try reader.optional()
        let end: Outcome?
        if try reader.bool() {
            guard let outcome = Outcome(rawValue: try reader.string()) else { throw SnapshotError("snapshot: bad outcome") }
            end = outcome
        } else {
            end = nil
        }
        let location: SourceLocation = try reader.read()
        self.init(id: id, say: say, hint: hint, capture: capture, collect: collect, next: next, on: on,
                  otherwise: otherwise, giveUp: giveUp, end: end, location: location,
                  skip: try reader.readArray(), acceptsEmpty: try reader.bool())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(id)
        writer.write(say)
        writer.strings(hint)
        writer.optional(capture)
        writer.bool(collect)
        writer.bool(next != nil)
        if let next { writer.string(next) }
        writer.write(on)
        writer.optional(otherwise)
        writer.optional(giveUp)
        writer.bool(end != nil)
        if let end { writer.string(end.rawValue) }
        writer.write(location)
        writer.write(skip)
        writer.bool(acceptsEmpty)
    }
}

extension Transition: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let when: Condition = try reader.read()
        let say: [SpokenLine] = try reader.readArray()
        let go = try reader.bool() ? try reader.string() : nil
        let detour = try reader.bool() ? try reader.string() : nil
        let once = try reader.bool()
        let location: SourceLocation = try reader.read()
        self.init(when: when, say: say, go: go, detour: detour, once: once, location: location,
                  credits: try reader.readArray(), undoes: try reader.readArray(), reread: try reader.bool(), counts: try reader.bool())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.write(when)
        writer.write(say)
        writer.bool(go != nil)
        if let go { writer.string(go) }
        writer.bool(detour != nil)
        if let detour { writer.string(detour) }
        writer.bool(once)
        writer.write(location)
        writer.write(credits)
        writer.write(undoes)
        writer.bool(reread)
        writer.bool(counts)
    }
}

extension GiveUp: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init(after: try reader.int(), say: try reader.readArray(), go: try reader.string(), location: try reader.read())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(after)
        writer.write(say)
        writer.string(go)
        writer.write(location)
    }
}

extension SpokenLine: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        guard let speaker = Speaker(rawValue: try reader.string()) else { throw SnapshotError("snapshot: bad speaker") }
        let variants = try reader.strings()
        let when: Condition? = try reader.optional()
        let location: SourceLocation = try reader.read()
        let asks: [SignalKind] = try reader.readArray()
        let mood = try reader.bool() ? Mood(rawValue: try reader.string()) : nil
        self.init(speaker: speaker, variants: variants, when: when, location: location, asks: asks, mood: mood)
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(speaker.rawValue)
        writer.strings(variants)
        writer.optional(when)
        writer.write(location)
        writer.write(asks)
        writer.bool(mood != nil)
        if let mood { writer.string(mood.rawValue) }
    }
}

extension Condition: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init()
        any = try reader.readArray()
        all = try reader.readArray()
        none = try reader.readArray()
        missing = try reader.readArray()
        said = try reader.readArray()
        opennessAtLeast = try reader.bool() ? try reader.int() : nil
        opennessBelow = try reader.bool() ? try reader.int() : nil
        for name in try reader.strings() {
            guard let level = Difficulty(rawValue: name) else { throw SnapshotError("snapshot: bad difficulty") }
            difficulty.append(level)
        }
        remembers = try reader.readArray()
        triesAtLeast = try reader.bool() ? try reader.int() : nil
        rewrites = try reader.bool() ? try reader.bool() : nil
        countOf = try reader.readArray()
        countAtLeast = try reader.bool() ? try reader.int() : nil
        known = try reader.strings()
        unknown = try reader.strings()
        captured = try reader.bool() ? try reader.bool() : nil
        question = try reader.bool() ? try reader.bool() : nil
        asksThem = try reader.bool() ? try reader.bool() : nil
    }

    public func write(to writer: inout BinaryWriter) {
        writer.write(any)
        writer.write(all)
        writer.write(none)
        writer.write(missing)
        writer.write(said)
        writer.bool(opennessAtLeast != nil)
        if let opennessAtLeast { writer.int(opennessAtLeast) }
        writer.bool(opennessBelow != nil)
        if let opennessBelow { writer.int(opennessBelow) }
        writer.strings(difficulty.map(\.rawValue))
        writer.write(remembers)
        writer.bool(triesAtLeast != nil)
        if let triesAtLeast { writer.int(triesAtLeast) }
        writer.bool(rewrites != nil)
        if let rewrites { writer.bool(rewrites) }
        writer.write(countOf)
        writer.bool(countAtLeast != nil)
        if let countAtLeast { writer.int(countAtLeast) }
        writer.strings(known)
        writer.strings(unknown)
        writer.bool(captured != nil)
        if let captured { writer.bool(captured) }
        writer.bool(question != nil)
        if let question { writer.bool(question) }
        writer.bool(asksThem != nil)
        if let asksThem { writer.bool(asksThem) }
    }
}

extension PartnerModel: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let name = try reader.string()
        let openness = try reader.int()
        var moves: [SignalKind: Int] = [:]
        for _ in 0..<(try reader.count()) {
            let kind: SignalKind = try reader.read()
            moves[kind] = try reader.int()
        }
        self.init(name: name, openness: openness, moves: moves, remembers: try reader.readArray())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(name)
        writer.int(openness)
        writer.int(moves.count)
        for (kind, amount) in moves.sorted(by: { $0.key < $1.key }) {
            writer.write(kind)
            writer.int(amount)
        }
        writer.write(remembers)
    }
}

extension RubricPart: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let part: SignalKind = try reader.read()
        let name = try reader.string()
        guard let from = Difficulty(rawValue: try reader.string()) else { throw SnapshotError("snapshot: bad difficulty") }
        self.init(part: part, name: name, from: from, states: try reader.strings())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.write(part)
        writer.string(name)
        writer.string(from.rawValue)
        writer.strings(states)
    }
}

extension WatchedPitfall: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let kind: SignalKind = try reader.read()
        let name = try reader.bool() ? try reader.string() : nil
        self.init(kind: kind, name: name, states: try reader.strings())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.write(kind)
        writer.bool(name != nil)
        if let name { writer.string(name) }
        writer.strings(states)
    }
}

extension Capture: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let slot = try reader.string()
        guard let kind = Kind(rawValue: try reader.string()) else { throw SnapshotError("snapshot: bad capture") }
        let person = try reader.bool() ? try reader.string() : nil
        let unless: [SignalKind] = try reader.readArray()
        let opening: [SignalKind]? = try reader.bool() ? try reader.readArray() : nil
        self.init(slot: slot, kind: kind, person: person, unless: unless, opening: opening)
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(slot)
        writer.string(kind.rawValue)
        writer.bool(person != nil)
        if let person { writer.string(person) }
        writer.write(unless)
        writer.bool(opening != nil)
        if let opening { writer.write(opening) }
    }
}

extension SourceLocation: BinaryCodable {
    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        self.init(file: try reader.string(), line: try reader.int(), column: try reader.int())
    }

    public func write(to writer: inout BinaryWriter) {
        writer.string(file)
        writer.int(line)
        writer.int(column)
    }
}
