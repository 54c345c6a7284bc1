import Foundation

/// Standard base64, used to carry the compiled snapshot inside a Swift string literal.
///
/// Foundation does both directions. Its decoder replaced a hand-written one: on the real
/// snapshot (about 270 KB of base64) it takes about 0.1 ms against 0.6–1.7 ms, out of a
/// 20 ms start-up budget.
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
