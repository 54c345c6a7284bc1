/// Writes the compact binary form that built-in data is embedded in: variable-length
/// integers and length-prefixed UTF-8 strings, and, for the big tables start-up reads as
/// they are, blocks of fixed-width little-endian numbers (`block`), read back in one copy.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func int(_ value: Int) {
        // Zig-zag, then 7 bits per byte.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    public mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    public mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    public mutating func ints<T: BinaryInteger>(_ values: [T]) {
        int(values.count)
        for value in values { int(Int(value)) }
    }

    /// A count, then each value's bytes as they lie in memory (little-endian here):
    /// `BinaryReader.block` copies it back whole.
    public mutating func block<T: FixedWidthBlockValue>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    public mutating func write<T: BinaryCodable>(_ value: T) {
        value.write(to: &self)
    }

    public mutating func write<T: BinaryCodable>(_ values: [T]) {
        int(values.count)
        for value in values { value.write(to: &self) }
    }

    public mutating func optional<T: BinaryCodable>(_ value: T?) {
        bool(value != nil)
        value?.write(to: &self)
    }
}

/// The numbers a block may hold: plain values whose bytes are the value.
public protocol FixedWidthBlockValue {}
extension Int32: FixedWidthBlockValue {}
extension UInt32: FixedWidthBlockValue {}
extension UInt64: FixedWidthBlockValue {}
extension Float: FixedWidthBlockValue {}
extension UInt8: FixedWidthBlockValue {}

/// A value that has a compact binary form.
public protocol BinaryCodable {
    init(from reader: inout BinaryReader) throws(SnapshotError)
    func write(to writer: inout BinaryWriter)
}

/// The embedded data could not be read: the binary was built wrongly.
public struct SnapshotError: Error, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
