/// A transcript problem, worded for the person at the keyboard. Its kind tells a wrong ID
/// (the user's to fix: a usage error) from a folder or file that cannot be used.
public struct TranscriptError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The folder or a file could not be read, written or deleted.
        case system
        /// No saved session has this ID or starts with it.
        case noMatch
        /// More than one saved session starts with it; these are they.
        case ambiguous(candidates: [String])
    }

    public var kind: Kind
    public var description: String

    public init(_ description: String, kind: Kind = .system) {
        self.description = description
        self.kind = kind
    }

    /// Whether the fix is in what was typed (an ID), not in the file system.
    public var isUsageError: Bool { kind != .system }
}
