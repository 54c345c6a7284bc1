import Foundation
import RapportCore
import RapportTerminal

/// Runs a transcript operation; its failure is a one-line message and exit 74.
func io<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        fail(String(describing: error), code: ExitStatus.ioFailure)
    }
}

func reportSkipped(_ transcript: TranscriptStore.Transcript) {
    guard transcript.skippedLines > 0 else { return }
    StandardOutput.err.line("rapport: skipped \(transcript.skippedLines) line(s) of \(TerminalSafeText.sanitize(transcript.id)) that could not be read.")
    StandardOutput.err.flush()
}
