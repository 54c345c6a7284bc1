/// The features the weights name, numbered, and how a line finds its own among them
/// without building a string per word: each word the features mention has a number, a
/// word feature is found by that number, and a pair by the numbers of its two words.
///
/// A feature is named as `weights/kinds.tsv` writes it: "rule:remorse", "word:sorry",
/// "pair:thanks for" or "concept:means" (an entry of a word class begins at some word: a
/// weight learned for the class reaches the words of it no training line used), and
/// "length:9-16", how many words the line has, so the weights can start a short line from
/// a different place than a long post (see `lengthBucket`). A feature of a line the weights do not name weighs nothing, so it is
/// simply not found here; the order of the ones found is the order the line gives them.
struct WeighedFeatures: Sendable {
    /// Each feature's name, by number, as UTF-8 one after another: feature `n` is
    /// `nameBytes[nameStart[n]..<nameStart[n + 1]]`. Only `--explain` reads a name, so a
    /// snapshot copies these in whole instead of making thousands of Strings at start-up.
    private(set) var nameBytes: [UInt8] = []
    private(set) var nameStart: [Int32] = [0]
    /// Feature number by name, for adding weights while the vocabulary is built from its
    /// files. A snapshot holds the tables below instead, so a decoded one leaves it empty.
    private var numberByName: [String: Int32] = [:]
    /// The feature "rule:KIND" by kind.
    private(set) var ruleFeature: [SignalKind: Int32] = [:]
    /// Every word that some word or pair feature mentions, by number, and the reverse.
    private(set) var words: [String] = []
    private var wordNumber: [String: Int32] = [:]
    /// Per word number: its "word:" feature, or -1.
    private(set) var wordFeature: [Int32] = []
    /// Per pair of word numbers (first in the high half): its "pair:" feature, while the
    /// vocabulary is built. `link` sorts them into `pairKeys` and `pairFeatures`, which a
    /// line searches (a sorted array a snapshot copies in whole, where a dictionary would be
    /// rebuilt, hashing every key, at each start).
    private var pairFeature: [UInt64: Int32] = [:]
    private(set) var pairKeys: [UInt64] = []
    private(set) var pairFeatures: [Int32] = []
    /// Per lexicon id: the word number of that word, or -1 (filled in by `link`), so a word
    /// the vocabulary knows costs no string lookup.
    private(set) var numberByLexicon: [Int32] = []
    /// The "length:BUCKET" features, by bucket (see `lengthBucket`), or -1.
    private(set) var lengthFeature: [Int32] = Array(repeating: -1, count: WeighedFeatures.lengthBuckets.count)
    /// The "concept:NAME" features: the concept's name and the feature's number.
    private(set) var conceptFeatures: [(concept: String, feature: Int32)] = []
    /// The concept features of the classes each word is a one-word entry of, flat: those of
    /// lexicon id `w` are `wordConcepts[wordConceptStart[w]..<wordConceptStart[w + 1]]`. One
    /// array read per word, no match to check: most class entries are single words.
    private(set) var wordConceptStart: [Int32] = []
    private(set) var wordConcepts: [Int32] = []
    /// The same for the phrase entries beginning with the word, of classes the word is not a
    /// one-word entry of: phrase `p` (of `phraseConceptStart[w]..<phraseConceptStart[w + 1]`)
    /// has the words `phraseWords[phraseWordStart[p]..<phraseWordStart[p + 1]]` after the
    /// first, and gives the feature `phraseFeature[p]`. Whether the phrase is there is
    /// checked word by word at the word's place, no hashing.
    private(set) var phraseConceptStart: [Int32] = []
    private(set) var phraseWordStart: [Int32] = [0]
    private(set) var phraseWords: [Int32] = []
    private(set) var phraseFeature: [Int32] = []
    /// Whether `link` has run (a snapshot holds the linked tables, so it is not run again).
    private(set) var isLinked = false

    var count: Int { nameStart.count - 1 }

    /// The name of feature `number` ("word:sorry").
    func name(at number: Int) -> String {
        String(decoding: nameBytes[Int(nameStart[number])..<Int(nameStart[number + 1])], as: UTF8.self)
    }

    init() {}

    /// The linked tables as a snapshot holds them (see `Vocabulary+Binary.swift`).
    init(nameBytes: [UInt8], nameStart: [Int32], ruleFeature: [SignalKind: Int32], words: [String], wordFeature: [Int32],
         pairKeys: [UInt64], pairFeatures: [Int32], numberByLexicon: [Int32], lengthFeature: [Int32],
         wordConceptStart: [Int32], wordConcepts: [Int32], phraseConceptStart: [Int32], phraseWordStart: [Int32],
         phraseWords: [Int32], phraseFeature: [Int32]) {
        (self.nameBytes, self.nameStart, self.ruleFeature, self.words, self.wordFeature) = (nameBytes, nameStart, ruleFeature, words, wordFeature)
        wordNumber.reserveCapacity(words.count)
        for (number, word) in words.enumerated() { wordNumber[word] = Int32(number) }
        (self.pairKeys, self.pairFeatures, self.numberByLexicon, self.lengthFeature) = (pairKeys, pairFeatures, numberByLexicon, lengthFeature)
        (self.wordConceptStart, self.wordConcepts, self.phraseConceptStart) = (wordConceptStart, wordConcepts, phraseConceptStart)
        (self.phraseWordStart, self.phraseWords, self.phraseFeature) = (phraseWordStart, phraseWords, phraseFeature)
        isLinked = true
    }

    /// Whether the tables fit together (a damaged snapshot is an error, never a crash).
    func isConsistent() -> Bool {
        let features = Int32(count)
        func within(_ values: [Int32], _ limit: Int32) -> Bool { values.allSatisfy { $0 >= -1 && $0 < limit } }
        func starts(_ values: [Int32], _ total: Int) -> Bool {
            values.first == 0 && values.last == Int32(total) && zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
        }
        return starts(nameStart, nameBytes.count) && within(wordFeature, features) && wordFeature.count == words.count
            && pairKeys.count == pairFeatures.count && within(pairFeatures, features) && zip(pairKeys, pairKeys.dropFirst()).allSatisfy { $0 < $1 }
            && within(numberByLexicon, Int32(words.count))
            && lengthFeature.count == WeighedFeatures.lengthBuckets.count && within(lengthFeature, features)
            && (wordConceptStart.isEmpty || (wordConceptStart.count == phraseConceptStart.count && starts(wordConceptStart, wordConcepts.count)
                && starts(phraseConceptStart, phraseFeature.count) && phraseWordStart.count == phraseFeature.count + 1
                && starts(phraseWordStart, phraseWords.count) && within(wordConcepts, features) && within(phraseFeature, features)))
            && ruleFeature.values.allSatisfy { $0 >= 0 && $0 < features }
    }

    private mutating func noteConcept(_ name: String, number: Int32) {
        let prefix = "concept:"
        if name.utf8.starts(with: prefix.utf8) {
            conceptFeatures.append((String(name.dropFirst(prefix.count)), number))
        } else if name.utf8.starts(with: "length:".utf8), let bucket = WeighedFeatures.lengthBuckets.firstIndex(of: String(name.dropFirst(7))) {
            lengthFeature[bucket] = number
        }
    }

    /// The names of the line-length buckets, in words: a line typed in a practice is
    /// mostly in the first two, a post in the last.
    static let lengthBuckets = ["1-8", "9-16", "17-32", "33-64", "65+"]

    /// The prefixes of the features a line has of its own (its words, pairs, classes and
    /// length), as both weights files write them.
    static let lineFeaturePrefixes = ["word:", "pair:", "concept:", "length:"]

    static func isLineFeature(_ name: String) -> Bool {
        lineFeaturePrefixes.contains { name.utf8.starts(with: $0.utf8) }
    }

    /// The length bucket of a line: its words, punctuation not counted.
    static func lengthBucket(of line: LineView) -> Int {
        lengthBucket(words: line.tokens.count { !$0.isPunctuation })
    }

    /// The bucket of a line with `words` words (punctuation not counted).
    static func lengthBucket(words: Int) -> Int {
        switch words {
        case ..<9: return 0
        case ..<17: return 1
        case ..<33: return 2
        case ..<65: return 3
        default: return 4
        }
    }

    /// The feature's number, adding it the first time.
    mutating func number(of name: String) -> Int {
        if let found = numberByName[name] { return Int(found) }
        let number = Int32(count)
        nameBytes.append(contentsOf: name.utf8)
        nameStart.append(Int32(nameBytes.count))
        numberByName[name] = number
        isLinked = false
        // Read as bytes, not Characters: a word may begin with a combining mark (the U+FE0F
        // an emoji leaves behind), which joins the ":" or " " before it into one Character.
        let utf8 = Array(name.utf8)
        let rest = utf8.dropFirst(5)
        if utf8.starts(with: "rule:".utf8) {
            if let kind = SignalKind(rawValue: String(decoding: rest, as: UTF8.self)) { ruleFeature[kind] = number }
        } else if utf8.starts(with: "word:".utf8) {
            wordFeature[Int(numberWord(String(decoding: rest, as: UTF8.self)))] = number
        } else if utf8.starts(with: "concept:".utf8) || utf8.starts(with: "length:".utf8) {
            noteConcept(name, number: number)
        } else if utf8.starts(with: "pair:".utf8) {
            // Tokens hold no spaces, so a pair of anything but two words can never occur.
            if let space = rest.firstIndex(of: 0x20), !rest[(space + 1)...].contains(0x20) {
                let first = numberWord(String(decoding: rest[..<space], as: UTF8.self))
                let second = numberWord(String(decoding: rest[(space + 1)...], as: UTF8.self))
                pairFeature[WeighedFeatures.key(first, second)] = number
            }
        }
        return Int(number)
    }

    private mutating func numberWord(_ word: String) -> Int32 {
        if let found = wordNumber[word] { return found }
        let number = Int32(words.count)
        wordNumber[word] = number
        words.append(word)
        wordFeature.append(-1)
        return number
    }

    static func key(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// Notes the lexicon id of every word the features mention, and the concept features of
    /// every word in a weighed class. A concept the table does not define weighs nothing.
    mutating func link(_ lexicon: Lexicon, concepts: ConceptTable) {
        isLinked = true
        let sortedPairs = pairFeature.sorted { $0.key < $1.key }
        (pairKeys, pairFeatures) = (sortedPairs.map(\.key), sortedPairs.map(\.value))
        numberByLexicon = Array(repeating: -1, count: lexicon.count)
        for (word, number) in wordNumber {
            let id = lexicon.id(of: word)
            if id >= 0 { numberByLexicon[Int(id)] = number }
        }
        guard !conceptFeatures.isEmpty else {
            (wordConceptStart, wordConcepts, phraseConceptStart, phraseWordStart, phraseWords, phraseFeature) = ([], [], [], [0], [], [])
            return
        }
        var single = Array(repeating: [Int32](), count: lexicon.count)
        var phrase = Array(repeating: [(rest: [Int32], feature: Int32)](), count: lexicon.count)
        for (concept, feature) in conceptFeatures {
            guard let index = concepts.index(of: concept) else { continue }
            for word in Set(concepts.firstWords(of: index)) where word >= 0 && Int(word) < lexicon.count {
                if concepts.contains(index, word: word) {
                    single[Int(word)].append(feature)
                } else {
                    for entry in concepts.phraseEntries(of: index, startingWith: word) {
                        phrase[Int(word)].append((Array(entry.dropFirst()), feature))
                    }
                }
            }
        }
        (wordConceptStart, wordConcepts) = WeighedFeatures.flatten(single)
        let phrases: [(rest: [Int32], feature: Int32)]
        (phraseConceptStart, phrases) = WeighedFeatures.flatten(phrase)
        (phraseWordStart, phraseWords) = WeighedFeatures.flatten(phrases.map(\.rest))
        phraseFeature = phrases.map(\.feature)
    }

    /// Lists of lists as one array and where each list starts (and the last ends).
    static func flatten<Item>(_ lists: [[Item]]) -> (start: [Int32], items: [Item]) {
        var start: [Int32] = [0]
        start.reserveCapacity(lists.count + 1)
        var items: [Item] = []
        for list in lists {
            items += list
            start.append(Int32(items.count))
        }
        return (start, items)
    }

    /// The word number of a token, or -1 when no feature mentions it.
    private func wordNumber(of token: Token) -> Int32 {
        if token.word >= 0 && Int(token.word) < numberByLexicon.count { return numberByLexicon[Int(token.word)] }
        return wordNumber[token.text] ?? -1
    }

    /// Calls `body` with each weighed class an entry of which begins at `position`.
    private func forEachConcept(of line: LineView, at position: Int, _ body: (Int32) -> Void) {
        let word = Int(line.tokens[position].word)
        guard word >= 0 && word + 1 < wordConceptStart.count else { return }
        for index in Int(wordConceptStart[word])..<Int(wordConceptStart[word + 1]) { body(wordConcepts[index]) }
        let tokens = line.tokens
        // A class's phrases are listed together: once one is found, the rest of it is skipped.
        var found: Int32 = -1
        for index in Int(phraseConceptStart[word])..<Int(phraseConceptStart[word + 1]) {
            let feature = phraseFeature[index]
            let rest = Int(phraseWordStart[index])..<Int(phraseWordStart[index + 1])
            guard feature != found, position + rest.count < tokens.count else { continue }
            var matches = true
            for (offset, next) in rest.enumerated() where tokens[position + 1 + offset].word != phraseWords[next] {
                matches = false
                break
            }
            if matches {
                found = feature
                body(feature)
            }
        }
    }

    /// The features of a line, once each, in the order `KindWeights.features(of:found:concepts:)`
    /// lists their names: each kind the rules found (in kind order), then each word and the
    /// pair it ends, then the classes of the words.
    func numbers(of line: LineView, found: [Signal]) -> [Int] {
        var seen = FeatureSet(count: count)
        var list: [Int] = []
        list.reserveCapacity(2 * line.tokens.count + found.count)
        for kind in found.map(\.kind).sorted() {
            if let number = ruleFeature[kind], seen.insert(number) { list.append(Int(number)) }
        }
        forEachWord(of: line, in: 0..<line.tokens.count) { word, pair in
            if word >= 0 && seen.insert(word) { list.append(Int(word)) }
            if pair >= 0 && seen.insert(pair) { list.append(Int(pair)) }
        }
        let length = lengthFeature[WeighedFeatures.lengthBucket(of: line)]
        if length >= 0 && seen.insert(length) { list.append(Int(length)) }
        if !wordConceptStart.isEmpty {
            for position in line.tokens.indices {
                forEachConcept(of: line, at: position) { feature in
                    if seen.insert(feature) { list.append(Int(feature)) }
                }
            }
        }
        return list
    }

    /// Which features a line has already listed: one bit each.
    private struct FeatureSet {
        var bits: [UInt64]

        init(count: Int) {
            bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        }

        /// Adds the feature; false if it was there.
        mutating func insert(_ number: Int32) -> Bool {
            let slot = Int(number) / 64
            let bit: UInt64 = 1 << UInt64(Int(number) % 64)
            guard bits[slot] & bit == 0 else { return false }
            bits[slot] |= bit
            return true
        }
    }

    /// The "pair:" feature of a pair key, or -1: a binary search of the sorted keys.
    private func pairNumber(_ key: UInt64) -> Int32 {
        var low = 0
        var high = pairKeys.count
        while low < high {
            let middle = (low + high) / 2
            if pairKeys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < pairKeys.count && pairKeys[low] == key ? pairFeatures[low] : -1
    }

    /// Calls `body` for each word in `range` with its word feature and the feature of the
    /// pair it ends (-1 for none; punctuation breaks a pair), every time they occur.
    func forEachWord(of line: LineView, in range: Range<Int>, _ body: (_ word: Int32, _ pair: Int32) -> Void) {
        var previous: Int32?
        for index in range {
            let token = line.tokens[index]
            if token.isPunctuation {
                previous = nil
                continue
            }
            let number = wordNumber(of: token)
            var word: Int32 = -1
            var pair: Int32 = -1
            if number >= 0 {
                word = wordFeature[Int(number)]
                if let previous, previous >= 0 { pair = pairNumber(WeighedFeatures.key(previous, number)) }
            }
            body(word, pair)
            previous = number
        }
    }

    /// The sentence of `line` whose words and pairs weigh most by `weight` (a feature number
    /// to its weight), trailing punctuation left off: where an added signal is said.
    func heaviestSentence(of line: LineView, weight: (Int) -> Float) -> Range<Int> {
        var best = line.sentences.first ?? 0..<line.tokens.count
        var bestWeight = -Float.infinity
        for sentence in line.sentences {
            var total: Float = 0
            forEachWord(of: line, in: sentence) { word, pair in
                if word >= 0 { total += weight(Int(word)) }
                if pair >= 0 { total += weight(Int(pair)) }
            }
            if !wordConceptStart.isEmpty {
                for position in sentence {
                    forEachConcept(of: line, at: position) { total += weight(Int($0)) }
                }
            }
            if total > bestWeight {
                bestWeight = total
                best = sentence
            }
        }
        while best.count > 1 && line.tokens[best.upperBound - 1].isPunctuation { best = best.lowerBound..<(best.upperBound - 1) }
        return best
    }
}
