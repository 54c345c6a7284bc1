/// Everything compiled from the data folders at build time, in one snapshot: what the
/// binary loads at start-up instead of parsing YAML and vocabulary text.
public struct CompiledData: BinaryCodable, Sendable {
    /// Bumped when the binary form changes.
    public static let formatVersion = 1

    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    public init(from reader: inout BinaryReader) throws(SnapshotError) {
        let version = try reader.int()
        guard version == CompiledData.formatVersion else {
            throw SnapshotError("snapshot format \(version), expected \(CompiledData.formatVersion)")
        }
        vocabulary = try reader.read()
        guard reader.isAtEnd else { throw SnapshotError("snapshot has trailing bytes") }
    }

    public func write(to writer: inout BinaryWriter) {
        writer.int(CompiledData.formatVersion)
        writer.write(vocabulary)
    }

    /// Compiles data files, reporting every problem with its file, line and column.
    /// Paths are relative to the group's folder ("rules/apology.rules").
    public static func compile(vocabulary files: [(path: String, text: String)]) throws(DiagnosticList) -> CompiledData {
        CompiledData(vocabulary: try Vocabulary.load(files))
    }

    public func encoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.write(self)
        return writer.bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(SnapshotError) -> CompiledData {
        var reader = BinaryReader(bytes)
        return try reader.read()
    }
}
