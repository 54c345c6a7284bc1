/// One clause of a sentence as the stages pass it along: its words, what it does in the
/// complaint, and what was taken out of it.
struct Clause: Sendable, Equatable {
    /// What a clause contributes to an I-statement.
    enum Role: Sendable, Equatable {
        /// Someone did or does something ("you left the door unlocked"): what an
        /// observation is made of.
        case action
        /// About the speaker ("I can't sleep", "I cooked every night"): the effect on them.
        case speakerFact
        /// The speaker names a feeling ("I feel lonely").
        case feeling
        /// A trait pinned on someone ("you're so lazy"); `context` keeps what it was
        /// about ("about what I wear").
        case label(String)
        /// A guess at their mind ("you don't care about me"); `context` keeps its object.
        case mindReading
        /// "You made me look stupid", "you embarrassed me": the speaker's feeling said as
        /// something they did; `context` keeps where ("in front of my parents").
        case madeMe(feeling: String)
        /// "Your phone matters more than me": `context` keeps what seems to come first.
        case comparison
        /// An order ("tell her to stop", "take the app off"); controlling ones are not
        /// turned into requests.
        case command(controlling: Bool)
        /// When it happens ("every time we go out").
        case timeContext
        /// Sarcasm, a rhetorical question, a verdict, a fragment: nothing to observe.
        case jab
    }

    var words: [RewriteWord]
    var role: Role = .jab
    /// The sentence this clause belongs to ended with a question mark.
    var isQuestion = false
    /// See `Role`.
    var context: [RewriteWord] = []
    /// The judgement taken out of it ("if you weren't so…" was a conditional jab): kept so
    /// the request can be a plain positive one only when that is what the clause says.
    var wasFlipped = false
    /// A feeling said inside it ("…and embarrass me" → "embarrassed"), taken out of the words.
    var namedFeeling: String?
    /// How the speaker said it without a feeling word ("I don't care anymore", "I'm sick of
    /// it"), as typed, when that is all the clause says: `namedFeeling` is the plain feeling.
    var saidAs: String?
    /// It was wrapped in a frame ("why are you…"), now taken off.
    var wasFramed = false
    /// It says how they do something ("how you talk to my mom", "the way you chew"): said
    /// after "about", not "when".
    var isManner = false
    /// It was leave given with irony ("sure, go ahead, spend the whole weekend at the pub"),
    /// now what they do: said "about you spending…".
    var isPermitted = false
}
