/// The concepts the analysis machinery itself relies on (clause breaks, negation, reported
/// speech). Their words live in `Vocabulary/concepts/grammar.txt`; only their names are fixed.
struct GrammarConcepts: Sendable {
    /// Words that negate what follows in their clause: not, never, no.
    var negator: Int
    /// Words that end one clause and start the next for negation: and, but, because.
    var clauseBreak: Int
    /// Words after which a new clause starts, but negation carries over: that, like, if.
    var clauseOpener: Int
    /// Fillers a clause can start with: oh, well, honestly.
    var discourse: Int
    /// Question words; one after a negation ends its reach ("I don't know why you…").
    var whWord: Int
    /// Words that make a clause hypothetical: if, unless, whether.
    var hypothetical: Int
    /// Verbs that introduce reported speech: said, told, claims.
    var reportingVerb: Int
    /// I, me, my: a report by the speaker is still the speaker's own words.
    var firstPerson: Int
    /// Words that open a question even without a question mark: why, do, can.
    var questionStart: Int
    /// Words between a speaker and their reporting verb: have, not, keeps.
    var speakerSkip: Int
    /// Words that open a clause leading into the main one: when, if, every time.
    var subordinator: Int
    /// Subject pronouns that, met later in a subordinate clause, start the main clause:
    /// "When it isn't paid back | I feel uneasy".
    var mainSubject: Int
    /// Subject words, for who a clause is about (`by` guards): the speaker ("i"), the
    /// listener ("you"), someone else ("he", "everyone"), a thing ("it", "this").
    var selfSubject: Int
    var youSubject: Int
    var personSubject: Int
    var thingSubject: Int
    /// Nouns for people ("mum", "boyfriend"): "my mum" is a person, "my job" a thing.
    var personNoun: Int
    /// Words before a noun ("the", "this", "my"): an unknown word after one is a thing.
    var determiner: Int
    /// Words that put the person after them in the object: "at", "to", "with".
    var preposition: Int
    /// "say", "told": a "no" after one is an answer, not a negation ("if I say no").
    var answerVerb: Int
    /// "I'm not joking", "I mean it": a joke marker beside one does not soften a crisis.
    var seriousMarker: Int
    /// "when", "that", "until": what follows hangs off another clause (the `main` guard).
    var subordinateOpener: Int
    /// "used to", "years ago", "two years clean": a crisis said of the past is asked about.
    var pastMarker: Int
    /// Words that mark a line as joking or exaggerating ("lol", "haha", "💀"): a crisis in
    /// their sentence is asked about instead of stopping at once.
    var figureMarker: Int
    /// "and", "then": a verb after one keeps the subject before it ("I'll leave early and
    /// text you"), so it is no order (the `imperative` guard).
    var sameSubjectJoiner: Int
    /// "for": a person after it and before "to" does the verb ("is it normal for my
    /// boyfriend to pin me down"), though it is a preposition.
    var infinitiveSubject: Int
    /// "want to", "feel like": right before harm to someone else, a wish said in anger
    /// ("I get so angry I want to smash his face in") is asked about, not stopped at once.
    var wishLead: Int
    /// "vein", "massage", "physio": a hurt said of care or treatment ("the nurse stabbed me
    /// three times looking for a vein") is asked about, not stopped at once.
    var careMarker: Int
    /// "but", "though": the turn inside a sentence. Praise before one does not soften the
    /// complaint after it ("you're great but you always interrupt me"): `part-lacks`.
    var contrast: Int
    /// "make", "let": the one they act on does the next verb ("it makes me want to die":
    /// the wanting is the speaker's), for `subject(before:)`.
    var causative: Int

    static let names = [
        "negator", "clause-break", "clause-opener", "discourse", "wh-word",
        "hypothetical", "reporting-verb", "first-person", "question-start", "speaker-skip",
        "subordinator", "main-subject", "self-subject", "you-subject", "person-subject",
        "thing-subject", "person-noun", "determiner", "figure-marker", "preposition", "answer-verb", "serious-marker", "subordinate-opener", "past-marker",
        "same-subject-joiner", "infinitive-subject", "wish-lead", "care-marker",
        "contrast", "causative",
    ]

    init?(_ concepts: ConceptTable) {
        let found = GrammarConcepts.names.compactMap { concepts.index(of: $0) }
        guard found.count == GrammarConcepts.names.count else { return nil }
        (negator, clauseBreak, clauseOpener, discourse, whWord) = (found[0], found[1], found[2], found[3], found[4])
        (hypothetical, reportingVerb, firstPerson, questionStart) = (found[5], found[6], found[7], found[8])
        (speakerSkip, subordinator, mainSubject) = (found[9], found[10], found[11])
        (selfSubject, youSubject, personSubject, thingSubject) = (found[12], found[13], found[14], found[15])
        (personNoun, determiner, figureMarker, preposition) = (found[16], found[17], found[18], found[19])
        (answerVerb, seriousMarker, subordinateOpener, pastMarker) = (found[20], found[21], found[22], found[23])
        (sameSubjectJoiner, infinitiveSubject, wishLead, careMarker) = (found[24], found[25], found[26], found[27])
        (contrast, causative) = (found[28], found[29])
    }
}
