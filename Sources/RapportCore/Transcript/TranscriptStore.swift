import Foundation

/// The saved sessions in a transcript folder: listing, reading (skipping what cannot be
/// read, and saying how much), finding by ID or unique prefix, deleting.
public struct TranscriptStore {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// A transcript as read from disk.
    public struct Transcript {
        public var id: String
        public var url: URL
        public var records: [TranscriptRecord]
        /// Lines that could not be read (a cut-off last line, garbage).
        public var skippedLines: Int

        public var scenario: String? {
            for case let .session(scenario, _, _, _, _) in records { return scenario }
            return nil
        }

        public var started: Date? {
            for case let .session(_, started, _, _, _) in records { return started }
            return nil
        }

        public var outcome: Outcome? {
            for case let .end(outcome, _, _) in records.reversed() { return outcome }
            return nil
        }

        public var scorecard: Scorecard? {
            for case let .end(_, _, scorecard) in records.reversed() { return scorecard }
            return nil
        }

        /// The user's lines, in order.
        public var userLines: [String] {
            records.compactMap { record in
                if case let .turn(.user, _, text, _) = record { return text }
                return nil
            }
        }
    }

    /// The IDs of the saved sessions, oldest first. An absent folder has none.
    public func ids() throws(TranscriptError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return [] }
        guard isFolder.boolValue else { throw TranscriptError("cannot read the transcript folder \(folder.path): not a folder") }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
                .map { String($0.dropLast(6)) }
                .sorted()
        } catch {
            throw TranscriptError("cannot read the transcript folder \(folder.path): \(SystemReason.describe(error))")
        }
    }

    /// The one transcript whose ID is `query` or starts with it. No match, or more than one,
    /// is a `.noMatch` or `.ambiguous` error (the candidates listed, at most `listed`).
    public func find(_ query: String, listed: Int = 10) throws(TranscriptError) -> String {
        let all = try ids()
        if all.contains(query) { return query }
        let matches = all.filter { $0.hasPrefix(query) }
        let shown = TerminalSafeText.sanitize(query)
        switch matches.count {
        case 1:
            return matches[0]
        case 0:
            throw TranscriptError("no saved session has the ID '\(shown)' or starts with it; see 'rapport transcripts list'",
                                  kind: .noMatch)
        default:
            var message = "'\(shown)' is the start of \(matches.count) saved sessions; type more of the ID:"
            for id in matches.prefix(listed) { message += "\n  " + TerminalSafeText.sanitize(id) }
            if matches.count > listed { message += "\n  … and \(matches.count - listed) more" }
            throw TranscriptError(message, kind: .ambiguous(candidates: matches))
        }
    }

    public func url(of id: String) -> URL {
        folder.appending(path: id + ".jsonl")
    }

    public func read(_ id: String) throws(TranscriptError) -> Transcript {
        let url = url(of: id)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TranscriptError("cannot read \(url.path): \(SystemReason.describe(error))")
        }
        var records: [TranscriptRecord] = []
        var skipped = 0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            if let record = TranscriptRecord(jsonLine: String(line)) { records.append(record) } else { skipped += 1 }
        }
        return Transcript(id: id, url: url, records: records, skippedLines: skipped)
    }

    public func delete(_ id: String) throws(TranscriptError) {
        do {
            try FileManager.default.removeItem(at: url(of: id))
        } catch {
            throw TranscriptError("cannot delete \(id): \(SystemReason.describe(error))")
        }
    }

    /// Deletes every saved session; returns how many.
    @discardableResult
    public func deleteAll() throws(TranscriptError) -> Int {
        let all = try ids()
        for id in all { try delete(id) }
        return all.count
    }
}
