/// Plain names for pitfalls on the card ("Watch out for labels: …"), for a dialogue that
/// does not name its own: words a person uses, not the signal kinds' names.
public enum PitfallNames {
    /// The shared name of each kind a dialogue may watch for.
    public static let plain: [SignalKind: String] = [
        .nonApology: "a sorry that isn't really one",
        .excuse: "excuses",
        .blameShift: "putting it back on them",
        .minimizing: "making it smaller",
        .defensiveness: "defending yourself",
        .youStatement: "blaming \"you…\" sentences",
        .absolute: "sweeping words",
        .label: "labels",
        .contempt: "scorn",
        .stonewalling: "shutting the talk down",
        .demand: "demands",
        .poorTiming: "a hard moment to raise it",
        .advice: "jumping to advice",
        .remorse: "apologising for it",
        .agreement: "giving in",
    ]
}

extension WatchedPitfall {
    /// How the card names it: the dialogue's name, else the shared plain name (nil when
    /// neither exists; `rapport lint` warns about that).
    public var plainName: String? { name ?? PitfallNames.plain[kind] }
}
