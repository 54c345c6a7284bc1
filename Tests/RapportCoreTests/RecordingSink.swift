@testable import RapportCore

/// Collects transcript records in memory.
final class RecordingSink: TranscriptSink {
    var records: [TranscriptRecord] = []

    func append(_ record: TranscriptRecord) {
        records.append(record)
    }

    /// The `end` records, in order (a session has exactly one).
    var ends: [(outcome: Outcome, scorecard: Scorecard)] {
        records.compactMap { if case let .end(outcome, _, card) = $0 { return (outcome, card) } else { return nil } }
    }

    /// The user's turns: what they typed and the kinds recorded with it.
    var userTurns: [(text: String, signals: [SignalKind]?)] {
        records.compactMap { if case let .turn(.user, _, text, signals) = $0 { return (text, signals) } else { return nil } }
    }
}
