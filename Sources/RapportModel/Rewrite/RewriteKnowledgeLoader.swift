/// Reads the files in `Vocabulary/rewrite/`. Words on the complaint side are normalised
/// like typed text; what the rewrite says is kept as written.
enum RewriteKnowledgeLoader {
    static func load(_ files: [(path: String, text: String)], analyzer: Analyzer) throws(DiagnosticList) -> RewriteKnowledge {
        var knowledge = RewriteKnowledge()
        var problems: [Diagnostic] = []
        func words(_ text: some StringProtocol) -> [String] { analyzer.normalisedWords(of: String(text)).filter { $0 != "," && $0 != "." } }
        func file(_ name: String) -> String? { files.first { $0.path == "rewrite/" + name }?.text }
        for name in ["topics.txt", "feelings.txt", "frames.txt", "observations.txt", "verbs.txt", "labels.txt", "notes.txt", "display.txt"]
        where file(name) == nil {
            problems.append(Diagnostic(file: "rewrite/" + name, message: "the rewriter needs this file"))
        }

        // topics.txt: [name] blocks of "key: value" lines.
        if let text = file("topics.txt") {
            var current: RewriteKnowledge.Topic?
            func finish() { if let topic = current { knowledge.topics.append(topic) } }
            for line in DataFileLines(text: text) {
                let content = line.text.trimmedSpaces
                if content.hasPrefix("[") && content.hasSuffix("]") {
                    finish()
                    current = RewriteKnowledge.Topic(name: String(content.dropFirst().dropLast()), cues: [], feelings: [], need: "", request: "", situation: "")
                    continue
                }
                guard current != nil, let colon = content.firstIndex(of: ":") else {
                    problems.append(Diagnostic(file: "rewrite/topics.txt", line: line.number, column: 1, message: "expected '[topic]' or 'key: value'"))
                    continue
                }
                let key = content[..<colon].trimmedSpaces
                let value = String(content[content.index(after: colon)...].trimmedSpaces)
                switch key {
                case "cues": current!.cues = value.split(separator: ",").map { words($0) }.filter { !$0.isEmpty }
                case "feelings": current!.feelings = value.split(separator: ",").map { String($0.trimmedSpaces) }
                case "need": current!.need = value
                case "request": current!.request = value
                case "situation": current!.situation = value
                default:
                    problems.append(Diagnostic(file: "rewrite/topics.txt", line: line.number, column: 1,
                                               message: "unknown key '\(key)'; topics have cues, feelings, need, request, situation"))
                }
            }
            finish()
            for topic in knowledge.topics where topic.feelings.isEmpty || topic.need.isEmpty || topic.request.isEmpty || topic.situation.isEmpty {
                problems.append(Diagnostic(file: "rewrite/topics.txt", message: "topic [\(topic.name)] needs feelings, need, request and situation"))
            }
            if !knowledge.topics.contains(where: { $0.cues.isEmpty }) {
                problems.append(Diagnostic(file: "rewrite/topics.txt", message: "a [general] topic with no cues is needed, for sentences about nothing in particular"))
            }
        }

        // feelings.txt: "evaluation: feeling, feeling".
        for (number, key, value) in pairs(file("feelings.txt"), separator: ":", path: "rewrite/feelings.txt", &problems) {
            knowledge.fauxFeelings[words(key).joined(separator: " ")] = value.split(separator: ",").map { String($0.trimmedSpaces) }
            _ = number
        }

        // frames.txt: "FRAME -> START | kind".
        for (number, left, right) in pairs(file("frames.txt"), separator: "->", path: "rewrite/frames.txt", &problems) {
            let sides = right.split(separator: "|", omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                problems.append(Diagnostic(file: "rewrite/frames.txt", line: number, column: 1, message: "expected 'FRAME -> START | kind'"))
                continue
            }
            var parts: [(part: RewriteKnowledge.Frame.Part, optional: Bool)] = []
            for raw in left.split(separator: " ") {
                let optional = raw.hasSuffix("?") && raw.count > 1
                let atom = optional ? raw.dropLast() : raw
                if atom.hasPrefix("~") {
                    let name = String(atom.dropFirst())
                    if analyzer.vocabulary.concept(named: name) == nil {
                        problems.append(Diagnostic(file: "rewrite/frames.txt", line: number, column: 1, message: "unknown concept ~\(name)"))
                    }
                    parts.append((.concept(name), optional))
                } else if [",", ".", "?", "!"].contains(String(atom)) {
                    parts.append((.mark(String(atom)), optional))
                } else {
                    parts += words(atom).map { (.word($0), optional) }
                }
            }
            knowledge.frames.append(RewriteKnowledge.Frame(parts: parts, replacement: words(sides[0]), kind: String(sides[1].trimmedSpaces)))
        }

        // observations.txt: "COMPLAINT ... -> OBSERVATION ...".
        for (_, left, right) in pairs(file("observations.txt"), separator: "->", path: "rewrite/observations.txt", &problems) {
            let complaint = words(left.replacingDots())
            knowledge.observations.append(RewriteKnowledge.Observation(complaint: complaint, takesRest: left.hasSuffix("..."), observation: right))
        }

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

        // labels.txt: "label: feeling | example | need | request".
        for (number, key, value) in pairs(file("labels.txt"), separator: ":", path: "rewrite/labels.txt", &problems) {
            let parts = value.split(separator: "|").map { String($0.trimmedSpaces) }
            guard parts.count == 4 else {
                problems.append(Diagnostic(file: "rewrite/labels.txt", line: number, column: 1, message: "expected 'label: feeling | example | need | request'"))
                continue
            }
            knowledge.labels[words(key).joined(separator: " ")] = RewriteKnowledge.LabelAdvice(feeling: parts[0], example: parts[1], need: parts[2], request: parts[3])
        }

        for (_, key, value) in pairs(file("notes.txt"), separator: ":", path: "rewrite/notes.txt", &problems) {
            knowledge.notes[key] = value
        }
        for (_, key, value) in pairs(file("display.txt"), separator: "->", path: "rewrite/display.txt", &problems) {
            knowledge.display.append((words(key), value))
        }
        knowledge.display.sort { $0.words.count > $1.words.count }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return knowledge
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

private extension String {
    /// The complaint side without its "..." (the rest is implied by matching a prefix).
    func replacingDots() -> String {
        split(separator: " ").filter { $0 != "..." }.joined(separator: " ")
    }
}
