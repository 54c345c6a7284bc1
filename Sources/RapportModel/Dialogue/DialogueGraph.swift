/// A dialogue's state machine as Graphviz DOT: states as nodes (ends drawn double),
/// transitions as edges labelled with their conditions.
public enum DialogueGraph {
    public static func dot(_ dialogue: Dialogue) -> String {
        var out = "digraph \(quoted(dialogue.id)) {\n"
        out += "  label=\(quoted(dialogue.title));\n  labelloc=t;\n  rankdir=LR;\n"
        out += "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        out += "  \"__start\" [shape=point];\n  \"__start\" -> \(quoted(dialogue.start));\n"
        for state in dialogue.orderedStates {
            var attributes = ["label=\(quoted(state.id + (state.capture.map { "\n(keeps {\($0.slot)})" } ?? "")))"]
            if let end = state.end {
                attributes.append("peripheries=2")
                attributes.append("xlabel=\(quoted(end.rawValue))")
            }
            out += "  \(quoted(state.id)) [\(attributes.joined(separator: ", "))];\n"
        }
        for state in dialogue.orderedStates {
            if let next = state.next {
                out += "  \(quoted(state.id)) -> \(quoted(next)) [label=\"next\"];\n"
            }
            for transition in state.skip {
                out += edge(from: state.id, transition, label: "skip: " + transition.when.summary, style: "dotted")
            }
            for transition in state.on {
                out += edge(from: state.id, transition, label: transition.when.summary, style: nil)
            }
            if let otherwise = state.otherwise {
                out += edge(from: state.id, otherwise, label: "otherwise", style: "dashed")
            }
            if let giveUp = state.giveUp {
                out += "  \(quoted(state.id)) -> \(quoted(giveUp.go)) [label=\(quoted("after \(giveUp.after) tries")), style=dotted];\n"
            }
        }
        if !dialogue.always.isEmpty {
            out += "  \"__any\" [label=\"any state\", shape=ellipse, style=dashed];\n"
            for transition in dialogue.always {
                out += edge(from: "__any", transition, label: transition.when.summary, style: "dashed", stayTarget: nil)
            }
        }
        out += "}\n"
        return out
    }

    private static func edge(from source: String, _ transition: Transition, label: String, style: String?,
                             stayTarget: String? = "") -> String {
        let target = transition.go ?? (stayTarget == "" ? source : nil)
        var text = label
        if let detour = transition.detour { text += "\n(detour: \(detour))" }
        var attributes = ["label=\(quoted(text))"]
        if let style { attributes.append("style=\(style)") }
        guard let target else {
            return "  \(quoted(source)) -> \(quoted("__back")) [\(attributes.joined(separator: ", "))];\n"
        }
        return "  \(quoted(source)) -> \(quoted(target)) [\(attributes.joined(separator: ", "))];\n"
    }

    /// A DOT string literal: quotes and backslashes escaped, newlines as \n.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
