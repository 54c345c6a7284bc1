/// Standard base64, used to carry the compiled snapshot inside a Swift string literal.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = Int(bytes[index])
            let b = index + 1 < bytes.count ? Int(bytes[index + 1]) : 0
            let c = index + 2 < bytes.count ? Int(bytes[index + 2]) : 0
            out.append(alphabet[a >> 2])
            out.append(alphabet[(a & 3) << 4 | b >> 4])
            out.append(index + 1 < bytes.count ? alphabet[(b & 15) << 2 | c >> 6] : 61)
            out.append(index + 2 < bytes.count ? alphabet[c & 63] : 61)
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) throws(SnapshotError) -> [UInt8] {
        var values = [UInt8](repeating: 255, count: 256)
        for (index, character) in alphabet.enumerated() { values[Int(character)] = UInt8(index) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count / 4 * 3)
        var valid = true
        // Read the literal's bytes in place: walking `String.utf8` one by one showed in
        // start-up profiles.
        var text = text
        text.withUTF8 { bytes in
            var buffer: UInt32 = 0
            var bits = 0
            for byte in bytes where byte != 61 && byte != 10 {
                let value = values[Int(byte)]
                guard value != 255 else {
                    valid = false
                    return
                }
                buffer = buffer << 6 | UInt32(value)
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                }
            }
        }
        guard valid else { throw SnapshotError("snapshot is not base64") }
        return out
    }
}
