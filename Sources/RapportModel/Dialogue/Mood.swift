/// How open the role-played partner sounds, in the five bands the meter shows. A partner
/// line says how it sounds (`mood: guarded`); saying it brings openness to where the line
/// fits, so the meter never says "opening up" under "Oh come on, that's such a small thing".
public enum Mood: String, Sendable, CaseIterable {
    case shutDown = "shut-down"
    case guarded
    case wary
    case openingUp = "opening-up"
    case open

    /// The openness values (0–100) the band covers.
    public var range: ClosedRange<Int> {
        switch self {
        case .shutDown: return 0...19
        case .guarded: return 20...39
        case .wary: return 40...59
        case .openingUp: return 60...79
        case .open: return 80...100
        }
    }

    /// The band an openness value is in.
    public init(openness: Int) {
        self = Mood.allCases.first { $0.range.contains(openness) } ?? (openness < 0 ? .shutDown : .open)
    }

    /// The word the meter shows: "opening up".
    public var word: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }

    /// The openness values a line of this mood fits: a hurt line fits its band and anything
    /// colder ("Nice. Really nice." is as true shut down as guarded), a warm line its band
    /// and anything warmer, and a wary line only its own band.
    public var fits: ClosedRange<Int> {
        switch self {
        case .shutDown, .guarded: return 0...range.upperBound
        case .wary: return range
        case .openingUp, .open: return range.lowerBound...100
        }
    }

    /// `openness` moved to the nearest value the line fits.
    public func clamp(_ openness: Int) -> Int {
        min(fits.upperBound, max(fits.lowerBound, openness))
    }
}
