import Foundation
import Testing
@testable import RapportCore
@testable import RapportModel

/// The checks a rewrite must pass (the shared rubric of score.py): right `changed`; starts
/// from "I" (or "When …, I feel"); names a genuine feeling and no evaluation after "feel";
/// no absolute, label, disguised "I feel like you", or accusing question; not the sentence
/// itself with a frame round it; keeps a topic word (or the blank, "___", where the
/// sentence names no act); short enough to say aloud; explains itself in a note.
enum RewriteRubric {
    static func failedChecks(_ item: [String: Any]) throws -> [String] {
        let text = item["text"] as! String
        let shouldChange = item["should_change"] as! Bool
        let result = try Fixtures.rewriter.rewrite(text)
        var failed: [String] = []
        if result.changed != shouldChange { failed.append("changed") }
        guard shouldChange && result.changed else {
            if !result.changed && result.rewrite != text { failed.append("unchanged but different") }
            return failed
        }
        let low = result.rewrite.lowercased().replacingOccurrences(of: "’", with: "'")
        func matches(_ pattern: String) -> Bool { low.range(of: pattern, options: .regularExpression) != nil }
        if !(matches(#"^\s*(i\b|i'|when\b)"#) && matches(#"\bi('m| am|'ve been| have been)? (feel|felt|feeling|get|got)\b|\bi'm\b|\bi am\b"#)) {
            failed.append("form")
        }
        let kinds = Set(try Fixtures.analyzer.signals(in: result.rewrite).map(\.kind))
        if !kinds.contains(.feeling) { failed.append("feeling") }
        if kinds.contains(.fauxFeeling) { failed.append("no-faux") }
        if matches(#"\b(always|never|every (single )?time|constantly|all the time|not once|nothing ever)\b"#) { failed.append("no-absolute") }
        if kinds.contains(.label) || matches(#"\byou('re| are)\s+(so|such an?)\s+\w+"#) { failed.append("no-label") }
        if matches(#"\bi (feel|felt) (like|that|as if|as though) (you|u)\b|\bi feel (you|u)\b"#) { failed.append("not-disguised") }
        if matches(#"\bwhy (do|does|are|would|can't|cant|don't|dont|did|didn't|must|have) (you|u)\b|\bdo you (even|ever)\b"#) { failed.append("no-accusing-question") }
        var core = text.lowercased().replacingOccurrences(of: "’", with: "'")
        while let last = core.last, ".!? ".contains(last) { core.removeLast() }
        if low.contains(core) { failed.append("transformed") }
        let topics = item["topic_words"] as? [String] ?? []
        if !topics.isEmpty && !topics.contains(where: { low.contains($0.lowercased()) }) { failed.append("topic") }
        if result.rewrite.count > max(3 * text.count, text.count + 160) { failed.append("length") }
        if result.notes.isEmpty { failed.append("notes") }
        if result.rewrite.contains(where: { "[]{}".contains($0) }) { failed.append("bracket") }
        return failed
    }

    /// The share of a file's items that pass every check, and the misses by name.
    static func passRate(_ file: String) throws -> (rate: Double, misses: [String]) {
        let items = try Fixtures.jsonLines(file)
        var misses: [String] = []
        for item in items {
            let failed = try failedChecks(item)
            if !failed.isEmpty { misses.append("\(item["text"]!): \(failed)") }
        }
        return (Double(items.count - misses.count) / Double(max(items.count, 1)), misses)
    }
}

@Suite struct RewriterTests {
    private func rewrite(_ text: String) throws -> RewriteResult { try Fixtures.rewriter.rewrite(text) }

    /// Each file with the floor rapport holds on it. The blind batches were written by a
    /// helper who had not seen the rules; rapport was tuned on 1–3 after their first run.
    @Test(arguments: [("examples/rewrite.jsonl", 1.0), ("rewrite-cases.jsonl", 1.0), ("rewrite-cases-2.jsonl", 0.95),
                      ("rewrite-cases-3.jsonl", 0.95), ("rewrite-cases-4.jsonl", 0.95), ("rewrite-cases-5.jsonl", 0.95),
                      ("rewrite-cases-blind-1.jsonl", 0.95), ("rewrite-cases-blind-2.jsonl", 0.95), ("rewrite-cases-blind-3.jsonl", 0.95),
                      ("rewrite-reviewed.jsonl", 1.0), ("rewrite-cases-6.jsonl", 0.93)])
    func rewritesPassEveryCheck(file: String, floor: Double) throws {
        let (rate, misses) = try RewriteRubric.passRate(file)
        #expect(rate >= floor, "\(misses)")
    }

    /// The held-out batches (blind 4–8) were never used to tune the rules: they were run
    /// once before any change and once at the end, and their figure is reported here. The
    /// floors are a little under that end figure, so only a real fall fails. Batch 8 was
    /// taken from blind analysis batches 25–27 (first run 0.732).
    @Test(arguments: [("heldout/rewrite-4.jsonl", 0.90), ("heldout/rewrite-5.jsonl", 0.80), ("heldout/rewrite-6.jsonl", 0.76),
                      ("heldout/rewrite-7.jsonl", 0.90), ("heldout/rewrite-8.jsonl", 0.70)])
    func heldOutBatchesAreReported(file: String, floor: Double) throws {
        let (rate, misses) = try RewriteRubric.passRate(file)
        print("held out \(file): pass rate \(String(format: "%.3f", rate))")
        #expect(rate >= floor, "\(misses)")
    }

    /// Reviewed reference rewrites: the output keeps what the sentence was about (its key
    /// words) and asks for the same kind of thing (the request's gist), not only the shape.
    @Test func rewritesKeepTheReferencesContentAndRequest() throws {
        let items = try Fixtures.jsonLines("rewrite-reviewed.jsonl")
        #expect(items.count >= 40)
        for item in items {
            let text = item["text"] as! String
            let result = try rewrite(text)
            let low = result.rewrite.lowercased()
            for word in item["key_words"] as! [String] {
                #expect(low.contains(word.lowercased()), "\(text) → \(result.rewrite): lost \"\(word)\"")
            }
            let request = low.components(separatedBy: ". ").last ?? ""
            for word in item["request_gist"] as! [String] {
                #expect(request.contains(word.lowercased()), "\(text) → \(result.rewrite): the request is not about \"\(word)\"")
            }
            for word in item["never"] as? [String] ?? [] {
                #expect(!low.contains(word.lowercased()), "\(text) → \(result.rewrite): \"\(word)\" was never said")
            }
        }
    }

    /// The sentences the issue found inventing: no budget, no "know you're okay", no
    /// locked doors, no broken phrase, no bracketed text.
    @Test(arguments: [("you only ever call when you want money", ["budget", "okay"]),
                      ("why are you always texting her??", ["okay", "busy", "quick message"]),
                      ("Every single time we go out you get drunk and embarrass me", ["home", "bed", "door", "safe"]),
                      ("You promised you'd call the landlord and you didn't", ["okay", "safe"])])
    func theIssuesInventionsAreGone(text: String, invented: [String]) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        for word in invented {
            #expect(!result.rewrite.lowercased().contains(word), "\(result.rewrite) names \(word)")
        }
        #expect(!result.rewrite.contains("["))
    }

    /// Specifics the sentence never raised ("one evening a week", "each evening phone-free",
    /// "when something runs low") never reach the need or the request: the final check
    /// holds every word of both to the sentence, the words it raised, and the plain words
    /// and phrases of talking and time, and falls back on the general request.
    @Test(arguments: [("ur never home anymore", ["evening", "a week"]),
                      ("the dog gets more cuddles than I do", ["evening", "a week"]),
                      ("show me ur phone. now. i know ur hiding smth", ["phone-free", "evening"]),
                      ("you play games all evening", ["phone-free", "a week"]),
                      ("You always have to have the last word.", ["runs low"]),
                      ("Why do you have to play your music so loud at midnight?", ["at night"])])
    func specificsTheSentenceNeverRaisedAreNotInvented(text: String, invented: [String]) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        for words in invented { #expect(!result.rewrite.contains(words), "\(result.rewrite) names \(words)") }
    }

    /// "anything" in what happened reads right ("when you don't do anything"); in a request
    /// it does only after a negative or an "if": a bare one is said "something", or, at the
    /// end, asks for nothing and is not asked.
    @Test(arguments: [("just help me with anything for once", ["Could you help me with anything"]),
                      ("stop ignoring me and say anything", ["Could you say anything", "Could you say something"]),
                      ("you never do anything with me", ["Could you do anything"])])
    func aBareAnythingIsNeverAskedFor(text: String, absent: [String]) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        for words in absent { #expect(!result.rewrite.contains(words), "\(result.rewrite)") }
        let request = result.rewrite.components(separatedBy: ". ").last ?? ""
        #expect(request.range(of: #"\bany(thing|one|body|where)?\b"#, options: .regularExpression) == nil, "\(request)")
    }

    /// What a new user found at the terminal, by class: each must read as a sentence and keep
    /// what was said ("you need to stop yelling" is about yelling, not about needing).
    @Test(arguments: [("why cant u ever just be on time", ["when you're not on time"], ["don't be", "ever"]),
                      ("why can't you ever be nice to my sister", ["you're not nice to my sister"], ["don't be"]),
                      ("you need to stop yelling at the kids", ["when you yell at the kids"], ["need to stop", "needing"]),
                      ("You need to start pulling your weight around here.", ["you don't pull your weight"], ["needing", "pulling"]),
                      ("you should apologise to my mum", ["Could you apologise to my mum?"], ["shoulding"]),
                      ("you could have called", ["you didn't call"], ["could have"]),
                      ("she told everyone about my divorce", ["her telling everyone about my divorce"], ["she telling"]),
                      ("you need to text me every hour and share your location", [], ["Could you text me every hour"]),
                      ("you need to stop texting her and show me your phone", ["you text her"], ["show me your phone"]),
                      ("you guys never invite me anywhere", ["Could you include me next time?"], ["big things"]),
                      ("i hate how u talk to my mom", ["about how you talk to my mom"], ["hate"]),
                      ("It really upsets me when you cancel last minute", ["I feel upset when you cancel last minute"], ["upseted"]),
                      ("i cant stand the way you chew with your mouth open", ["about the way you chew"], ["looked after"]),
                      ("I hate it when you leave the lights on all night", ["when you leave the lights on"], ["sleep"]),
                      ("why do u always have to make everything about u", ["when you make things about you"], ["have to", "everything"]),
                      ("you have to stop leaving your stuff everywhere", ["you leave your stuff around"], ["everywhere"]),
                      // Praise said with irony is about what they do; "I'd" stays "I'd", never "I would told".
                      ("i love how you always leave your dishes for me, so thoughtful", ["when you leave your dishes for me"], ["love", "thoughtful"]),
                      ("I love that you announced our news before I'd even told my parents.", ["before I'd told my parents"], ["would told", "love"]),
                      ("You bailed on my moving day after I'd booked the van", ["after I'd booked the van"], ["would booked"]),
                      // "should of" is "should have"; a verdict on what they did is about what they did.
                      ("u should of told me u were going out", ["you didn't tell me you were going out"], ["of told"]),
                      ("its honestly so rude that u ignored my mum", ["when you ignored my mum"], ["rude"]),
                      // What an accusing "have to be" leaves is a label: never "when you be so rude".
                      ("why do you have to be so mean to my sister", ["when ___ with my sister"], ["you be", "mean"]),
                      ("your xbox gets more attention than the kids", ["your xbox getting more attention"], ["geting"]),
                      ("you're not going to answer?", ["about you not answering"], ["being not"]),
                      ("i feel like u only text me when ur bored", ["when you're bored"], ["your bored", "I felt"]),
                      ("every time i ask for help u sigh like i asked for a kidney", ["I feel hurt when I ask for help"], ["I felt"]),
                      // "made me" + a verb that reads as a noun; "like" that compares stays; "took forever".
                      ("you made me miss my train because you took forever in the bathroom", ["I ended up missing my train", "you took a long time"], ["up miss "]),
                      ("ur mum treats me like a child and u never say anything", ["treats me like a child"], ["me a child"]),
                      ("you act like i'm invisible when your friends are around", ["you acting like I'm invisible"], ["I being"]),
                      ("You make a mess and expect me to clean it.", ["about you making a mess and expecting me to clean it"], ["and expect "]),
                      ("when i was telling u about my mum u were on ur phone", ["when I was telling you about my mum and you were on your phone"], ["telling and"])])
    func rewritesReadWholeAndKeepTheMeaning(text: String, present: [String], absent: [String]) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        for words in present { #expect(result.rewrite.contains(words), "\(result.rewrite) lacks \(words)") }
        for words in absent { #expect(!result.rewrite.contains(words), "\(result.rewrite) has \(words)") }
    }

    @Test func aDeletedWordLeavesNoBrokenPhrase() throws {
        let result = try rewrite("You made me look stupid in front of my parents")
        #expect(!result.rewrite.contains("look in front"))
        #expect(result.rewrite.contains("___ in front of my parents"), "\(result.rewrite)")
        #expect(result.rewrite.hasPrefix("I felt embarrassed"))
    }

    /// Two acts joined by "and then", the second a label put on the speaker ("act like I'm
    /// the crazy one"): both acts are observed, the label is not; the request asks for the
    /// first act only, which is all a "don't" was about.
    @Test(arguments: [("u never text back and then act like im the crazy one",
                       ["when you don't text back and then act like I'm the one in the wrong", "Could you text back?"], ["crazy"]),
                      ("you forget my birthday and then act like i'm the dramatic one",
                       ["when you forget my birthday and then act like I'm the one in the wrong"], ["dramatic"]),
                      ("You never call and then act like I'm crazy for asking",
                       ["when you don't call and then act like I'm the one in the wrong for asking"], ["crazy", "Could you call and"]),
                      // No label in it: the comparison is what happened, and stays.
                      ("you act like i'm invisible when your friends are around", ["you acting like I'm invisible"], ["in the wrong"])])
    func twoActsAreObservedWithoutTheLabel(text: String, present: [String], absent: [String]) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        for words in present { #expect(result.rewrite.contains(words), "\(result.rewrite) lacks \(words)") }
        for words in absent { #expect(!result.rewrite.contains(words), "\(result.rewrite) has \(words)") }
        if !absent.contains("in the wrong") { #expect(result.notes.contains { $0.kind == "label" }) }
    }

    /// A first-person statement of withdrawal ("I don't care anymore", "I give up") says how
    /// the speaker is, not what the other person did: with nothing else, it is the feeling
    /// side of shutting down (being flooded); next to a complaint, it is the feeling, said
    /// plainly. Never "when I don't care".
    @Test(arguments: [("i dont even care anymore tbh", "I feel overwhelmed right now, because I need a break."),
                      ("i dont care anymore, do what u want", "I feel overwhelmed right now, because I need a break."),
                      ("idc anymore do what u want", "I feel overwhelmed right now, because I need a break."),
                      ("you never listen so i dont care anymore", "I feel discouraged when you don't listen, because"),
                      ("u never text back and i dont care anymore", "I feel discouraged when you don't text back, because"),
                      ("you never help so honestly i just give up", "I feel discouraged when you don't help, because")])
    func withdrawalIsTheFeelingSideNeverWhatHappened(text: String, start: String) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.hasPrefix(start), "\(result.rewrite)")
        #expect(!result.rewrite.contains("when I don't") && !result.rewrite.contains("when I give"), "\(result.rewrite)")
        #expect(!result.rewrite.contains("care"), "\(result.rewrite)")
        #expect(!result.notes.contains { $0.kind == "absolute" && $0.message.contains("anymore") }, "its \"anymore\" is about the speaker")
    }

    /// Their own feeling and an ask, nothing blamed, is already an I-statement: it stays, and
    /// is never turned into "I feel worried when I've been worried…" (a fresh batch's find).
    @Test(arguments: ["I've been worried about money since my hours got cut. Could we go through the budget together on Sunday?",
                      "I'm anxious about the move. Can we talk it through tonight?"])
    func anOwnFeelingWithAnAskStays(text: String) throws {
        let result = try rewrite(text)
        #expect(!result.changed, "\(result.rewrite)")
    }

    /// Said alone, how the speaker is stays as it is, with a note naming the feeling; a
    /// dismissal ("I don't care what you do") or a line that may be danger gets no such note.
    @Test(arguments: [("honestly i just dont care anymore", true), ("im so over it", true), ("sick of it", true),
                      ("i don't care what you do anymore", false), ("I don't care if I live or die.", false),
                      ("Get over it.", false), ("I'm so tired of living.", false)])
    func howTheSpeakerIsAloneStays(text: String, noted: Bool) throws {
        let result = try rewrite(text)
        #expect(!result.changed, "\(result.rewrite)")
        #expect(result.notes.contains { $0.kind == "own-feeling" } == noted, "\(result.notes)")
    }

    /// "Sick of it", "fed up", "over it" used as a feeling: the plain feeling it is, never
    /// the words copied ("I feel sick when…", "I feel fed up when…"); and "sick of you being
    /// late" is a complaint about what they do, said as what happened.
    @Test(arguments: [("You leave your dishes everywhere and I'm sick of it.", "I feel worn out when you leave your dishes around"),
                      ("honestly im over it, you never help", "I feel worn out when you don't help"),
                      ("you change the subject and honestly I'm sick of it.", "I feel worn out when you change the subject,"),
                      ("ok so basically my flatmate never cleans the bathroom and im fed up asking", "I feel frustrated when my flatmate doesn't clean the bathroom"),
                      ("i'm sick of you being late", "I feel worn out when you're late"),
                      ("i'm fed up with you leaving dishes everywhere", "I feel frustrated when you leave dishes around"),
                      ("im so sick and tired of u never helping", "I feel worn out when you don't help")])
    func aFeelingSaidWithoutAFeelingWordIsSaidPlainly(text: String, start: String) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.hasPrefix(start), "\(result.rewrite)")
        for copied in ["sick", "fed up", "over it", "tired of"] { #expect(!result.rewrite.contains(copied), "\(result.rewrite)") }
        #expect(result.notes.contains { $0.kind == "said-feeling" }, "\(result.notes)")
    }

    /// A verdict on what happened ("your fault", "not normal", "so disrespectful", "was
    /// ridiculous") is judgement: it goes, and what it was on is the observation; a clause
    /// that still judges is left out of it.
    @Test(arguments: [("it's your fault we missed the train", "when we missed the train", ["fault"]),
                      ("it was so disrespectful when you checked your phone at dinner", "when you checked your phone at dinner", ["disrespectful"]),
                      ("it's not normal to check my phone every night", "when you check my phone", ["normal"]),
                      ("checking my phone every night is not normal", "about you checking my phone", ["normal"]),
                      ("you read my messages, that's not normal", "when you read my messages,", ["normal"]),
                      ("the way you spoke to my mum was ridiculous", "about the way you spoke to my mum,", ["ridiculous"]),
                      ("It's your own fault for leaving it there.", "about you leaving it there", ["fault"]),
                      ("Your dad was completely out of order at dinner, and you just sat there and said nothing.",
                       "when you sat there and said nothing", ["out of order"])])
    func verdictsAreTakenOutOfWhatHappened(text: String, observation: String, absent: [String]) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.contains(observation), "\(result.rewrite)")
        for word in absent { #expect(!result.rewrite.lowercased().contains(word), "\(result.rewrite)") }
    }

    /// The final check finds a verdict kept in what happened, and a clearly negative word of
    /// the valence lexicon after "so"; a feeling or a state after "so" is no verdict.
    @Test func theFinalCheckFindsAVerdictInWhatHappened() throws {
        let rewriter = try Fixtures.rewriter
        func judged(_ text: String) -> Bool {
            rewriter.check.problems(inObservation: rewriter.words(of: text)).contains { if case .judgement = $0 { return true } else { return false } }
        }
        #expect(judged("it being your fault we missed the train"))
        #expect(judged("you checked your phone and that was so disrespectful"))
        #expect(judged("the food was disgusting"))
        #expect(judged("you've been acting so dishonest"))
        #expect(!judged("I was so tired"))
        #expect(!judged("you were so late"))
        #expect(!judged("the dog was sick on the rug"))
    }

    /// Never decline a blaming sentence, whatever its shape.
    @Test(arguments: ["ur phone is more important to u than me", "Stop acting like my mother.",
                      "well maybe if you weren't glued to it we wouldn't be having this conversation",
                      "u never text back 🙄", "Oh great, you forgot the tickets.", "ur so selfish",
                      "Your mates obviously matter more than I do.", "If you were a real friend, you'd have told me.",
                      "who leaves a wet towel on the bed", "stop checking my location", "You came home drunk at three in the morning.",
                      "Thanks so much for telling your mum about our money problems.", "You never say thank you."])
    func blamingSentencesAreNeverDeclined(text: String) throws {
        let result = try rewrite(text)
        #expect(result.changed, "declined: \(text)")
        #expect(result.rewrite.hasPrefix("I "), "\(result.rewrite)")
        #expect(!result.notes.isEmpty)
    }

    @Test(arguments: ["I feel hurt when plans are cancelled last minute, because I was looking forward to them.", "Could we talk about the holiday plans tonight?",
                      "Thank you for fixing the shelf.", "You always make me feel welcome.", "I love the way you cook.", "", "   ",
                      "You never fail to make me laugh.", "Your mum called earlier. She wants to know if we're coming for lunch on Sunday.",
                      "r u free sat for brunch??", "It's fine that you're running late. Take your time and drive carefully.",
                      "I feel like going for a walk after dinner, want to come?",
                      // Already an I-statement, observation first.
                      "When you shout, I feel scared.", "when u go quiet on me i feel a bit lost",
                      // Praise the kind-word list does not hold: the valence lexicon's positive words.
                      "you're such a good dad", "You're the most supportive person I know.", "ur such a legend for picking me up",
                      "you're so patient with the kids",
                      // Disliking something that is nobody's fault.
                      "I hate it when you have to leave", "i hate mondays lol", "I hate that you had such an awful day.",
                      // Sharing out, not a contrast; a time-out that says it will come back.
                      "My sister gets the keys on Friday and I get them back on Monday.",
                      "Let's take twenty minutes and come back to this.", "whatever you want for dinner is fine by me",
                      // Leave given plainly: no irony, and no demand in it.
                      "Sure, go ahead and take the car tonight, I don't need it.", "Definitely buy the blue one, it suits you.",
                      "Go ahead and start dinner without me, I'll be back by eight.", "yeah, call me later",
                      // Praise with no irony in the sentence.
                      "I love how you always know what to say.", "I love that you remembered my birthday even though you were busy",
                      // Not only shutting down: a non-apology, agreement, danger, a goodbye.
                      "I'm sorry that you think I don't care.", "ugh fine, message me whenever", "bye",
                      "i cant do this anymore i want to end it"])
    func kindNeutralAndGoodSentencesComeBackUnchanged(text: String) throws {
        let result = try rewrite(text)
        #expect(!result.changed, "\(result.rewrite)")
        #expect(result.rewrite == text)
    }

    /// Kind words, then "but" and a complaint: the kind words stay whole, never "when I love
    /// you". Said from "I" they come first, joined with "and"; otherwise they follow the
    /// I-statement, so every rewrite starts from "I". Sarcasm or a boundary is not this.
    @Test(arguments: [("I love you but you never listen", "I love you, and I feel", nil),
                      ("Thanks for dinner but you never help clear up", "I feel", "Thanks for dinner."),
                      ("i love u but ur kind of a slob lol", "I love you, and I feel", nil)])
    func kindWordsBeforeButStayKind(text: String, opening: String, ending: String?) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.hasPrefix(opening), "\(result.rewrite)")
        if let ending { #expect(result.rewrite.hasSuffix(ending), "\(result.rewrite)") }
        #expect(!result.rewrite.contains("when I love you"), "\(result.rewrite)")
    }

    @Test func kindWordsAroundSarcasmOrABoundaryAreNotKept() throws {
        for text in ["Oh great, you remembered to buy beer but not the nappies.",
                     "Mum, I love you, but I'm not going to discuss my weight at family dinners any more."] {
            #expect(!(try rewrite(text)).rewrite.contains(", and I feel"), "\(text)")
        }
    }

    /// What someone else gets, set against what the speaker gets: a comparison, said as what
    /// seems to come first; the speaker's sarcastic half ("the leftovers") is not repeated.
    @Test(arguments: [("your friends get your best mood and I get the leftovers", "when your friends seem to come first", "leftovers"),
                      ("work gets the best of you and we get whatever's left", "when work seems to come first", "whatever"),
                      ("everyone else gets the nice version of you", "when everyone else seems to come first", "nice version"),
                      ("the dog gets more cuddles than I do", "when the dog seems to come first", "share the load"),
                      ("ur mates get a whole weekend and i cant even get an hour", "when your mates seem to come first", "___")])
    func whatOthersGetIsAComparison(text: String, present: String, absent: String) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.contains(present), "\(result.rewrite)")
        #expect(!result.rewrite.contains(absent), "\(result.rewrite)")
        #expect(result.notes.contains { $0.kind == "comparison" })
    }

    /// Leave given with irony: the order is what they do, said "about you …ing", never asked
    /// back as a request, and the speaker's sarcastic half ("I love tidying up after you") is
    /// not the effect on them.
    @Test(arguments: [("Oh yes, definitely buy a motorbike", "about you buying a motorbike", "Could you buy"),
                      ("sure, go ahead, spend the whole weekend at the pub", "about you spending the whole weekend at the pub", "money"),
                      ("great, just cancel on me again, see if I care", "about you cancelling on me", "Could you cancel"),
                      ("yeah go on, leave your socks everywhere, I love tidying up after you", "about you leaving your socks around", "love"),
                      ("oh totally, tell your mum everything about us", "about you telling your mum things about us", "everything"),
                      ("Please, keep talking over me, it's fine.", "about you talking over me", "fine")])
    func ironicLeaveIsWhatTheyDo(text: String, present: String, absent: String) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.contains(present), "\(result.rewrite)")
        #expect(!result.rewrite.contains(absent), "\(result.rewrite)")
        #expect(result.notes.contains { $0.kind == "sarcasm" })
    }

    /// Shutting the talk down: said as being flooded, with a time to come back, and no topic
    /// the sentence did not raise.
    @Test(arguments: ["fine. I'm done talking.", "whatever, do what u want", "k whatever. not doing this rn", "I'm not discussing this any more.",
                      "k fine whatever"])
    func stonewallingIsSaidAsBeingFlooded(text: String) throws {
        let result = try Fixtures.rewriter.rewrite(text, variants: true)
        #expect(result.changed)
        #expect(result.rewrite == "I feel overwhelmed right now, because I need a break. Could we take twenty minutes and come back to this?")
        #expect(result.notes.map(\.kind) == ["stonewalling", "feeling"])
        #expect(result.alternatives.count == 3 && Set(result.alternatives).count == 3)
        #expect(try RewriteRubric.failedChecks(["text": text, "should_change": true, "topic_words": []]).isEmpty)
    }

    /// A bare label: the I-statement with a marked blank, a note saying so, and what a
    /// session needs to ask for what happened.
    @Test(arguments: [("You're so selfish.", "What did they do, that time, that felt selfish?"),
                      ("ur such a liar", "What did they do, that time, that made you say \"liar\"?"),
                      ("You're a terrible listener.", "What did they do, that time, that made you say \"terrible listener\"?")])
    func bareLabelsLeaveAMarkedBlank(text: String, question: String) throws {
        let result = try rewrite(text)
        #expect(result.rewrite.contains("when ___,"), "\(result.rewrite)")
        #expect(!result.rewrite.contains("["))
        #expect(result.observationMissing)
        #expect(result.observationQuestion == question)
        // Said in a session, there is no blank; the note asks instead.
        #expect(!result.spoken.contains("___") && result.spoken.hasPrefix("I feel "), "\(result.spoken)")
        #expect(result.spokenNote?.contains(question) == true, "\(result.spokenNote ?? "")")
        #expect(result.notes.first?.kind == "label")
        #expect(result.notes.first?.message.contains("___") == true)
        let analyzer = try Fixtures.analyzer
        #expect(!analyzer.signals(in: result.rewrite).contains { $0.kind == .label })
    }

    /// The answer to the coach's question goes where the blank was; an answer that names
    /// nothing that happened leaves the blank; an answer that is a complaint is rewritten.
    @Test(arguments: [("ur so selfish", "left me at the party", "I feel hurt when you left me at the party, because"),
                      ("You're so selfish.", "When you ate the last of the cake.", "I feel hurt when you ate the last of the cake, because"),
                      ("ur so lazy", "idk", "I feel overwhelmed when ___, because"),
                      ("You're so selfish.", "you never ask how my day was", "I feel sad when you don't ask how my day was")])
    func theAnswerGoesWhereTheBlankWas(text: String, answer: String, start: String) throws {
        let result = try Fixtures.rewriter.rewrite(text, answer: answer)
        #expect(result.changed)
        #expect(result.rewrite.hasPrefix(start), "\(result.rewrite)")
        #expect(!result.rewrite.contains("["))
    }

    @Test func aLabelNextToABehaviourUsesTheBehaviour() throws {
        let result = try rewrite("You're so lazy, you haven't taken the bins out all week.")
        #expect(result.rewrite.contains("you haven't taken the bins out all week"), "\(result.rewrite)")
        #expect(!result.observationMissing)
        #expect(result.notes.contains { $0.kind == "label" })
    }

    @Test(arguments: ["You never listen to me.", "You always leave the lights on.", "you never txt me back", "Why do you never put your shoes away?"])
    func absolutesAreRemovedWithANote(text: String) throws {
        let result = try rewrite(text)
        #expect(result.changed)
        #expect(result.rewrite.range(of: #"\b(always|never)\b"#, options: [.regularExpression, .caseInsensitive]) == nil)
        #expect(result.notes.contains { $0.kind == "absolute" })
    }

    @Test(arguments: [("I feel ignored when you're on your phone.", "hurt and lonely"), ("I feel disrespected when you check your phone at dinner.", "hurt and angry")])
    func fauxFeelingsAreReplacedLightly(text: String, feeling: String) throws {
        let result = try rewrite(text)
        #expect(result.rewrite.contains(feeling))
        #expect(result.notes.contains { $0.kind == "faux-feeling" })
        #expect(result.rewrite.hasPrefix("I feel"))
    }

    @Test(arguments: ["I feel like you don't respect my job.", "I feel that you never support my decisions.", "I feel you don't care."])
    func disguisedFeelingsAreRewrittenFully(text: String) throws {
        let result = try rewrite(text)
        #expect(result.notes.contains { $0.kind == "disguised" })
        #expect(result.rewrite.range(of: #"\bI feel (like|that)? ?you\b"#, options: .regularExpression) == nil)
    }

    @Test(arguments: [("Thanks a lot for eating all the cereal, genius.", "sarcasm"), ("Oh brilliant, you forgot the tickets.", "sarcasm"),
                      ("Do you even listen when I talk?", "accusing-question"), ("Why are you always late?", "accusing-question")])
    func sarcasmAndAccusingQuestionsAreSaidStraight(text: String, kind: String) throws {
        let result = try rewrite(text)
        #expect(result.notes.contains { $0.kind == kind })
        #expect(!result.rewrite.lowercased().contains("genius"))
        #expect(!result.rewrite.contains("?") || result.rewrite.hasSuffix("?"))
    }

    /// The feeling the user named leads; one the rewriter chose says why in a note.
    @Test func aNamedFeelingIsKeptAndAChosenOneIsExplained() throws {
        let named = try rewrite("You never call and I feel lonely.")
        #expect(named.rewrite.hasPrefix("I feel lonely when you don't call"), "\(named.rewrite)")
        #expect(named.rewrite.components(separatedBy: "lonely").count == 2)
        #expect(!named.notes.contains { $0.kind == "feeling" })
        let chosen = try rewrite("You left your dirty dishes in the sink again.")
        #expect(chosen.notes.last?.kind == "feeling")
        #expect(chosen.notes.last?.message.contains("frustrated") == true)
    }

    /// The engine's shortcut (signals it already has) gives exactly what a fresh rewrite gives.
    @Test func rewritingAnAnalysedLineMatchesAFreshRewrite() throws {
        let texts = try ["analysis-cases.jsonl", "analysis-cases-4.jsonl", "examples/rewrite.jsonl", "rewrite-cases-blind-2.jsonl"]
            .flatMap { try Fixtures.jsonLines($0).compactMap { ($0["text"] ?? $0["input"]) as? String } }
        #expect(texts.count > 300)
        for text in texts {
            let shortcut = try Fixtures.rewriter.rewrite(text, analysed: try Fixtures.analyzer.signals(in: text))
            let fresh = try Fixtures.rewriter.rewrite(text)
            #expect(shortcut == fresh, "\(text)")
        }
    }

    /// `--all`: three genuinely different versions, each faithful, the first the rewrite.
    @Test(arguments: ["You never listen to me.", "You left the front door unlocked all night.", "ur so selfish", "i hate how u talk to my mom"])
    func variantsAreDifferentAndFaithful(text: String) throws {
        let result = try Fixtures.rewriter.rewrite(text, variants: true)
        #expect(try rewrite(text).alternatives == [result.rewrite], "without variants, only the rewrite")
        try #require(result.alternatives.count == 3, "three versions: \(result.alternatives)")
        #expect(result.alternatives[0] == result.rewrite)
        #expect(result.alternatives[1].hasPrefix("When "), "\(result.alternatives[1])")
        #expect(result.alternatives[2].hasPrefix("Would you be willing to"))
        #expect(Set(result.alternatives).count == 3)
        // Each says the same need and asks the same thing, which the guard let through.
        guard let need = result.rewrite.range(of: "because I need ")?.upperBound,
              let end = result.rewrite[need...].firstIndex(of: ".") else {
            Issue.record("no need in \(result.rewrite)")
            return
        }
        let saidNeed = String(result.rewrite[need..<end])
        for variant in result.alternatives {
            #expect(variant.contains(saidNeed), "\(variant)")
            #expect(!variant.contains("["))
        }
    }

    @Test func crisisTextIsNotReworded() throws {
        let result = try rewrite("You never listen and I want to kill myself")
        #expect(!result.changed)
        #expect(result.notes.first?.kind == "crisis")
    }

    /// Over every sentence in the fixtures: what a need or request says was raised by the
    /// sentence (the faithfulness guard holds for what is given, not only for candidates).
    @Test func needsAndRequestsNameOnlyWhatTheSentenceRaised() throws {
        let files = ["examples/rewrite.jsonl", "rewrite-cases.jsonl", "rewrite-cases-2.jsonl", "rewrite-cases-3.jsonl",
                     "rewrite-cases-4.jsonl", "rewrite-cases-5.jsonl", "rewrite-cases-blind-1.jsonl", "rewrite-cases-blind-2.jsonl",
                     "rewrite-cases-blind-3.jsonl", "rewrite-cases-6.jsonl"]
        let rewriter = try Fixtures.rewriter
        for text in try files.flatMap({ try Fixtures.jsonLines($0).compactMap { $0["text"] as? String } }) {
            let result = rewriter.rewrite(text)
            guard result.changed, let because = result.rewrite.range(of: ", because I need ") else { continue }
            let tail = String(result.rewrite[because.upperBound...])
            let words = try Fixtures.analyzer.normalisedWords(of: tail).filter { $0.first?.isLetter == true }
            let raised = rewriter.faithfulness.raised(by: rewriter.words(of: text))
            #expect(rewriter.faithfulness.unraised(words, in: raised).isEmpty, "\(text) → \(tail)")
        }
    }
}

/// Each stage of the pipeline alone, on the words a sentence is read as.
@Suite struct RewriteStageTests {
    private let rewriter: Rewriter
    private let analyzer: Analyzer

    init() throws {
        rewriter = try Fixtures.rewriter
        analyzer = try Fixtures.analyzer
    }

    private func words(_ text: String) -> [RewriteWord] { rewriter.words(of: text) }
    private func clauses(_ text: String) -> [Clause] { rewriter.splitter.split(words(text)) }
    private func rendered(_ words: [RewriteWord]) -> String { RewriteText.render(words, DisplayTable(rewriter.knowledge.display, classes: rewriter.classes)) }

    private func verdict(_ text: String) -> ComplaintFinder.Verdict {
        rewriter.finder.verdict(words: words(text), clauses: clauses(text), signals: analyzer.signals(in: text))
    }

    @Test(arguments: [("ur phone gets more attention than i do lol", ComplaintFinder.Verdict.rewrite),
                      ("Stop acting like my dad.", .rewrite), ("srsly who leaves a wet towel on the bed", .rewrite),
                      ("If you'd bothered to check the map, we wouldn't be lost.", .rewrite),
                      ("thx for telling everyone my secret 👏👏", .rewrite), ("You came home drunk at three in the morning.", .rewrite),
                      ("thx for picking me up last nite ❤️", .leave), ("Could you grab some milk on your way home?", .leave),
                      ("Your mum called earlier. She wants to know if we're coming for lunch.", .leave),
                      ("I feel ignored when you never call.", .lightTouch), ("I feel frustrated when the bins are left full.", .leave),
                      ("When you never call, I feel lonely.", .lightTouch), ("When you ignore me, I feel like you don't care.", .rewrite),
                      ("If you were a real friend, you'd have told me.", .rewrite),
                      ("I want to die, you never listen", .crisis)])
    func theFinderTellsAComplaintFromEverythingElse(text: String, expected: ComplaintFinder.Verdict) throws {
        #expect(verdict(text) == expected, "\(text)")
    }

    @Test func theSplitterCutsAtNewSubjectsAndRunOns() throws {
        let split = clauses("ur dog barked all nite again i got like 3 hrs sleep").map { rendered($0.words) }
        #expect(split == ["your dog barked all night again", "I got like 3 hours sleep"], "\(split)")
        let joined = clauses("Your mother criticises everything I cook and you just sit there.").map { rendered($0.words) }
        #expect(joined.count == 2, "\(joined)")
        #expect(clauses("Why are you always late?").allSatisfy { $0.isQuestion })
        #expect(clauses("u said ud be here at 7, its 8:30").map { rendered($0.words) }.last?.hasSuffix("8:30") == true, "8:30 stays one")
    }

    @Test(arguments: [("you never called", "you didn't call"), ("you're never home", "you're not home"),
                      ("you shrink my jumpers every time you do the laundry", "you shrink my jumpers when you do the laundry"),
                      ("you keep interrupting me", "you interrupt me"), ("you didn't look up once during dinner", "you didn't look up during dinner"),
                      ("you turn everything into a joke", "you turn things into a joke"), ("you leave your socks everywhere", "you leave your socks around")])
    func absolutesBecomePlainWords(text: String, expected: String) throws {
        let (plain, removed) = rewriter.stripper.absolutes.remove(words(text))
        #expect(rendered(plain) == expected)
        #expect(!removed.isEmpty)
    }

    @Test(arguments: [("If you weren't so glued to that console, maybe you'd notice the garden.",
                       ["you are so glued to that console", "you do not notice the garden"]),
                      ("If you'd listened to me about the mortgage, we wouldn't be in this mess.",
                       ["you did not listen to me about the mortgage", "we are in this mess"]),
                      ("If you were a real friend, you'd have told me.", ["you are not a real friend", "you did not tell me"])])
    func conditionalJabsSayWhatHappened(text: String, expected: [String]) throws {
        let split = clauses(text)
        let flipped = rewriter.stripper.counterfactual.flip(condition: split[0], consequence: split[1]).map { $0.words.norms.joined(separator: " ") }
        #expect(flipped == expected)
    }

    @Test(arguments: [(["could", "we", "sit", "down", "and", "set", "a", "budget", "together"], "you only ever call when you want money", false),
                      (["could", "we", "sit", "down", "and", "set", "a", "budget", "together"], "you keep going over our budget", true),
                      (["spending"], "you spent two hundred quid", true), // another form of a word said
                      (["reply"], "you never text me back", true),        // linked to what was said
                      (["to", "know", "you", "are", "okay"], "why are you always texting her", false),
                      (["our", "home", "to", "feel", "safe"], "every time we go out you get drunk and embarrass me", false),
                      // "the big things" is news: not for a sentence about invitations.
                      (["could", "you", "tell", "me", "about", "the", "big", "things", "first"], "you guys never invite me anywhere", false),
                      (["could", "you", "tell", "me", "about", "the", "big", "things", "first"], "I found out from your sister", true),
                      // A plain phrase of time passes whole; its words alone make a routine.
                      (["could", "we", "talk", "about", "it", "this", "week"], "you never call", true),
                      (["could", "we", "keep", "one", "evening", "a", "week", "just", "for", "us"], "ur never home anymore", false),
                      (["could", "we", "set", "aside", "some", "phone", "free", "time", "together", "this", "week"], "you're always on your phone", true),
                      (["could", "we", "keep", "some", "time", "each", "evening", "phone", "free"], "you're always on your phone", false)])
    func theGuardLetsThroughOnlyWhatTheSentenceRaised(need: [String], sentence: String, allowed: Bool) throws {
        let guardian = rewriter.faithfulness
        let allows = guardian.allows(need, in: guardian.raised(by: words(sentence)))
        #expect(allows == allowed, "\(need) for \(sentence)")
    }

    @Test func theFinalCheckHoldsTheNeedAndRequestToTheSentence() throws {
        let raised = rewriter.faithfulness.raised(by: words("why are you always texting her??"))
        #expect(!rewriter.check.invented(["could", "we", "keep", "some", "time", "each", "evening", "phone", "free"], in: raised).isEmpty)
        #expect(rewriter.check.invented(["could", "we", "talk", "about", "it", "tonight"], in: raised).isEmpty)
        #expect(rewriter.check.invented(["could", "we", "take", "twenty", "minutes", "and", "come", "back", "to", "this"], in: raised).isEmpty)
    }

    @Test func theFinalCheckFindsABareAnyInARequest() throws {
        #expect(rewriter.check.bareAny(inRequest: ["could", "you", "help", "me", "with", "anything"]))
        #expect(!rewriter.check.bareAny(inRequest: ["could", "you", "tell", "me", "if", "you", "need", "anything"]))
        #expect(!rewriter.check.bareAny(inRequest: ["could", "we", "talk", "about", "it", "tonight"]))
    }

    @Test func theFinalCheckCatchesABrokenPhrase() throws {
        #expect(!rewriter.check.problems(inObservation: words("you made me look in front of my parents")).isEmpty)
        #expect(!rewriter.check.problems(inObservation: words("it")).isEmpty)
        #expect(!rewriter.check.problems(inObservation: words("you left the bins by the")).isEmpty)
        #expect(rewriter.check.problems(inObservation: words("you promised you'd call and you didn't")).isEmpty)
        #expect(rewriter.check.problems(inObservation: words("you let the dog on the sofa after we agreed not to")).isEmpty)
        #expect(!rewriter.check.problems(inText: "I feel hurt when [say what happened]").isEmpty)
        #expect(!rewriter.check.problems(inText: "you're so lazy").isEmpty)
    }

    @Test func theObservationIsABlankWithItsContextWhenNothingHappened() throws {
        var notes = RewriteNotes(templates: rewriter.noteTemplates)
        let stripped = rewriter.stripper.strip(clauses("You embarrassed me in front of my friends."), notes: &notes)
        let observation = rewriter.observations.build(stripped)
        #expect(observation.text == nil)
        #expect(observation.whenPart == "___ in front of my friends")
        #expect(observation.isPast)
    }

    @Test func theFeelingNamedLeadsAndAChosenOneSaysWhy() throws {
        var notes = RewriteNotes(templates: rewriter.noteTemplates)
        let named = rewriter.stripper.strip(clauses("You never call and I feel lonely."), notes: &notes)
        let general = rewriter.knowledge.kinds.last!
        #expect(rewriter.feelings.choose(words: [], clauses: named, kind: general, label: nil, notes: &notes).words == "lonely")
        var chosenNotes = RewriteNotes(templates: rewriter.noteTemplates)
        let chosen = rewriter.feelings.choose(words: [], clauses: [], kind: general, label: nil, notes: &chosenNotes)
        #expect(!chosen.named)
        #expect(chosenNotes.notes.first?.kind == "feeling")
    }
}
