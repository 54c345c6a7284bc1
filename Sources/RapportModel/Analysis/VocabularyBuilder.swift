/// Parses and checks the vocabulary files and links them into a `Vocabulary`. Every problem
/// is collected with its file, line and column; any problem makes the load fail.
struct VocabularyBuilder {
    private var diagnostics: [Diagnostic] = []
    /// Scored word lists from `lexicons/*.tsv` ("valence" is VADER's), by file name, for
    /// concept entries such as `@valence -4..-1.5`.
    private var lexicons: [String: [(word: String, score: Double)]] = [:]
    private var lexicon = Lexicon()
    /// Typed forms without a context condition, used to normalise the data files' own words.
    private var plainNormaliser = Normaliser()

    private struct RawConcept {
        var name: String
        var file: String
        var line: Int
        var entries: [(text: String, line: Int, column: Int)] = []
    }

    private struct RawForm {
        var form: String
        var replacement: [String]
        var contextKeyword: String?
        var contextTarget: String?
        var file: String
        var line: Int
        var column: Int
    }

    mutating func build(_ files: [(path: String, text: String)]) throws(DiagnosticList) -> Vocabulary {
        let normaliseFiles = files.filter { $0.path == "normalise.txt" }
        let conceptFiles = files.filter { $0.path.hasPrefix("concepts/") && $0.path.hasSuffix(".txt") }
        let ruleFiles = files.filter { $0.path.hasPrefix("rules/") && $0.path.hasSuffix(".rules") }
        if normaliseFiles.isEmpty { report("normalise.txt", 0, 0, "the vocabulary has no normalise.txt") }

        let forms = normaliseFiles.flatMap { parseForms($0.text, file: $0.path) }
        var plain = Normaliser()
        for form in forms where form.contextKeyword == nil {
            addForm(form, context: .none, to: &plain)
        }
        plainNormaliser = plain
        for file in files where file.path.hasPrefix("lexicons/") && file.path.hasSuffix(".tsv") {
            lexicons[String(file.path.dropFirst("lexicons/".count).dropLast(".tsv".count))] = parseLexicon(file.text, file: file.path)
        }
        let rawConcepts = conceptFiles.flatMap { parseConcepts($0.text, file: $0.path) }
        let concepts = linkConcepts(rawConcepts)
        var normaliser = Normaliser()
        for form in forms {
            addForm(form, context: context(of: form, concepts: concepts), to: &normaliser)
        }
        var rules: [Rule] = []
        for file in ruleFiles {
            rules += parseRules(file.text, file: file.path, concepts: concepts)
        }
        assignPasses(&rules)
        var weights = KindWeights()
        var danger = DangerWeights()
        let conceptNames = Set(concepts.names)
        for file in files where file.path.hasPrefix("weights/") && file.path.hasSuffix(".tsv") {
            if file.path == "weights/danger.tsv" {
                parseDanger(file.text, file: file.path, concepts: conceptNames, into: &danger)
            } else {
                parseWeights(file.text, file: file.path, concepts: conceptNames, into: &weights)
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return try Vocabulary(lexicon: lexicon, conceptNames: concepts.names, conceptEntries: concepts.entries,
                              normaliser: normaliser, rules: rules, weights: weights, danger: danger)
    }

    private mutating func report(_ file: String, _ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    // MARK: normalise.txt

    /// `FORM -> READ AS [if-next|if-previous ~concept|*ending]`
    private mutating func parseForms(_ text: String, file: String) -> [RawForm] {
        var forms: [RawForm] = []
        for line in DataFileLines(text: text) {
            guard let arrow = line.text.firstRange(of: "->"), line.text[arrow.upperBound...].firstRange(of: "->") == nil else {
                report(file, line.number, 1, "expected 'TYPED -> READ AS', e.g. 'sry -> sorry'")
                continue
            }
            let parts = [line.text[..<arrow.lowerBound], line.text[arrow.upperBound...]]
            let form = VocabularyBuilder.fold(String(parts[0].trimmedSpaces))
            var words = parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map { VocabularyBuilder.fold(String($0)) }
            var keyword: String?
            var target: String?
            if let position = words.firstIndex(where: { $0 == "if-next" || $0 == "if-previous" }) {
                keyword = words[position]
                if position + 2 == words.count {
                    target = words[position + 1]
                } else {
                    report(file, line.number, 1, "'\(words[position])' takes one ~concept or *ending")
                }
                words.removeSubrange(position...)
            }
            if form.isEmpty || words.isEmpty {
                report(file, line.number, 1, "both sides of '->' need words")
                continue
            }
            forms.append(RawForm(form: form, replacement: words, contextKeyword: keyword, contextTarget: target,
                                 file: file, line: line.number, column: 1))
        }
        return forms
    }

    private mutating func context(of form: RawForm, concepts: LinkedConcepts) -> Normaliser.Context {
        guard let keyword = form.contextKeyword, let target = form.contextTarget else { return .none }
        let test: Normaliser.WordTest
        if target.hasPrefix("~") {
            guard let index = concepts.index[String(target.dropFirst())] else {
                report(form.file, form.line, form.column, "unknown concept \(target)")
                return .none
            }
            test = .concept(index)
        } else if target.hasPrefix("*") {
            test = .suffix(String(target.dropFirst()))
        } else {
            report(form.file, form.line, form.column, "'\(keyword)' takes a ~concept or a *ending, not '\(target)'")
            return .none
        }
        return keyword == "if-next" ? .before(test) : .after(test)
    }

    private mutating func addForm(_ form: RawForm, context: Normaliser.Context, to normaliser: inout Normaliser) {
        for word in form.replacement where word != "*" { lexicon.intern(word) }
        if form.form.hasPrefix("*") {
            let ending = String(form.form.dropFirst())
            guard ending.contains("'") else {
                report(form.file, form.line, form.column, "an ending rule must start with an apostrophe, e.g. *n't")
                return
            }
            normaliser.suffixes.append((ending, form.replacement))
            normaliser.suffixes.sort { $0.ending.count > $1.ending.count }
        } else {
            normaliser.forms[form.form, default: []].append(.init(replacement: form.replacement, context: context))
        }
    }

    /// Lowercase, with typographic apostrophes folded to `'`.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 65 && $0 <= 90) && $0 != 96 }) { return text }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2019}", "`": folded.append("'")
            case "A"..."Z": folded.append(Unicode.Scalar(scalar.value + 0x20)!)
            default:
                if scalar.value < 0x80 {
                    folded.append(scalar)
                } else {
                    folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return String(folded)
    }

    /// The words a piece of data text reads as, normalised like typed input.
    mutating func normalisedWords(_ text: String) -> [String] {
        // Fast path: plain lowercase words separated by spaces.
        if text.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == 32 }) {
            var words: [String] = []
            for word in text.utf8.split(separator: 32) {
                let typed = String(Substring(word))
                words += plainNormaliser.forms[typed]?.first?.replacement ?? [typed]
            }
            return words
        }
        let pieces = TextScanner.scan(Array(text.unicodeScalars))
        var words: [String] = []
        for (index, piece) in pieces.enumerated() {
            switch piece.kind {
            case .word:
                words += plainNormaliser.readAs(piece.text, at: index, in: pieces, lexicon: Lexicon(), concepts: ConceptTable())
            case .symbol, .punctuation:
                words.append(piece.text)
            }
        }
        return words
    }

    // MARK: concepts/*.txt

    struct LinkedConcepts {
        var names: [String] = []
        var index: [String: Int] = [:]
        var entries: [[[Int32]]] = []
    }

    /// `~name: entry, entry` with indented continuation lines.
    private mutating func parseConcepts(_ text: String, file: String) -> [RawConcept] {
        var concepts: [RawConcept] = []
        for line in DataFileLines(text: text) {
            var body = line.text[...]
            if !line.isIndented {
                guard line.text.hasPrefix("~"), let colon = line.text.firstIndex(of: ":") else {
                    report(file, line.number, 1, "expected '~name: word, word, …'")
                    continue
                }
                let name = String(line.text[line.text.index(after: line.text.startIndex)..<colon])
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    report(file, line.number, 1, "a concept name uses letters, digits and '-': '~\(name)'")
                    continue
                }
                concepts.append(RawConcept(name: name, file: file, line: line.number))
                body = line.text[line.text.index(after: colon)...]
            } else if concepts.isEmpty {
                report(file, line.number, 1, "an indented line continues a concept, but none has started")
                continue
            }
            for raw in body.pieces(separatedBy: 44) {
                let entry = raw.trimmedSpaces
                if !entry.isEmpty {
                    concepts[concepts.count - 1].entries.append((String(entry), line.number, line.column(of: entry.startIndex)))
                }
            }
        }
        return concepts
    }

    /// Resolves `~other` entries (one concept including another), normalises entries into
    /// word ids, and reports duplicates, cycles and empty concepts.
    private mutating func linkConcepts(_ raw: [RawConcept]) -> LinkedConcepts {
        var linked = LinkedConcepts()
        for concept in raw {
            if linked.index[concept.name] != nil {
                report(concept.file, concept.line, 1, "~\(concept.name) is defined twice")
                continue
            }
            linked.index[concept.name] = linked.names.count
            linked.names.append(concept.name)
        }
        var resolved: [String: [[Int32]]] = [:]
        var visiting: Set<String> = []
        let byName = Dictionary(raw.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        func resolve(_ name: String) -> [[Int32]] {
            if let done = resolved[name] { return done }
            guard let concept = byName[name], !visiting.contains(name) else { return [] }
            visiting.insert(name)
            var entries: [[Int32]] = []
            for entry in concept.entries {
                if entry.text.hasPrefix("@") {
                    entries += lexiconEntries(entry.text, file: concept.file, line: entry.line, column: entry.column)
                    continue
                }
                if entry.text.hasPrefix("~") && !entry.text.contains(" ") {
                    let included = String(entry.text.dropFirst())
                    if byName[included] == nil {
                        report(concept.file, entry.line, entry.column, "unknown concept ~\(included)")
                    } else if visiting.contains(included) {
                        report(concept.file, entry.line, entry.column, "~\(name) and ~\(included) include each other")
                    } else {
                        entries += resolve(included)
                    }
                    continue
                }
                if !entry.text.utf8.contains(126) {
                    let words = normalisedWords(VocabularyBuilder.fold(entry.text))
                    if words.isEmpty {
                        report(concept.file, entry.line, entry.column, "'\(entry.text)' has no words")
                    } else {
                        entries.append(words.map { lexicon.intern($0) })
                    }
                    continue
                }
                // A phrase may name a concept for one of its words: "your ~person-noun".
                var phrases: [[Int32]] = [[]]
                for part in entry.text.split(separator: " ") {
                    if part.hasPrefix("~") {
                        let included = String(part.dropFirst())
                        guard byName[included] != nil, !visiting.contains(included) else {
                            report(concept.file, entry.line, entry.column, "unknown or circular concept ~\(included)")
                            phrases = []
                            break
                        }
                        let options = resolve(included)
                        phrases = phrases.flatMap { prefix in options.map { prefix + $0 } }
                    } else {
                        let words = normalisedWords(VocabularyBuilder.fold(String(part)))
                        phrases = phrases.map { $0 + words.map { lexicon.intern($0) } }
                    }
                    if phrases.count > 20_000 {
                        report(concept.file, entry.line, entry.column, "'\(entry.text)' expands to too many phrases")
                        phrases = []
                        break
                    }
                }
                if phrases.contains(where: \.isEmpty) {
                    report(concept.file, entry.line, entry.column, "'\(entry.text)' has no words")
                    continue
                }
                entries += phrases
            }
            if entries.isEmpty {
                report(concept.file, concept.line, 1, "~\(name) has no entries")
            }
            visiting.remove(name)
            resolved[name] = entries
            return entries
        }

        linked.entries = linked.names.map { resolve($0) }
        return linked
    }

    // MARK: lexicons/*.tsv

    /// `WORD<TAB>SCORE` lines; `#` comments.
    // MARK: weights/*.tsv

    /// `KIND<TAB>FEATURE<TAB>WEIGHT` lines, written by tools/train_weights.py; FEATURE is
    /// `@bias`, `@add` (the score a kind needs to be added where no rule found it),
    /// `rule:KIND`, `word:WORD`, `pair:WORD WORD` or `concept:NAME`; or `KIND<TAB>@not-over<TAB>KIND`.
    private mutating func parseWeights(_ text: String, file: String, concepts: Set<String>, into weights: inout KindWeights) {
        for (number, parts) in VocabularyBuilder.tabbedLines(text) {
            if parts.count == 3, parts[1] == "@not-over" {
                guard let kind = SignalKind(rawValue: String(parts[0])), let other = SignalKind(rawValue: String(parts[2])) else {
                    report(file, number, 1, "expected 'KIND<TAB>@not-over<TAB>KIND' with two known kinds, e.g. 'minimizing\t@not-over\tvalidation'")
                    continue
                }
                weights.addNotOver(other, for: kind)
                continue
            }
            guard parts.count == 3, let value = Float(parts[2]) else {
                report(file, number, 1, "expected 'KIND<TAB>FEATURE<TAB>WEIGHT', e.g. 'remorse\tword:sorry\t1.25'")
                continue
            }
            guard let kind = SignalKind(rawValue: String(parts[0])) else {
                report(file, number, 1, "unknown kind '\(parts[0])'")
                continue
            }
            if KindWeights.neverWeighed.contains(kind) {
                report(file, number, 1, "\(kind.rawValue) is never weighed: danger is the rules' alone")
                continue
            }
            let feature = String(parts[1])
            guard knownFeature(feature, concepts: concepts, file: file, line: number, column: 1 + parts[0].count + 1) else { continue }
            if feature == "@bias" {
                weights.setBias(value, for: kind)
            } else if feature == "@add" {
                weights.setAddAbove(value, for: kind)
            } else if feature.hasPrefix("rule:") || WeighedFeatures.isLineFeature(feature) {
                weights.add(value, feature: feature, kind: kind)
            } else {
                report(file, number, 1 + parts[0].count + 1, "a feature is @bias, @add, @not-over, rule:KIND, word:WORD, pair:WORD WORD, concept:NAME or length:BUCKET, not '\(feature)'")
            }
        }
    }

    /// False, with a report, for a `concept:` feature naming no concept or a `length:` one
    /// naming no bucket (a weight on them would silently weigh nothing).
    private mutating func knownFeature(_ feature: String, concepts: Set<String>, file: String, line: Int, column: Int) -> Bool {
        if feature.hasPrefix("concept:"), !concepts.contains(String(feature.dropFirst("concept:".count))) {
            report(file, line, column, "no concept ~\(feature.dropFirst("concept:".count)) in concepts/*.txt")
            return false
        }
        if feature.hasPrefix("length:"), !WeighedFeatures.lengthBuckets.contains(String(feature.dropFirst("length:".count))) {
            report(file, line, column, "a length is one of \(WeighedFeatures.lengthBuckets.joined(separator: ", ")), not '\(feature.dropFirst("length:".count))'")
            return false
        }
        return true
    }

    /// The non-empty, non-comment lines of a weights file, with their line numbers, split at
    /// tabs. Lines starting with `#` are comments; a feature may hold any other character
    /// but a tab, so `DataFileLines`' comment rule does not apply.
    private static func tabbedLines(_ text: String) -> [(number: Int, parts: [Substring])] {
        var lines: [(number: Int, parts: [Substring])] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty || line.hasPrefix("#") { continue }
            lines.append((offset + 1, line.split(separator: "\t", omittingEmptySubsequences: false)))
        }
        return lines
    }

    /// `TOPIC<TAB>FEATURE<TAB>WEIGHT` lines, written by tools/train_danger.py: TOPIC is a
    /// safety topic (`self`, `hurt`), FEATURE is `@bias`, `@ask` (the mark to ask above),
    /// `rule:distress`, `word:WORD`, `pair:WORD WORD` or `concept:NAME` (a word class of
    /// concepts/*.txt).
    private mutating func parseDanger(_ text: String, file: String, concepts: Set<String>, into danger: inout DangerWeights) {
        for (number, parts) in VocabularyBuilder.tabbedLines(text) {
            guard parts.count == 3, let value = Float(parts[2]) else {
                report(file, number, 1, "expected 'TOPIC<TAB>FEATURE<TAB>WEIGHT', e.g. 'self\tword:pills\t0.8'")
                continue
            }
            guard let topic = SafetyTopic(rawValue: String(parts[0])) else {
                report(file, number, 1, "unknown safety topic '\(parts[0])' (self, hurt or others)")
                continue
            }
            let feature = String(parts[1])
            guard knownFeature(feature, concepts: concepts, file: file, line: number, column: 1 + parts[0].count + 1) else { continue }
            if feature == "@bias" {
                danger.setBias(value, for: topic)
            } else if feature == "@ask" {
                danger.setAskAbove(value, for: topic)
            } else if feature == "rule:distress" || WeighedFeatures.isLineFeature(feature) {
                danger.add(value, feature: feature, topic: topic)
            } else {
                report(file, number, 1 + parts[0].count + 1, "a danger feature is @bias, @ask, rule:distress, word:WORD, pair:WORD WORD, concept:NAME or length:BUCKET, not '\(feature)'")
            }
        }
    }

    private mutating func parseLexicon(_ text: String, file: String) -> [(word: String, score: Double)] {
        var words: [(word: String, score: Double)] = []
        for line in DataFileLines(text: text) {
            let parts = line.text.split(separator: "\t")
            guard parts.count == 2, let score = Double(parts[1].trimmedSpaces) else {
                report(file, line.number, 1, "expected 'WORD<TAB>SCORE', e.g. 'lovely\t2.8'")
                continue
            }
            words.append((VocabularyBuilder.fold(String(parts[0].trimmedSpaces)), score))
        }
        return words
    }

    /// A concept entry `@LEXICON LOW..HIGH [except *ENDING …]`: every word of
    /// `lexicons/LEXICON.tsv` scored in the range, ends included ("@valence -4..-1.5" is every
    /// clearly negative word; "except *ing *ly" leaves out words ending in "ing" or "ly").
    private mutating func lexiconEntries(_ text: String, file: String, line: Int, column: Int) -> [[Int32]] {
        var parts = text.dropFirst().split(separator: " ")
        var endings: [String] = []
        if let except = parts.firstIndex(of: "except"), except == 2, parts.count > 3, parts[3...].allSatisfy({ $0.hasPrefix("*") }) {
            endings = parts[3...].map { String($0.dropFirst()) }
            parts.removeSubrange(2...)
        }
        guard parts.count == 2, let words = lexicons[String(parts[0])] else {
            report(file, line, column, "expected '@LEXICON LOW..HIGH [except *ENDING]' naming a file in lexicons/, e.g. '@valence -4..-1.5'")
            return []
        }
        let range = String(parts[1])
        guard let dots = range.range(of: ".."), let low = Double(range[..<dots.lowerBound]), let high = Double(range[dots.upperBound...]), low <= high else {
            report(file, line, column, "'\(range)' is not a range LOW..HIGH")
            return []
        }
        return words.filter { entry in entry.score >= low && entry.score <= high && !endings.contains(where: entry.word.hasSuffix) }.map { entry in
            normalisedWords(entry.word).map { lexicon.intern($0) }
        }.filter { !$0.isEmpty }
    }

    // MARK: rules/*.rules

    /// `KIND [KIND…] [!KIND…]: PATTERN [| GUARD]…`
    private mutating func parseRules(_ text: String, file: String, concepts: LinkedConcepts) -> [Rule] {
        var rules: [Rule] = []
        var about: SafetyTopic?
        for line in DataFileLines(text: text) {
            if line.text.hasPrefix("@") {
                about = parseDirective(line, file: file)
                continue
            }
            guard let colon = line.text.firstIndex(of: ":") else {
                report(file, line.number, 1, "expected 'kind: pattern', e.g. 'remorse: i am ~degree? sorry'")
                continue
            }
            var kinds: [SignalKind] = []
            var cancels: [SignalKind] = []
            for name in line.text[..<colon].split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
                let cancelling = name.hasPrefix("!")
                let bare = cancelling ? String(name.dropFirst()) : String(name)
                guard let kind = SignalKind(rawValue: bare) else {
                    report(file, line.number, line.column(of: name.startIndex), "unknown signal kind '\(bare)'")
                    continue
                }
                if cancelling { cancels.append(kind) } else { kinds.append(kind) }
            }
            if kinds.isEmpty && cancels.isEmpty {
                report(file, line.number, 1, "a rule names at least one kind before ':'")
            }
            let rest = line.text[line.text.index(after: colon)...]
            let sections = rest.split(separator: "|", omittingEmptySubsequences: false)
            var parser = PatternParser(file: file, line: line.number, lineText: line.text)
            let pattern = parser.parse(sections[0], builder: &self, concepts: concepts)
            var guards: [RuleGuard] = []
            for section in sections.dropFirst() {
                if let parsed = parseGuard(section, file: file, line: line, concepts: concepts) { guards.append(parsed) }
            }
            diagnostics += parser.diagnostics
            if parser.diagnostics.isEmpty && !pattern.contains(where: \.consumesTokens) {
                report(file, line.number, line.column(of: sections[0].startIndex), "the pattern needs at least one word or concept that must be there")
            }
            rules.append(Rule(kinds: kinds, cancels: cancels, pattern: pattern, guards: guards, file: file, line: line.number,
                              about: about))
        }
        return rules
    }

    /// `@about self|hurt|others`: what the safety rules below it are about.
    private mutating func parseDirective(_ line: DataFileLines.Line, file: String) -> SafetyTopic? {
        let words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let names = SafetyTopic.allCases.map(\.rawValue).joined(separator: ", ")
        guard words.first == "@about", words.count == 2, let topic = SafetyTopic(rawValue: words[1]) else {
            report(file, line.number, 1, "expected '@about TOPIC', where TOPIC is one of \(names)")
            return nil
        }
        return topic
    }

    private mutating func parseGuard(_ section: Substring, file: String, line: DataFileLines.Line, concepts: LinkedConcepts) -> RuleGuard? {
        let words = section.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let column = line.column(of: section.startIndex)
        guard let name = words.first else {
            report(file, line.number, column, "an empty guard after '|'")
            return nil
        }
        let arguments = Array(words.dropFirst())
        func kinds() -> [SignalKind]? {
            let parsed = arguments.compactMap(SignalKind.init(rawValue:))
            if parsed.count != arguments.count || parsed.isEmpty {
                report(file, line.number, column, "'\(name)' takes signal kinds, e.g. '\(name) remorse acknowledgement'")
                return nil
            }
            return parsed
        }
        func concept() -> Int? {
            guard arguments.count == 1, arguments[0].hasPrefix("~") else {
                report(file, line.number, column, "'\(name)' takes one ~concept")
                return nil
            }
            guard let index = concepts.index[String(arguments[0].dropFirst())] else {
                report(file, line.number, column, "unknown concept \(arguments[0])")
                return nil
            }
            return index
        }
        let simple: [String: RuleGuard] = ["unnegated": .unnegated, "own": .own, "statement": .statement, "question": .question, "real": .real,
                                           "main": .main, "imperative": .imperative]
        if let plain = simple[name] {
            if !arguments.isEmpty { report(file, line.number, column, "'\(name)' takes nothing after it") }
            return plain
        }
        switch name {
        case "after": return kinds().map(RuleGuard.after)
        case "with": return kinds().map(RuleGuard.with)
        case "without": return kinds().map(RuleGuard.without)
        case "if": return concept().map(RuleGuard.lineHas)
        case "unless": return concept().map(RuleGuard.lineLacks)
        case "sentence-has": return concept().map(RuleGuard.sentenceHas)
        case "sentence-lacks": return concept().map(RuleGuard.sentenceLacks)
        case "part-lacks": return concept().map(RuleGuard.partLacks)
        case "by":
            let subjects = arguments.compactMap(SubjectKind.init(rawValue:))
            if subjects.count != arguments.count || subjects.isEmpty {
                let names = SubjectKind.allCases.map(\.rawValue).joined(separator: ", ")
                report(file, line.number, column, "'by' takes who does it: one or more of \(names)")
                return nil
            }
            return .by(subjects)
        default:
            report(file, line.number, column, "unknown guard '\(name)'; guards are unnegated, own, statement, question, real, main, imperative, after, with, without, if, unless, sentence-has, sentence-lacks, part-lacks, by")
            return nil
        }
    }

    /// Orders rules so that one whose guards look at other kinds runs after the rules that find them.
    private mutating func assignPasses(_ rules: inout [Rule]) {
        // Without a cycle, no chain of dependencies is longer than the number of kinds.
        for _ in 0...SignalKind.allCases.count {
            var passOfKind: [SignalKind: Int] = [:]
            for rule in rules {
                for kind in rule.kinds { passOfKind[kind] = max(passOfKind[kind] ?? 0, rule.pass) }
            }
            var changed = false
            for index in rules.indices {
                let needed = rules[index].guards.flatMap(\.dependsOn).compactMap { passOfKind[$0] }.map { $0 + 1 }.max() ?? 0
                if needed != rules[index].pass {
                    rules[index].pass = needed
                    changed = true
                }
            }
            if !changed { return }
        }
        if let rule = rules.max(by: { $0.pass < $1.pass }) {
            report(rule.file, rule.line, 1, "this rule depends, through its guards, on its own kind")
        }
    }

    mutating func intern(_ word: String) -> Int32 {
        lexicon.intern(word)
    }
}
