/// FNV-1a over a reply's letters and digits, lowercased: the same words give the same
/// number in every run (Swift's `Hasher` is seeded per process), so the choice of a line's
/// variant follows what the user said as well as `--seed`.
enum StableHash {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in text.lowercased().unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            for byte in String(scalar).utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return hash
    }
}
