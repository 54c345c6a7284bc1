#if canImport(Glibc)
import Glibc
#endif

/// `--color auto|always|never`.
public enum ColorChoice: String, CaseIterable, Sendable {
    case auto
    case always
    case never
}

/// ANSI colours: `--color always` turns them on, `never` off, and `auto` (the default) on
/// only when the output is a terminal, `TERM` is not `dumb` and `NO_COLOR` is not set. An
/// explicit flag wins over `NO_COLOR`, as no-color.org asks.
public struct Style {
    public let enabled: Bool

    public init(choice: ColorChoice, descriptor: Int32 = 1) {
        switch choice {
        case .always: enabled = true
        case .never: enabled = false
        case .auto:
            let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
            enabled = !noColor && isatty(descriptor) == 1 && getenv("TERM").map { String(cString: $0) } != "dumb"
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func coach(_ text: String) -> String { wrap(text, "1;36") }
    public func partner(_ text: String) -> String { wrap(text, "1;35") }
    public func good(_ text: String) -> String { wrap(text, "32") }
    public func warn(_ text: String) -> String { wrap(text, "33") }
    public func underline(_ text: String) -> String { wrap(text, "4") }
}

/// The terminal's width in columns (80 when it cannot be told).
public func terminalWidth(_ descriptor: Int32 = 1) -> Int {
    var size = winsize()
    if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 { return Int(size.ws_col) }
    if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns >= 20 { return columns }
    return 80
}
