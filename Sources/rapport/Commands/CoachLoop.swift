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
        if case .practice(let id) = mode, runtime.library.scenarios.first(where: { $0.id == id }) == nil {
            let known = runtime.library.scenarios.map(\.id).joined(separator: ", ")
            fail("there is no practice called '\(TerminalSafeText.sanitize(id))'; choose one of: \(known)", code: ExitStatus.usage)
        }
        let interactive = isatty(0) == 1
        let printer = SessionPrinter(style: Style(choice: output.color), width: terminalWidth(),
                                     showMeter: interactive && isatty(1) == 1)
        let saving = !options.noSave
        let folder = TranscriptFolder.resolve(option: options.transcripts)
        let sessionOptions = CoachSession.Options(seed: options.effectiveSeed, difficulty: options.difficulty) { scenario, started in
            guard saving else { return nil }
            return try TranscriptWriter(folder: folder, scenario: scenario, started: started) { problem in
                StandardOutput.err.line("rapport: " + problem)
                StandardOutput.err.flush()
            }
        }
        let session = CoachSession(library: runtime.library, analyzer: runtime.analyzer, rewriter: runtime.rewriter,
                                   options: sessionOptions, mode: mode)
        let input: LineSource = interactive
            ? ReadlineLines(historyPath: saving ? ReadlineLines.defaultHistoryPath() : nil, completions: session.completions)
            : PipedLines()

        printer.show(session.start())
        var status: Int32 = 0
        while !session.isDone {
            let prompt = interactive ? (session.inPractice ? "you> " : "rapport> ") : ""
            switch input.next(prompt: prompt) {
            case .line(let line):
                input.remember(line)
                printer.show(session.handle(line))
            case .endOfInput:
                printer.show(session.endOfInput())
            case .leave:
                printer.show(session.interrupt())
            case .signal(let number):
                printer.show(session.interrupt())
                status = 128 + number
            }
        }
        input.close()
        StandardOutput.out.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
