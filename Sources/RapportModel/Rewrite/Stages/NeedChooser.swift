/// The need, said after "because I need …": the label's when a bare label is all there
/// is, else the first of the kind's needs that the faithfulness guard lets through, else
/// the general one.
struct NeedChooser: Sendable {
    let faithfulness: FaithfulnessGuard
    /// Each candidate text's words that are not plain (what the sentence must raise), worked
    /// out once.
    let notPlain: [String: [String]]
    let general: RewriteKnowledge.Kind

    func choose(kind: RewriteKnowledge.Kind, label: RewriteKnowledge.LabelAdvice?, raised: FaithfulnessGuard.Raised) -> String {
        let candidates = (label.map { [$0.need] } ?? []) + kind.needs + general.needs
        for need in candidates where faithfulness.allows(notPlain: notPlain[need] ?? [], in: raised) {
            return need
        }
        return general.needs.last ?? "to feel we're on the same side"
    }
}
