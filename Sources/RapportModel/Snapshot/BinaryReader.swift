/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: a damaged snapshot is an
/// error, never a crash.
public struct BinaryReader {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func int() throws(SnapshotError) -> Int {
        // Most numbers in a snapshot (word ids of small concepts, counts, flags, kinds) are
        // below 64 and take one byte: read those without the loop.
        if offset < bytes.count, bytes[offset] < 0x80 {
            let value = Int(bytes[offset])
            offset += 1
            return (value >> 1) ^ -(value & 1)
        }
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw SnapshotError("snapshot ends inside a number") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: result)
        return Int((value >> 1) ^ -(value & 1))
    }

    /// A count of things to follow, checked to be plausible.
    public mutating func count() throws(SnapshotError) -> Int {
        let value = try int()
        guard value >= 0, value <= bytes.count - offset + 1 else { throw SnapshotError("snapshot has an impossible count \(value)") }
        return value
    }

    public mutating func int32() throws(SnapshotError) -> Int32 {
        let value = try int()
        guard let narrow = Int32(exactly: value) else { throw SnapshotError("snapshot number out of range") }
        return narrow
    }

    public mutating func bool() throws(SnapshotError) -> Bool {
        try int() != 0
    }

    public mutating func string() throws(SnapshotError) -> String {
        let length = try count()
        guard offset + length <= bytes.count else { throw SnapshotError("snapshot ends inside a string") }
        let text = String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
        offset += length
        return text
    }

    public mutating func strings() throws(SnapshotError) -> [String] {
        let count = try self.count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    public mutating func int32s() throws(SnapshotError) -> [Int32] {
        let count = try self.count()
        var values: [Int32] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try int32()) }
        return values
    }

    /// What `BinaryWriter.block` wrote, in one copy.
    public mutating func block<T: FixedWidthBlockValue>(_ type: T.Type = T.self) throws(SnapshotError) -> [T] {
        let count = try self.count()
        let size = count * MemoryLayout<T>.stride
        guard size <= bytes.count - offset else { throw SnapshotError("snapshot ends inside a block") }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + size)]))
            }
            initialized = count
        }
        offset += size
        return values
    }

    public mutating func read<T: BinaryCodable>(_ type: T.Type = T.self) throws(SnapshotError) -> T {
        try T(from: &self)
    }

    public mutating func readArray<T: BinaryCodable>(_ type: T.Type = T.self) throws(SnapshotError) -> [T] {
        let count = try self.count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try T(from: &self)) }
        return values
    }

    public mutating func optional<T: BinaryCodable>(_ type: T.Type = T.self) throws(SnapshotError) -> T? {
        try bool() ? try T(from: &self) : nil
    }
}
