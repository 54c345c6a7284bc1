/// A problem found in a file a person wrote (a dialogue, a vocabulary file), located
/// like a compiler error so editors can jump to it: `file:line:column: error: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based, in Unicode scalars; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Several diagnostics thrown together, for loaders that report every problem at once.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
