/// How a reply is meant, apart from what it says about the skill being practised: whether it
/// points back to the reply before ("i just said. a few days"), whether it asks the coach
/// what to say ("what am i supposed to say to that??"), and where a quote of it may stop
/// ("my boss is" is not a quote; "my boss is on my case" is). The words are in
/// `Vocabulary/slots.txt`.
public struct ReplyReader: Sendable {
    public let words: SlotWords
    private let slots: SlotReader

    /// At most this many words may follow a pointer back or a question for the coach.
    public static let pointerRest = 6
    public static let questionRest = 3
    /// A quote widened to its clause grows by at most this many words.
    public static let widening = 12

    /// What a question for the coach may carry besides: not knowing, a plea, a question.
    public static let questionKinds: Set<SignalKind> = SlotReader.answerKinds.union([.distress, .curiosity])

    public init(words: SlotWords) {
        self.words = words
        slots = SlotReader(words: words)
    }

    /// Where a pointer back to the last reply ends, in Unicode scalars of `text`, when the
    /// reply starts with one (after fillers) and at most a few words follow it.
    public func pointerBack(in text: String) -> Int? {
        guard let (_, end) = leading("points-back", in: text, rest: ReplyReader.pointerRest) else { return nil }
        return end
    }

    /// Whether the reply asks the coach what to say rather than saying it: it starts with
    /// such a question, little follows, and it carries nothing for the practice.
    public func asksCoach(_ text: String, kinds: Set<SignalKind>) -> Bool {
        kinds.isSubset(of: ReplyReader.questionKinds) && leading("for-coach", in: text, rest: ReplyReader.questionRest) != nil
    }

    /// Whether a question in the reply speaks to the other person: a sentence ending with a
    /// question mark that names them ("is it hard for you?", "what do u think?"). "How long
    /// is this gonna take?" asks the coach about the practice, not them about their side.
    public func asksThem(_ text: String) -> Bool {
        let second = words.entries("second-person")
        var sentence = ""
        for character in text {
            if ".!?\n".contains(character) {
                if character == "?", Tokens(sentence).bare.contains(where: { second.contains([$0]) }) { return true }
                sentence = ""
            } else {
                sentence.append(character)
            }
        }
        return false
    }

    /// A signal's words as the coach quotes them: as found, or, when they stop on a word a
    /// quote cannot end on ("my boss is"), on to the end of their clause, or to the next word
    /// where a point ends ("hit me with a belt | when I was a kid").
    public func quoted(_ signal: Signal, in text: String) -> Signal {
        let scalars = Array(text.unicodeScalars)
        guard signal.start >= 0, signal.start < signal.end, signal.end <= scalars.count,
              let last = signal.text.split(whereSeparator: { $0 == " " || $0.isNewline }).last,
              words.entries("dangling").contains(SlotWords.words(of: Tokens.trimPunctuation(String(last)))) else { return signal }
        let stops: Set<Unicode.Scalar> = [",", ".", ";", ":", "!", "?", "\n", "…"]
        var end = signal.end
        var added = 0
        var inWord = false
        let breaks = words.entries("break")
        while end < scalars.count, !stops.contains(scalars[end]) {
            let space = scalars[end] == " " || scalars[end] == "\t"
            if !space && !inWord {
                if added > 0, breaks.contains(SlotWords.words(of: ReplyReader.word(at: end, in: scalars))) { break }
                added += 1
                if added > ReplyReader.widening { break }
            }
            inWord = !space
            end += 1
        }
        while end > signal.end, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        guard end > signal.end else { return signal }
        var widened = signal
        widened.text = String(String.UnicodeScalarView(scalars[signal.start..<end]))
        widened.end = end
        return widened
    }

    /// The word that starts at `offset`, up to the next space or punctuation.
    private static func word(at offset: Int, in scalars: [Unicode.Scalar]) -> String {
        var end = offset
        while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "'" || scalars[end] == "’" { end += 1 }
        return String(String.UnicodeScalarView(scalars[offset..<end]))
    }

    /// The entry of `list` that starts `text` after any fillers, with where it ends (in
    /// scalars), when at most `rest` words follow it.
    private func leading(_ list: String, in text: String, rest: Int) -> (words: Int, end: Int)? {
        let tokens = Tokens(text)
        var start = 0
        // An entry may itself start with a filler ("idk what to say"), so try it before
        // skipping each one.
        while start < tokens.count {
            if let length = slots.match(words.entries(list), in: tokens, at: start) {
                guard tokens.count - start - length <= rest else { return nil }
                let count = start + length
                return (count, ReplyReader.endOfWord(count, in: text))
            }
            guard let filler = slots.match(words.entries("filler"), in: tokens, at: start) else { return nil }
            start += filler
        }
        return nil
    }

    /// The scalar offset just after the `count`th word of `text` (words split as `Tokens` splits them).
    static func endOfWord(_ count: Int, in text: String) -> Int {
        var words = 0
        var inWord = false
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let space = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            if space && inWord {
                words += 1
                if words == count { return offset }
            }
            inWord = !space
        }
        return text.unicodeScalars.count
    }
}
