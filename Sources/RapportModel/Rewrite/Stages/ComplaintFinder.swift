/// Finds the complaint, or says there is none. A sentence is rewritten when it blames:
/// the analysis found blame in it (a you-statement, an absolute, a label, contempt, an
/// evaluation said as a feeling, blame-shifting, a demand), or it has a shape that blames
/// without those words (an order to stop, "acting like…", a comparison, a conditional jab,
/// an accusing or rhetorical question, sarcasm with a grievance), or it tells of something
/// the other person did and carries no kind word. Kind, neutral and already good sentences
/// come back as they are; a good start with one evaluation in it gets a light touch.
struct ComplaintFinder: Sendable {
    let classes: RewriteWordClasses
    let frames: FrameStripper
    let counterfactual: Counterfactual
    let verbs: VerbInflector
    let saidFeelings: SaidFeelings

    enum Verdict: Sendable, Equatable {
        /// Crisis language: not reworded.
        case crisis
        /// Kind, neutral, or already a good I-statement.
        case leave
        /// "I feel ignored when…": a good start; only the evaluation or absolute changes.
        case lightTouch
        case rewrite
        /// It only shuts the talk down ("whatever", "I'm done talking"): said as being flooded.
        case withdraw(String)
    }

    /// What the analysis found, as far as finding a complaint goes.
    private struct Found {
        var crisis = false
        /// A kind that on its own shows blame: a you-statement, an absolute, a label, contempt,
        /// an evaluation said as a feeling, blame-shifting, a demand.
        var blame = false
        /// Blame even next to kind words: a label, contempt, blame-shifting, an evaluation.
        var strongBlame = false
        /// What keeps a good start from being left as it is: an evaluation, an absolute, a
        /// label or contempt; and whether it is one of the last two.
        var offStart = false
        var labelOrContempt = false
        /// Scorn ("whatever you say, boss"), for when it comes only with shutting down.
        var contempt = false
        /// A kind line, whatever else it says: appreciation, remorse, validation, a
        /// commitment, an offer to repair.
        var kindness = false
        var request = false
        /// An I-statement: the speaker's own feeling, said from their side.
        var iStatement = false
        /// Stonewalling: shutting the talk down ("whatever", "I'm done talking"); the text.
        var withdrawal: String?
        /// Something besides shutting down was found ("I'm sorry that you think I don't care",
        /// "i cant do this anymore i want to end it"): then it is not only a withdrawal.
        var besidesWithdrawal = false

        init(_ signals: [Signal]) {
            // What may come with shutting down and still be only that: "I'm not discussing
            // this any more" is a boundary and a no as well. Giving the point up comes with it
            // when a whole phrase shuts the talk down ("whatever, do what u want", "k whatever.
            // not doing this rn"); after a lone "fine" it is leave given ("ugh fine, message me
            // whenever").
            var withWithdrawal: Set<SignalKind> = [.stonewalling, .distress, .boundary, .answerNo, .decline, .timing, .poorTiming]
            if signals.contains(where: { $0.kind == .stonewalling && $0.text.contains(" ") }) { withWithdrawal.insert(.agreement) }
            // "whatever you say, boss": scorn that only shuts the talk down, with no charge
            // against them beside it, is shutting down too.
            if signals.contains(where: { $0.kind == .stonewalling }),
               !signals.contains(where: { [.youStatement, .label, .absolute, .blameShift].contains($0.kind) }) {
                withWithdrawal.insert(.contempt)
            }
            besidesWithdrawal = signals.contains { !withWithdrawal.contains($0.kind) }
            for signal in signals {
                switch signal.kind {
                case .crisis: crisis = true
                // "u make me want to die": wanting to die is never polished into a request, and
                // a threat ("I told him 'you'll be in the ground'") is never made an I-statement.
                case .risk where signal.about == .selfHarm || signal.about == .harmingOthers: crisis = true
                case .label, .contempt:
                    blame = true; strongBlame = true; offStart = true; labelOrContempt = true
                    if signal.kind == .contempt { contempt = true }
                case .fauxFeeling: blame = true; strongBlame = true; offStart = true
                case .blameShift: blame = true; strongBlame = true
                case .absolute: blame = true; offStart = true
                case .youStatement, .demand: blame = true
                case .appreciation, .remorse, .validation, .commitment, .repair: kindness = true
                case .request: request = true
                case .iStatement: iStatement = true
                case .stonewalling: withdrawal = withdrawal ?? signal.text
                default: break
                }
            }
        }
    }

    func verdict(words: [RewriteWord], clauses: [Clause], signals: [Signal]) -> Verdict {
        let heads = clauses.map { dropOpeners($0.words) }
        // Praise is not a label ("you're the most supportive person I know"), unless a
        // trait of the label list is in it too.
        let praised = heads.contains(where: praises) && !classes.occurs(.label, in: words)
        // Leave given plainly ("Sure, go ahead and take the car tonight") holds no demand.
        let leave = SarcasticPermission(classes: classes, verbs: verbs).find(clauses, grievance: hasGrievance(words))
        let found = Found(signals.filter { !(praised && $0.kind == .label) && !(leave?.ironic == false && $0.kind == .demand) })
        if found.crisis { return .crisis }
        guard clauses.contains(where: { $0.words.contains { !$0.isMark && !$0.isSymbol } }) else { return .leave }
        // "I'm sick of you being late" names how they feel about what the other person does:
        // a complaint, though it starts from "I".
        if clauses.contains(where: { saidFeelings.aboutThem($0.words) != nil }) { return .rewrite }
        if let feeling = ownFeelingClause(heads) {
            // "I feel hurt when…" and "When you shout, I feel scared" are already the shape;
            // "I feel like you…" is not.
            if disguises(heads[feeling]) { return .rewrite }
            return !found.offStart ? .leave : (found.labelOrContempt ? .rewrite : .lightTouch)
        }
        // Their own feeling and an ask, with nothing blamed: "I've been worried about money since
        // my hours got cut. Could we go through the budget together on Sunday?" is already it.
        if found.iStatement && found.request && !found.blame { return .leave }
        // How the speaker is, said without a feeling word ("i dont even care anymore"), is
        // about them, not about the other person: its words are no grievance.
        let feelingOnly = clauses.map { saidFeelings.onlyFeeling($0.words) != nil }
        let aboutOthers = feelingOnly.contains(true) ? zip(clauses, feelingOnly).filter { !$0.1 }.flatMap(\.0.words) : words
        let present = aboutOthers.reduce(UInt64(0)) { $0 | $1.starts }
        func occurs(_ wordClass: WordClass) -> Bool { present & wordClass.bit != 0 && classes.occurs(wordClass, in: aboutOthers) }
        let marked = occurs(.grievance)
        let grievance = marked || occurs(.negativeAct)
            || (occurs(.privateMatter) && aboutOthers.contains { ["tell", "told", "telling", "share", "shared", "sharing"].contains($0.norm) })
        // "whatever you say, boss": shutting the talk down with scorn and nothing blamed.
        if !found.besidesWithdrawal, found.contempt, let shutting = found.withdrawal, !grievance, !isAsking(heads) {
            return .withdraw(shutting)
        }
        if leave?.ironic == true || found.strongBlame || blamingShape(heads, clauses: clauses, grievance: grievance, blame: found.blame) {
            return .rewrite
        }
        // "again", "without asking", "in front of everyone": a grievance, whatever else is said.
        if marked && heads.contains(where: { tellsOfThem($0) || $0.first.map { classes.contains(.other, $0) } ?? false }) { return .rewrite }
        // "fine. I'm done talking.": nothing blamed, nothing kind said to them, the talk shut
        // down ("fine" here is not kindness).
        if !found.besidesWithdrawal, let shutting = found.withdrawal ?? onlyShutsDown(words), !grievance, !isAsking(heads) {
            return .withdraw(shutting)
        }
        let kind = found.kindness || heads.contains(where: saysSomethingKind)
        if grievance && found.blame { return .rewrite }
        if kind { return .leave }
        if grievance || found.blame { return .rewrite }
        // "it's not normal to check my phone", "the way you spoke to my mum was rude": a
        // verdict on what they did, with nothing kind said.
        let verdicts = VerdictShapes(classes: classes, verbs: verbs)
        if heads.contains(where: { verdicts.after($0) != nil || verdicts.onWhatTheyDid($0) != nil }) { return .rewrite }
        // "Could you grab some milk?", "is it okay if…": asking, and nothing else.
        if found.request || isAsking(heads) { return .leave }
        // "You came home drunk at three in the morning": what they did, and nothing kind.
        return heads.contains(where: tellsOfThem) ? .rewrite : .leave
    }

    /// "k fine whatever": nothing but openers, jabs and a word that shuts the talk down.
    private func onlyShutsDown(_ words: [RewriteWord]) -> String? {
        var shutting: String?
        var index = 0
        while index < words.count {
            if words[index].isMark || words[index].isSymbol { index += 1; continue }
            if let length = classes.match(.withdrawal, words, at: index) {
                shutting = shutting ?? words[index..<(index + length)].map(\.text).joined(separator: " ")
                index += length
                continue
            }
            guard let length = classes.match(.opener, words, at: index) ?? classes.match(.filler, words, at: index)
                ?? classes.match(.jab, words, at: index) else { return nil }
            index += length
        }
        return shutting
    }

    /// "again", "without asking", or an act people complain about, anywhere in the sentence.
    func hasGrievance(_ words: [RewriteWord]) -> Bool {
        classes.occurs(.grievance, in: words) || classes.occurs(.negativeAct, in: words)
    }

    // MARK: - Shapes that blame

    private func blamingShape(_ heads: [[RewriteWord]], clauses: [Clause], grievance: Bool, blame: Bool) -> Bool {
        for (index, head) in heads.enumerated() {
            guard let first = head.first else { continue }
            if let (frame, consumed) = frames.frame(at: head) {
                switch frame.kind {
                case "accusing-question", "exasperation", "past", "demand": return true
                case "sarcasm": if grievance { return true }
                case "ironic-praise":
                    // A jab after it ("…, so thoughtful") or a grievance ("before I'd even told
                    // my parents"); "even" alone is no irony ("even on bad days").
                    let jabbed = clauses.indices.contains { other in
                        let said = clauses[other].words.filter { !$0.isMark && !$0.isSymbol }
                        return other != index && !said.isEmpty && classes.match(.jab, said, at: 0) == said.count
                    }
                    let marked = classes.occurs(.grievance, in: clauses.flatMap(\.words).filter { $0.norm != "even" })
                    if jabbed || marked { return true }
                case "obligation": if blame || grievance { return true }
                case "dislike":
                    // "I hate how you…", not "I hate it when you have to leave" (that is missing them).
                    let rest = head[consumed...]
                    let obliged = zip(rest, rest.dropFirst()).contains { ["have", "has", "had"].contains($0.0.norm) && $0.1.norm == "to" }
                    if rest.prefix(3).contains(where: { ["you", "your"].contains($0.norm) }), !obliged { return true }
                case "disguised": if consumed < head.count, aboutThem(Array(head[consumed...])) { return true }
                default: break
                }
            }
            // "stop checking my location", "stop acting like my dad".
            if classes.contains(.stop, first), head.count > 1, head[1].norm.hasSuffix("ing") || classes.match(.actingLike, head, at: 1) != nil {
                return true
            }
            if classes.match(.actingLike, head, at: 0) != nil { return true }
            // "who leaves a wet towel on the bed".
            if first.norm == "who", head.count > 2, let forms = verbs.forms(of: head[1].norm), forms.base != head[1].norm,
               !classes.contains(.aux, head[1]), !classes.contains(.mindReading, head[1]) {
                return true
            }
            if classes.occurs(.comparison, in: head), let than = head.firstIndex(where: { $0.norm == "than" }),
               classes.match(.speakerSide, head, at: than + 1) != nil {
                return true
            }
            if head.contains(where: { ["first"].contains($0.norm) }), classes.occurs(.comparison, in: head) { return true }
            // "your friends get your best mood and I get the leftovers".
            let share = ShareContrast(classes: classes)
            if index + 1 < heads.count, share.getter(head, then: heads[index + 1]) != nil { return true }
            if share.othersGet(head) != nil { return true }
            if counterfactual.isCondition(head), index + 1 < heads.count, counterfactual.isConsequence(heads[index + 1]) { return true }
            if classes.match(.jab, head, at: 0) == head.count, grievance { return true }
        }
        return false
    }

    /// A kind word that is not denied: "you never say thank you" has none; "you never fail
    /// to make me laugh" has one ("never fail to" is itself kind).
    func saysSomethingKind(_ head: [RewriteWord]) -> Bool {
        if praises(head) { return true }
        var negated = false
        var index = 0
        while index < head.count {
            if let length = classes.match(.kind, head, at: index) {
                if !negated { return true }
                index += length
                continue
            }
            if classes.match(.never, head, at: index) != nil || head[index].norm == "not" { negated = true }
            index += 1
        }
        return false
    }

    /// "you're such a good dad", "ur a legend", "you're the most supportive person I know":
    /// praise pinned on them, which is kind however it is put.
    private func praises(_ head: [RewriteWord]) -> Bool {
        guard head.count >= 3, head[0].norm == "you", ["are", "were"].contains(head[1].norm) else { return false }
        var index = 2
        while index < head.count, let length = classes.match(.degree, head, at: index) { index += length }
        return classes.match(.label, head, at: index) == nil && classes.match(.praise, head, at: index) != nil
    }

    /// A question that asks for something or offers ("could you…", "is it okay if…").
    private func isAsking(_ heads: [[RewriteWord]]) -> Bool {
        heads.contains { classes.match(.request, $0, at: 0) != nil }
    }

    /// A clause about what the other person, or someone of theirs, did or does.
    private func tellsOfThem(_ head: [RewriteWord]) -> Bool {
        guard head.count >= 2, let first = head.first else { return false }
        if first.norm == "you" {
            let next = head[1]
            return !["know", "knew", "look", "looked", "are", "were"].contains(next.norm) || head.count > 3
        }
        // "your dog chewed my new shoes": someone of theirs, acting on what is the speaker's.
        if first.norm == "your", head.count > 3 {
            return head.dropFirst(2).contains { ["my", "me", "mine"].contains($0.norm) }
        }
        return false
    }

    /// Which clause names the speaker's own feeling, when the sentence has the shape of an
    /// I-statement: the first ("I feel hurt when…"), or the one right after a leading
    /// "when" clause ("When you shout, | I feel scared").
    private func ownFeelingClause(_ heads: [[RewriteWord]]) -> Int? {
        guard let first = heads.first else { return nil }
        if startsWithOwnFeeling(first) { return 0 }
        if heads.count > 1, let opener = first.first, ["when", "whenever"].contains(opener.norm), startsWithOwnFeeling(heads[1]) { return 1 }
        return nil
    }

    private func startsWithOwnFeeling(_ head: [RewriteWord]) -> Bool {
        if head.count >= 3, head[0].norm == "i", ["feel", "felt", "am", "was", "get", "got"].contains(head[1].norm) {
            return head[1].norm.hasPrefix("f") || classes.match(.feeling, head, at: 2) != nil || classes.match(.feeling, head, at: 3) != nil
        }
        // "When the music is loud, I feel tense": the whole sentence is the shape.
        return head.first?.norm == "when" && head.contains { $0.norm == "feel" || $0.norm == "felt" }
    }

    /// "I feel like you…", "I feel that you never…".
    private func disguises(_ head: [RewriteWord]) -> Bool {
        guard let stripped = frames.strip(head), stripped.frame.kind == "disguised" else { return false }
        return aboutThem(stripped.words) || stripped.words.first.map { classes.contains(.other, $0) } ?? false
    }

    private func aboutThem(_ words: [RewriteWord]) -> Bool {
        guard let first = words.first else { return false }
        return ["you", "your", "he", "she", "they"].contains(first.norm)
    }

    /// The clause without symbols, fillers ("srsly", "tf") and openers, so its shape shows.
    private func dropOpeners(_ input: [RewriteWord]) -> [RewriteWord] {
        var words: [RewriteWord] = []
        words.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index].isSymbol || input[index].isMark { index += 1; continue }
            if let length = classes.match(.filler, input, at: index) { index += length; continue }
            words.append(input[index])
            index += 1
        }
        while let length = classes.match(.opener, words, at: 0), length < words.count { words.removeFirst(length) }
        if let first = words.first, classes.contains(.vocative, first), words.count > 1, ["you", "your"].contains(words[1].norm) {
            words.removeFirst()
        }
        return words
    }
}
