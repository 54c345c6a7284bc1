/// Takes a complaint out of the frame it is wrapped in: "why do you always…" → "you do
/// always…", "thanks for eating…" → "you did eating…" (folded later into "you ate…"),
/// "I feel like you…" → "you…". The frames are data (`frames.txt`).
struct FrameStripper: Sendable {
    let frames: [RewriteKnowledge.Frame]
    let classes: RewriteWordClasses
    /// Each frame step's class, looked up once (nil for a word or a mark).
    private let stepClasses: [[WordClass?]]
    /// The frames that start with a given word, in file order; `others` start otherwise.
    private let byFirstWord: [String: [Int]]
    private let others: [Int]

    init(frames: [RewriteKnowledge.Frame], classes: RewriteWordClasses) {
        self.frames = frames
        self.classes = classes
        stepClasses = frames.map { frame in
            frame.steps.map { step in
                if case .wordClass(let name) = step.part { return WordClass(name: name) }
                return nil
            }
        }
        var byFirstWord: [String: [Int]] = [:]
        var others: [Int] = []
        for (number, frame) in frames.enumerated() {
            if let first = frame.steps.first, !first.optional, case .word(let word) = first.part {
                byFirstWord[word, default: []].append(number)
            } else {
                others.append(number)
            }
        }
        self.byFirstWord = byFirstWord
        self.others = others
    }

    struct Stripped {
        var frame: RewriteKnowledge.Frame
        /// The words the frame took, as typed, for the note.
        var taken: [RewriteWord]
        var words: [RewriteWord]
    }

    /// What someone "has to be" that is insisted on, not what they are: "you always have to
    /// be right", "…be in control".
    private static let insistedOn = ["right", "first", "perfect", "in control", "in charge", "the best", "the centre", "the center", "the one"]

    /// The first frame that fits the start of `words`, and the words with it replaced.
    func strip(_ words: [RewriteWord]) -> Stripped? {
        guard let (frame, consumed) = frame(at: words) else { return nil }
        var inside = frame.replacement.map { classes.make($0) } + words.dropFirst(consumed)
        // "why do you have to be on your phone" → "you are on your phone", not "you be";
        // "you always have to be right" → "you insist on being right" (being right is not
        // what happened, insisting on it is).
        if inside.count > 2, inside[1].norm == "be", let subject = ["you": "are", "we": "are", "they": "are", "i": "am", "he": "is", "she": "is"][inside[0].norm] {
            let next = inside[2].norm + (inside.count > 3 ? " " + inside[3].norm : "")
            if Self.insistedOn.contains(where: { next == $0 || next.hasPrefix($0 + " ") }) {
                inside.replaceSubrange(1...1, with: [classes.make(subject == "is" ? "insists" : "insist"), classes.make("on"), classes.make("being")])
            } else {
                inside[1] = classes.make(subject)
            }
        }
        return Stripped(frame: frame, taken: Array(words.prefix(consumed)), words: Array(inside))
    }

    /// The first frame that fits the start of `words`, and how many words it takes.
    func frame(at words: [RewriteWord]) -> (frame: RewriteKnowledge.Frame, consumed: Int)? {
        guard let first = words.first else { return nil }
        // Only the frames that could start here, still in file order.
        var candidates = others
        if !first.isMark, let starting = byFirstWord[first.norm] {
            candidates = others.isEmpty ? starting : (candidates + starting).sorted()
        }
        for number in candidates {
            if let consumed = length(of: frames[number], number, in: words) { return (frames[number], consumed) }
        }
        return nil
    }

    private func length(of frame: RewriteKnowledge.Frame, _ number: Int, in words: [RewriteWord]) -> Int? {
        var position = 0
        for (stepNumber, step) in frame.steps.enumerated() {
            var length: Int?
            if position < words.count {
                let word = words[position]
                switch step.part {
                case .word(let text): length = !word.isMark && word.norm == text ? 1 : nil
                case .mark(let mark): length = word.isMark && word.norm == mark ? 1 : nil
                case .wordClass: length = stepClasses[number][stepNumber].flatMap { classes.match($0, words, at: position) }
                }
            }
            if let length {
                position += length
            } else if !step.optional {
                return nil
            }
        }
        return position
    }
}
