import Foundation

/// Standard base64, used to carry the compiled snapshot inside a Swift string literal.
///
/// Foundation does both directions. Its decoder replaced a hand-written one that was
/// several times slower. On today's snapshot (3.6 MB of base64, most of it the weighing's
/// tables as fixed-width blocks) it is about 17M instructions of a 150M start-up; a literal
/// of one character per byte was tried instead and cost twice that to read.
///
/// The rest of the start-up path stays hand-made on purpose: the binary snapshot format
/// (`BinaryReader`/`BinaryWriter`, instead of decoding JSON or YAML at start-up) and the
/// hand-written JSON writer (`JSONText`, instead of `JSONEncoder`) were each measured
/// against the Foundation way, on start-up and on `--json` throughput, and earn their
/// place (benchmarks/run.py measures both; the README quotes the figures).
public enum Base64 {
    /// No line breaks, with `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    public static func decode(_ text: String) throws(SnapshotError) -> [UInt8] {
        guard let data = Data(base64Encoded: text) else { throw SnapshotError("snapshot is not base64") }
        return [UInt8](data)
    }
}
