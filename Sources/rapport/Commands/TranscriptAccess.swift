import Foundation
import RapportCore
import RapportTerminal

/// Runs a transcript operation; a failure is a message on standard error and an exit. An
/// ID that matches no session, or more than one, is a usage error (64; the candidates are
/// listed); a folder or file that cannot be used is an input/output failure (74).
func io<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as TranscriptError {
        fail(error.description, code: error.isUsageError ? ExitStatus.usage : ExitStatus.ioFailure)
    } catch {
        fail(String(describing: error), code: ExitStatus.ioFailure)
    }
}

func reportSkipped(_ transcript: TranscriptStore.Transcript) {
    guard transcript.skippedLines > 0 else { return }
    StandardOutput.err.line("rapport: skipped \(transcript.skippedLines) line(s) of \(TerminalSafeText.sanitize(transcript.id)) that could not be read.")
    StandardOutput.err.flush()
}
