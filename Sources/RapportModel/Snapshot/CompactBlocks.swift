// Two shapes of table the snapshot holds many of, written smaller than a plain block: the
// snapshot rides in the binary as base64, so every byte saved is decoding saved at start-up.

extension BinaryWriter {
    /// A table that is mostly -1 ("this word has no feature"): its length, then where it is
    /// not -1 and what it holds there.
    mutating func sparse(_ values: [Int32]) {
        int(values.count)
        let filled = values.indices.filter { values[$0] != -1 }
        block(filled.map { Int32($0) })
        block(filled.map { values[$0] })
    }

    /// Where each list of a flattened list of lists starts (0, then running totals): as each
    /// list's length in a byte when every length fits, else as the totals themselves.
    mutating func starts(_ values: [Int32]) {
        let lengths = zip(values, values.dropFirst()).map { $1 - $0 }
        if values.first == 0, lengths.allSatisfy({ $0 >= 0 && $0 <= 255 }) {
            int(0)
            block(lengths.map { UInt8($0) })
        } else {
            int(1)
            block(values)
        }
    }
}

extension BinaryReader {
    /// What `BinaryWriter.sparse` wrote.
    mutating func sparse() throws(SnapshotError) -> [Int32] {
        let count = try int()
        let filled: [Int32] = try block()
        let values: [Int32] = try block()
        guard count >= 0, count <= 1 << 26, filled.count == values.count, filled.allSatisfy({ $0 >= 0 && Int($0) < count }) else {
            throw SnapshotError("snapshot: bad sparse table")
        }
        var table = [Int32](repeating: -1, count: count)
        for (index, value) in zip(filled, values) { table[Int(index)] = value }
        return table
    }

    /// What `BinaryWriter.starts` wrote.
    mutating func starts() throws(SnapshotError) -> [Int32] {
        switch try int() {
        case 0:
            let lengths: [UInt8] = try block()
            var values: [Int32] = [0]
            values.reserveCapacity(lengths.count + 1)
            var total: Int32 = 0
            for length in lengths {
                total += Int32(length)
                values.append(total)
            }
            return values
        case 1:
            return try block()
        default:
            throw SnapshotError("snapshot: bad list starts")
        }
    }
}
