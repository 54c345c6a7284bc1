/// Reads the files in `Vocabulary/rewrite/`. Words on the sentence side are normalised
/// like typed text; what the rewrite says is kept as written. Every problem is reported
/// with its file and line, so a mistake stops the build where it is.
enum RewriteKnowledgeLoader {
    static let fileNames = ["words.txt", "kinds.txt", "labels.txt", "feelings.txt", "frames.txt", "verbs.txt",
                            "notes.txt", "display.txt", "generic-words.txt", "linked-words.txt", "said-feelings.txt"]

    static func load(_ files: [(path: String, text: String)], analyzer: Analyzer) throws(DiagnosticList) -> RewriteKnowledge {
        var knowledge = RewriteKnowledge()
        var problems: [Diagnostic] = []
        /// Normalised words, without punctuation.
        func words(_ text: some StringProtocol) -> [String] {
            analyzer.normalisedWords(of: String(text)).filter { $0.contains { $0.isLetter || $0.isNumber } }
        }
        func file(_ name: String) -> String? { files.first { $0.path == "rewrite/" + name }?.text }
        for name in fileNames where file(name) == nil {
            problems.append(Diagnostic(file: "rewrite/" + name, message: "the rewriter needs this file"))
        }

        // words.txt: "~class: entry, entry" with indented continuation lines.
        for entry in keyedLists(file("words.txt"), path: "rewrite/words.txt", &problems) {
            guard entry.key.hasPrefix("~") else {
                problems.append(Diagnostic(file: "rewrite/words.txt", line: entry.line, column: 1, message: "expected '~class: words'"))
                continue
            }
            let name = String(entry.key.dropFirst())
            if WordClass(name: name) == nil {
                problems.append(Diagnostic(file: "rewrite/words.txt", line: entry.line, column: 1, message: "the rewriter has no use for ~\(name)"))
            }
            // "as-typed" holds spellings as typed, so it is not normalised ("mum" would read "mom").
            let read: (Substring) -> [String] = name == WordClass.asTyped.name ? { $0.lowercased().split(separator: " ").map(String.init) } : words
            for item in entry.items {
                if item.hasPrefix("@") {
                    knowledge.wordClasses[name, default: []] += lexiconWords(item, files: files, line: entry.line, &problems).map { words($0) }.filter { !$0.isEmpty }
                } else if case let read = read(item), !read.isEmpty {
                    knowledge.wordClasses[name, default: []].append(read)
                }
            }
        }
        for wordClass in WordClass.allCases where !WordClass.builtFromOtherFiles.contains(wordClass)
            && knowledge.wordClasses[wordClass.name] == nil && file("words.txt") != nil {
            problems.append(Diagnostic(file: "rewrite/words.txt", message: "the rewriter needs the class ~\(wordClass.name)"))
        }

        loadKinds(file("kinds.txt"), into: &knowledge, words: words, &problems)

        // labels.txt: "label: feeling | need | request".
        for (number, key, value) in pairs(file("labels.txt"), separator: ":", path: "rewrite/labels.txt", &problems) {
            let parts = value.split(separator: "|").map { String($0.trimmedSpaces) }
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else {
                problems.append(Diagnostic(file: "rewrite/labels.txt", line: number, column: 1, message: "expected 'label: feeling | need | request'"))
                continue
            }
            let label = key == "*" ? "*" : words(key).joined(separator: " ")
            knowledge.labels[label] = RewriteKnowledge.LabelAdvice(feeling: parts[0], need: parts[1], request: parts[2])
        }
        if file("labels.txt") != nil && knowledge.labels["*"] == nil {
            problems.append(Diagnostic(file: "rewrite/labels.txt", message: "a '*' line is needed, for labels not listed"))
        }

        // feelings.txt: "evaluation: feeling, feeling".
        for (_, key, value) in pairs(file("feelings.txt"), separator: ":", path: "rewrite/feelings.txt", &problems) {
            knowledge.fauxFeelings[words(key).joined(separator: " ")] = value.split(separator: ",").map { String($0.trimmedSpaces) }
        }

        // said-feelings.txt: "phrase: feeling".
        for (_, key, value) in pairs(file("said-feelings.txt"), separator: ":", path: "rewrite/said-feelings.txt", &problems) {
            knowledge.saidFeelings[words(key).joined(separator: " ")] = value
        }

        loadFrames(file("frames.txt"), into: &knowledge, words: words, &problems)

        // verbs.txt: "base, past, participle, -ing".
        if let text = file("verbs.txt") {
            for line in DataFileLines(text: text) {
                let forms = line.text.split(separator: ",").map { String($0.trimmedSpaces) }
                guard forms.count == 4, forms.allSatisfy({ !$0.isEmpty }) else {
                    problems.append(Diagnostic(file: "rewrite/verbs.txt", line: line.number, column: 1, message: "expected 'base, past, participle, -ing'"))
                    continue
                }
                knowledge.verbs.append(RewriteKnowledge.VerbForms(base: forms[0], past: forms[1], participle: forms[2], gerund: forms[3]))
            }
        }

        for (_, key, value) in pairs(file("notes.txt"), separator: ":", path: "rewrite/notes.txt", &problems) {
            knowledge.notes[key] = value
        }
        for (_, key, value) in pairs(file("display.txt"), separator: "->", path: "rewrite/display.txt", &problems) {
            knowledge.display.append(RewriteKnowledge.Display(words: words(key), written: value))
        }
        knowledge.display.sort { $0.words.count > $1.words.count }

        // generic-words.txt: words separated by commas or lines.
        if let text = file("generic-words.txt") {
            for line in DataFileLines(text: text) {
                for item in line.text.split(separator: ",") {
                    let read = words(item)
                    if read.count > 1 { knowledge.genericPhrases.append(read) } else { knowledge.genericWords.formUnion(read) }
                }
            }
        }
        // linked-words.txt: "word: phrases that raise it".
        for entry in keyedLists(file("linked-words.txt"), path: "rewrite/linked-words.txt", &problems) {
            for word in words(entry.key) {
                knowledge.linkedWords[word, default: []] += entry.items.map { words($0) }.filter { !$0.isEmpty }
            }
        }
        let texts = knowledge.kinds.flatMap { $0.needs + $0.requests } + knowledge.labels.values.flatMap { [$0.need, $0.request] }
        for text in texts where knowledge.textWords[text] == nil {
            knowledge.textWords[text] = words(text)
        }
        if file("notes.txt") != nil {
            for kind in Set(knowledge.frames.map(\.kind)) where knowledge.notes[kind] == nil {
                problems.append(Diagnostic(file: "rewrite/frames.txt", message: "frames of kind '\(kind)' need a note in notes.txt"))
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return knowledge
    }

    /// kinds.txt: "[kind]" blocks of "key: value" lines (values may continue on indented lines).
    private static func loadKinds(_ text: String?, into knowledge: inout RewriteKnowledge, words: (Substring) -> [String],
                                  _ problems: inout [Diagnostic]) {
        guard let text else { return }
        let path = "rewrite/kinds.txt"
        var current: RewriteKnowledge.Kind?
        var lastKey = ""
        func finish() { if let kind = current { knowledge.kinds.append(kind) } }
        func apply(_ key: String, _ value: Substring, line: Int, continuing: Bool) {
            let list = value.split(separator: "|").map { String($0.trimmedSpaces) }.filter { !$0.isEmpty }
            switch key {
            case "cues": current!.cues += value.split(separator: ",").map { words($0) }.filter { !$0.isEmpty }
            case "feelings": current!.feelings += value.split(separator: ",").map { String($0.trimmedSpaces) }.filter { !$0.isEmpty }
            case "why": current!.why += (continuing ? " " : "") + String(value.trimmedSpaces)
            case "needs": current!.needs += list
            case "requests": current!.requests += list
            default:
                problems.append(Diagnostic(file: path, line: line, column: 1,
                                           message: "unknown key '\(key)'; kinds have cues, feelings, why, needs, requests"))
            }
        }
        for line in DataFileLines(text: text) {
            let content = line.text.trimmedSpaces
            if content.hasPrefix("[") && content.hasSuffix("]") {
                finish()
                current = RewriteKnowledge.Kind(name: String(content.dropFirst().dropLast()), cues: [], feelings: [], why: "", needs: [], requests: [])
                lastKey = ""
                continue
            }
            guard current != nil else {
                problems.append(Diagnostic(file: path, line: line.number, column: 1, message: "expected '[kind]' first"))
                continue
            }
            if line.isIndented, !lastKey.isEmpty {
                apply(lastKey, content, line: line.number, continuing: true)
                continue
            }
            guard let colon = content.firstIndex(of: ":") else {
                problems.append(Diagnostic(file: path, line: line.number, column: 1, message: "expected '[kind]' or 'key: value'"))
                continue
            }
            lastKey = String(content[..<colon].trimmedSpaces)
            apply(lastKey, content[content.index(after: colon)...], line: line.number, continuing: false)
        }
        finish()
        for kind in knowledge.kinds where kind.feelings.isEmpty || kind.why.isEmpty || kind.needs.isEmpty || kind.requests.isEmpty {
            problems.append(Diagnostic(file: path, message: "kind [\(kind.name)] needs feelings, why, needs and requests"))
        }
        if knowledge.kinds.last.map({ !$0.cues.isEmpty }) ?? true {
            problems.append(Diagnostic(file: path, message: "the last kind must be [general], with no cues, for sentences about nothing in particular"))
        }
    }

    /// frames.txt: "FRAME -> START | kind".
    private static func loadFrames(_ text: String?, into knowledge: inout RewriteKnowledge, words: (Substring) -> [String],
                                   _ problems: inout [Diagnostic]) {
        let path = "rewrite/frames.txt"
        for (number, left, right) in pairs(text, separator: "->", path: path, &problems) {
            let sides = right.split(separator: "|", omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                problems.append(Diagnostic(file: path, line: number, column: 1, message: "expected 'FRAME -> START | kind'"))
                continue
            }
            var steps: [RewriteKnowledge.Frame.Step] = []
            for raw in left.split(separator: " ") {
                let optional = raw.hasSuffix("?") && raw.count > 1
                let atom = optional ? raw.dropLast() : raw
                if atom.hasPrefix("~") {
                    let name = String(atom.dropFirst())
                    if WordClass(name: name) == nil {
                        problems.append(Diagnostic(file: path, line: number, column: 1, message: "unknown class ~\(name)"))
                    }
                    steps.append(.init(part: .wordClass(name), optional: optional))
                } else if [",", ".", "?", "!"].contains(String(atom)) {
                    steps.append(.init(part: .mark(String(atom)), optional: optional))
                } else {
                    steps += words(atom).map { .init(part: .word($0), optional: optional) }
                }
            }
            let kind = String(sides[1].trimmedSpaces)
            knowledge.frames.append(RewriteKnowledge.Frame(steps: steps, replacement: words(sides[0]), kind: kind))
        }
    }

    /// "~key: item, item" lines, with indented lines continuing the last one.
    private static func keyedLists(_ text: String?, path: String, _ problems: inout [Diagnostic]) -> [(line: Int, key: String, items: [Substring])] {
        guard let text else { return [] }
        var result: [(line: Int, key: String, items: [Substring])] = []
        for line in DataFileLines(text: text) {
            if line.isIndented, !result.isEmpty {
                result[result.count - 1].items += line.text.split(separator: ",").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
                continue
            }
            guard let colon = line.text.firstIndex(of: ":") else {
                problems.append(Diagnostic(file: path, line: line.number, column: 1, message: "expected 'KEY: items'"))
                continue
            }
            let items = line.text[line.text.index(after: colon)...].split(separator: ",").map { $0.trimmedSpaces }.filter { !$0.isEmpty }
            result.append((line.number, String(line.text[..<colon].trimmedSpaces), items))
        }
        return result
    }

    /// A words.txt entry `@LEXICON LOW..HIGH [except *ENDING …]`: the words of
    /// `lexicons/LEXICON.tsv` scored in the range, ends included, as the concepts read them
    /// ("@valence 1.2..4 except *ing *ly" is every clearly positive word but "-ing" and "-ly").
    private static func lexiconWords(_ item: Substring, files: [(path: String, text: String)], line: Int,
                                     _ problems: inout [Diagnostic]) -> [Substring] {
        var parts = item.dropFirst().split(separator: " ")
        var endings: [Substring] = []
        if parts.count > 3, parts[2] == "except", parts[3...].allSatisfy({ $0.hasPrefix("*") }) {
            endings = parts[3...].map { $0.dropFirst() }
            parts.removeSubrange(2...)
        }
        let usage = "expected '@LEXICON LOW..HIGH [except *ENDING]' naming a file in lexicons/, e.g. '@valence 1.2..4'"
        guard parts.count == 2, let text = files.first(where: { $0.path == "lexicons/\(parts[0]).tsv" })?.text,
              let dots = parts[1].range(of: ".."), let low = Double(parts[1][..<dots.lowerBound]),
              let high = Double(parts[1][dots.upperBound...]), low <= high else {
            problems.append(Diagnostic(file: "rewrite/words.txt", line: line, column: 1, message: usage))
            return []
        }
        var result: [Substring] = []
        for row in DataFileLines(text: text) {
            let cells = row.text.split(separator: "\t")
            guard cells.count == 2, let score = Double(cells[1].trimmedSpaces), score >= low, score <= high else { continue }
            let word = cells[0].trimmedSpaces
            if !endings.contains(where: { word.hasSuffix($0) }) { result.append(word) }
        }
        return result
    }

    /// "left SEPARATOR right" lines, trimmed.
    private static func pairs(_ text: String?, separator: String, path: String, _ problems: inout [Diagnostic]) -> [(Int, String, String)] {
        guard let text else { return [] }
        var result: [(Int, String, String)] = []
        for line in DataFileLines(text: text) {
            guard let range = line.text.firstRange(of: separator) else {
                problems.append(Diagnostic(file: path, line: line.number, column: 1, message: "expected 'KEY \(separator) VALUE'"))
                continue
            }
            result.append((line.number, String(line.text[..<range.lowerBound].trimmedSpaces), String(line.text[range.upperBound...].trimmedSpaces)))
        }
        return result
    }
}
