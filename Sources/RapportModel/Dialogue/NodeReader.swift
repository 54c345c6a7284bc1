import Yams

/// Reads typed values out of a composed YAML tree, turning every surprise into a
/// diagnostic that points at the node's line and column.
struct NodeReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Nodes left to visit; a guard against trees far larger than any real dialogue.
    private var budget = 200_000

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    mutating func report(_ node: Node, _ message: String) {
        diagnostics.append(location(node).diagnostic(message))
    }

    mutating func report(file message: String) {
        diagnostics.append(Diagnostic(file: file, message: message))
    }

    var hasErrors: Bool { !diagnostics.isEmpty }

    private mutating func visit(_ node: Node) -> Bool {
        budget -= 1
        if budget == 0 { report(node, "the file has too many entries to be a dialogue") }
        return budget > 0
    }

    /// A mapping's entries with string keys, after reporting keys not in `allowed`.
    mutating func mapping(_ node: Node, _ what: String, allowed: [String]? = nil) -> [(key: String, keyNode: Node, value: Node)]? {
        guard visit(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            report(node, "\(what) should be a mapping of 'key: value' lines")
            return nil
        }
        var entries: [(key: String, keyNode: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                report(key, "a key in \(what) should be plain text")
                continue
            }
            if let allowed, !allowed.contains(scalar.string) {
                report(key, "unknown field '\(scalar.string)' in \(what); expected one of: \(allowed.joined(separator: ", "))")
                continue
            }
            entries.append((scalar.string, key, value))
        }
        return entries
    }

    mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard visit(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            report(node, "\(what) should be a list")
            return nil
        }
        return Array(sequence)
    }

    mutating func string(_ node: Node, _ what: String) -> String? {
        guard visit(node) else { return nil }
        guard case .scalar(let scalar) = node else {
            report(node, "\(what) should be text")
            return nil
        }
        return scalar.string
    }

    /// An identifier: lowercase letters, digits and '-'.
    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 }) else {
            report(node, "\(what) '\(text)' should use lowercase letters, digits and '-' only")
            return nil
        }
        return text
    }

    mutating func int(_ node: Node, _ what: String) -> Int? {
        guard let text = string(node, what) else { return nil }
        guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
            report(node, "\(what) should be a whole number, not '\(text)'")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, "\(what) should be true or false, not '\(text)'")
            return nil
        }
    }

    /// One text or a list of texts (the variants of a line).
    mutating func variants(_ node: Node, _ what: String) -> [String]? {
        if case .scalar = node {
            guard let text = string(node, what) else { return nil }
            guard !text.isEmpty else {
                report(node, "\(what) is empty")
                return nil
            }
            return [text]
        }
        guard let items = sequence(node, what) else { return nil }
        var texts: [String] = []
        for item in items {
            if let text = string(item, "each variant of \(what)") {
                if text.isEmpty { report(item, "a variant of \(what) is empty") } else { texts.append(text) }
            }
        }
        if texts.isEmpty && !items.isEmpty { return nil }
        if texts.isEmpty { report(node, "\(what) needs at least one variant") }
        return texts.isEmpty ? nil : texts
    }

    /// Signal kinds: one name or a list of names.
    mutating func kinds(_ node: Node, _ what: String) -> [SignalKind] {
        let names: [Node]
        if case .scalar = node { names = [node] } else { names = sequence(node, what) ?? [] }
        var kinds: [SignalKind] = []
        for name in names {
            guard let text = string(name, "a signal kind in \(what)") else { continue }
            if let kind = SignalKind(rawValue: text) {
                kinds.append(kind)
            } else {
                report(name, "unknown signal kind '\(text)' in \(what); see SPEC.md's vocabulary (e.g. remorse, excuse, you-statement)")
            }
        }
        return kinds
    }
}
