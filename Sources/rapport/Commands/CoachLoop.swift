import ArgumentParser
import Foundation
import RapportCore
import RapportTerminal

/// Runs a coach session at the terminal (readline, prompts, meter) or over a pipe (one line
/// per turn, no prompts), saving the transcript unless told not to.
enum CoachLoop {
    static func run(mode: CoachSession.Mode, options: SessionOptions, dialogues: DialogueOptions, output: OutputOptions) throws {
        SignalWatch.install()
        let runtime = try Runtime.load(dialogues: dialogues)
        if case .practice(let id) = mode, runtime.library.scenarios.first(where: { $0.id == id.lowercased() }) == nil {
            let known = runtime.library.scenarios.map(\.id).joined(separator: ", ")
            fail("there is no practice called '\(TerminalSafeText.sanitize(id))'; choose one of: \(known)", code: ExitStatus.usage)
        }
        let interactive = isatty(0) == 1
        let printer = SessionPrinter(style: Style(choice: output.color), width: terminalWidth(),
                                     showMeter: interactive && isatty(1) == 1)
        let saving = !options.noSave
        let folder = TranscriptFolder.resolve(option: options.transcripts)
        let sessionOptions = CoachSession.Options(seed: options.effectiveSeed, difficulty: options.difficulty, saving: saving) { scenario, started in
            guard saving else { return nil }
            // A transcript that cannot be saved is a warning, on standard error; the practice goes on.
            do {
                return try TranscriptWriter(folder: folder, scenario: scenario, started: started, reportProblem: warn)
            } catch {
                warn("this session is not being saved: \(error). (Choose another folder with --transcripts DIR, or pass --no-save.)")
                return nil
            }
        }
        let session = CoachSession(library: runtime.library, analyzer: runtime.analyzer, rewriter: runtime.rewriter,
                                   options: sessionOptions, mode: mode)
        let input: LineSource = interactive
            ? ReadlineLines(historyPath: saving ? ReadlineLines.defaultHistoryPath() : nil, completions: session.completions)
            : PipedLines()

        // A closed or failing standard output must not end the process before the
        // transcript has its `end` record: the loop below sees the failure and ends.
        StandardOutput.out.failureHandling = .record
        printer.show(session.start())
        var status: Int32 = 0
        var readFailure: Int32?
        while !session.isDone {
            if StandardOutput.out.failure != nil {
                _ = session.interrupt()
                break
            }
            let prompt = interactive ? (session.inPractice ? "you> " : "rapport> ") : ""
            switch input.next(prompt: prompt) {
            case .line(let line):
                input.remember(line)
                printer.show(session.handle(line))
            case .endOfInput:
                printer.show(session.endOfInput(goodbye: interactive))
            case .readFailed(let code):
                readFailure = code
                printer.show(session.endOfInput())
            case .leave:
                // Ctrl-C twice at the prompt: the same exit status as any other Ctrl-C.
                printer.show(session.interrupt())
                status = 128 + SIGINT
            case .signal(let number):
                printer.show(session.interrupt())
                status = 128 + number
            }
        }
        input.close()
        StandardOutput.out.flush()
        if let readFailure {
            fail("cannot read standard input: \(SystemReason.describe(errno: readFailure))", code: ExitStatus.ioFailure)
        }
        if let failure = StandardOutput.out.failure, failure != EPIPE {
            fail("cannot write to standard output: \(SystemReason.describe(errno: failure))", code: ExitStatus.ioFailure)
        }
        // A reader that went away (EPIPE, `| head`) is not a failure: the session has ended
        // and been saved, and the status is what it would have been.
        if status != 0 { throw ExitCode(status) }
    }
}

/// A warning during a session: on standard error, so the conversation on standard output
/// stays clean.
private func warn(_ message: String) {
    StandardOutput.err.line("rapport: " + message)
    StandardOutput.err.flush()
}
