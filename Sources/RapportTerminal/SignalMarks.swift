import RapportCore

/// The readable view of `rapport analyze`: the line, then one row per signal with its span
/// marked under the text and its kind named.
///
///     I'm sorry I forgot, but you never remind me
///     ^^^^^^^^^ remorse
///               ^^^^^^^^ acknowledgement
public enum SignalMarks {
    public static func render(_ line: String, _ signals: [Signal], style: Style) -> String {
        let safe = TerminalSafeText.sanitize(line)
        var out = safe + "\n"
        guard !signals.isEmpty else { return out + style.dim("  (nothing found)") + "\n" }
        // Columns on screen, per Unicode scalar of the original line.
        var columns: [Int] = []
        var column = 0
        for scalar in line.unicodeScalars {
            columns.append(column)
            column += width(of: scalar)
        }
        columns.append(column)
        for signal in signals {
            let start = columns[min(signal.start, columns.count - 1)]
            let end = max(start + 1, columns[min(signal.end, columns.count - 1)])
            let marker = String(repeating: " ", count: start) + String(repeating: "^", count: end - start)
            let name = signal.kind == .crisis ? style.warn(signal.kind.rawValue) : style.bold(signal.kind.rawValue)
            out += style.coach(marker) + " " + name + "\n"
        }
        return out
    }

    /// How many terminal columns a scalar takes (as `sanitize` shows it).
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || value == 0x7F { return value == 0x09 || value == 0x0A || value == 0x0D ? 1 : 2 }
        if (0x80..<0xA0).contains(value) || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
            return "<U+\(String(value, radix: 16, uppercase: true))>".count
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation || (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0x20000...0x3FFFD).contains(value) {
            return 2
        }
        return 1
    }
}
