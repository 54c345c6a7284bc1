/// Named word classes (ChatScript's "concepts"): `~sorry` is every way of saying sorry.
/// An entry is one word or a phrase of several; membership of one-word entries is a bit
/// per (word, concept), so a check costs one load.
struct ConceptTable: Sendable {
    private(set) var names: [String] = []
    private(set) var indexByName: [String: Int] = [:]
    /// Words per concept: word id → bit set over concepts, `stride` UInt64s per word.
    private var bits: [UInt64] = []
    private var stride = 1
    /// Phrases per concept, keyed by their first word.
    private var phrases: [[Int32: [[Int32]]]] = []
    /// One-word entries per concept, for indexing rules.
    private var singleWords: [[Int32]] = []
    /// Words that begin some phrase of some concept: only these need a phrase lookup.
    private var startsPhrase: [Bool] = []
    /// Per word that begins a phrase, its row in `phraseStarts` (-1 for other words).
    private var phraseRow: [Int32] = []
    /// Per such word, the bit set of the concepts it begins a phrase of (`stride` UInt64s
    /// a row), so the matcher looks phrases up only where one of that concept can start.
    private var phraseStarts: [UInt64] = []
    /// The most words any entry of each concept has.
    private var longest: [Int] = []
    /// Per word, the concepts it belongs to or begins a phrase of (same layout as `bits`).
    private var touches: [UInt64] = []

    init() {}

    /// Builds the table from resolved entries (each a list of word ids).
    init(names: [String], entries: [[[Int32]]], wordCount: Int) {
        self.names = names
        for (index, name) in names.enumerated() { indexByName[name] = index }
        stride = max(1, (names.count + 63) / 64)
        bits = Array(repeating: 0, count: max(1, wordCount) * stride)
        phrases = Array(repeating: [:], count: names.count)
        singleWords = Array(repeating: [], count: names.count)
        startsPhrase = Array(repeating: false, count: max(1, wordCount))
        // A closure, not `\.count`: key paths are looked up at run time, ~700 instructions each.
        longest = entries.map { list in list.reduce(0) { longest, entry in max(longest, entry.count) } }
        for (concept, list) in entries.enumerated() {
            for entry in list {
                if entry.count == 1 {
                    bits[Int(entry[0]) * stride + concept / 64] |= 1 << UInt64(concept % 64)
                    singleWords[concept].append(entry[0])
                } else if let first = entry.first {
                    phrases[concept][first, default: []].append(entry)
                    if Int(first) < startsPhrase.count { startsPhrase[Int(first)] = true }
                }
            }
            for key in phrases[concept].keys {
                phrases[concept][key]!.sort { $0.count > $1.count }
            }
        }
        touches = bits
        phraseRow = Array(repeating: -1, count: startsPhrase.count)
        for (concept, table) in phrases.enumerated() {
            for first in table.keys where Int(first) * stride < touches.count {
                touches[Int(first) * stride + concept / 64] |= 1 << UInt64(concept % 64)
                if phraseRow[Int(first)] < 0 {
                    phraseRow[Int(first)] = Int32(phraseStarts.count / stride)
                    phraseStarts += Array(repeating: 0, count: stride)
                }
                phraseStarts[Int(phraseRow[Int(first)]) * stride + concept / 64] |= 1 << UInt64(concept % 64)
            }
        }
    }

    /// Words per concept bit set of the concepts a line's words belong to or begin.
    var setStride: Int { stride }

    /// ORs into `set` the concepts `word` belongs to or begins a phrase of.
    func addTouched(by word: Int32, to set: inout [UInt64]) {
        let base = Int(word) * stride
        guard word >= 0, base + stride <= touches.count else { return }
        for offset in 0..<stride { set[offset] |= touches[base + offset] }
    }

    func index(of name: String) -> Int? {
        indexByName[name]
    }

    /// Whether the single word belongs to the concept.
    @inline(__always)
    func contains(_ concept: Int, word: Int32) -> Bool {
        let slot = Int(word) * stride + concept / 64
        guard word >= 0, slot < bits.count else { return false }
        return bits[slot] & (1 << UInt64(concept % 64)) != 0
    }

    /// Whether some phrase of the concept begins with `word` (a word `startsPhrase` marks).
    @inline(__always)
    private func beginsPhrase(_ concept: Int, _ word: Int32) -> Bool {
        let row = phraseRow[Int(word)]
        return row >= 0 && phraseStarts[Int(row) * stride + concept / 64] & (1 << UInt64(concept % 64)) != 0
    }

    /// Calls `body` with each number of tokens, longest first, that an entry of the concept
    /// covers starting at `position`. Stops when `body` returns true, and returns that.
    @inline(__always)
    func forEachMatch(_ concept: Int, in tokens: [Token], at position: Int, _ body: (Int) -> Bool) -> Bool {
        let word = tokens[position].word
        guard word >= 0 else { return false }
        if Int(word) < startsPhrase.count, startsPhrase[Int(word)], beginsPhrase(concept, word), let candidates = phrases[concept][word] {
            for phrase in candidates where phraseMatches(phrase, tokens, position) {
                if body(phrase.count) { return true }
            }
        }
        if contains(concept, word: word) {
            return body(1)
        }
        return false
    }

    /// The same over a line's word ids, for the matcher's hot loop.
    @inline(__always)
    func collectLengths(_ concept: Int, words: UnsafeBufferPointer<Int32>, at position: Int, _ add: (Int) -> Void) {
        let word = words[position]
        guard word >= 0 else { return }
        if Int(word) < startsPhrase.count, startsPhrase[Int(word)], beginsPhrase(concept, word), let candidates = phrases[concept][word] {
            for phrase in candidates where position + phrase.count <= words.count {
                var matches = true
                for offset in 1..<phrase.count where words[position + offset] != phrase[offset] {
                    matches = false
                    break
                }
                if matches { add(phrase.count) }
            }
        }
        if contains(concept, word: word) { add(1) }
    }

    /// The entries of a concept of two words or more that begin with `word`, longest first.
    func phraseEntries(of concept: Int, startingWith word: Int32) -> [[Int32]] {
        phrases[concept][word] ?? []
    }

    /// The one-word entries of a concept, in the order they were written.
    func orderedSingleWords(of concept: Int) -> [Int32] {
        singleWords[concept]
    }

    /// The most words an entry of the concept covers at `position` of `ids`, if any.
    func longestMatch(_ concept: Int, in ids: [Int32], at position: Int) -> Int? {
        guard position < ids.count else { return nil }
        var best: Int?
        ids.withUnsafeBufferPointer { buffer in
            collectLengths(concept, words: buffer, at: position) { length in best = max(best ?? 0, length) }
        }
        return best
    }

    func longestEntry(_ concept: Int) -> Int {
        longest[concept]
    }

    /// Whether any entry of the concept starts at `position`.
    func matches(_ concept: Int, in tokens: [Token], at position: Int) -> Bool {
        forEachMatch(concept, in: tokens, at: position) { _ in true }
    }

    /// Every word that can begin an entry of the concept (used to index rules).
    func firstWords(of concept: Int) -> [Int32] {
        singleWords[concept] + phrases[concept].keys
    }

    private func phraseMatches(_ phrase: [Int32], _ tokens: [Token], _ position: Int) -> Bool {
        guard position + phrase.count <= tokens.count else { return false }
        for offset in 0..<phrase.count where tokens[position + offset].word != phrase[offset] {
            return false
        }
        return true
    }
}
