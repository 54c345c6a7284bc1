import Foundation
import RapportCore

/// In-process measurements that a whole-process timing cannot give: how long loading the
/// built-in data takes, and how long one engine turn takes over a long scripted session.
/// benchmarks/run.py builds this in release mode and runs it; the figures go in the README.
///
///     RapportBench startup                  load, check and answer one line, N times
///     RapportBench turns < lines.txt        every line a reply, through every practice
///     RapportBench analyze|rewrite < lines  lines per second, in process

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func percentile(_ sorted: [UInt64], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let index = min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)
    return Double(sorted[max(0, index)]) / 1000
}

func readLines() -> [String] {
    var lines: [String] = []
    let reader = LineReader()
    while let line = reader.readLine() { lines.append(line) }
    return lines
}

func load() -> (Analyzer, Rewriter, DialogueLibrary) {
    let compiled = try! BuiltIn.compiled()
    let analyzer = Analyzer(vocabulary: compiled.vocabulary)
    return (analyzer, Rewriter(analyzer: analyzer, knowledge: compiled.rewriting), DialogueLibrary.builtIn(from: compiled))
}

let mode = CommandLine.arguments.dropFirst().first ?? "turns"
switch mode {
case "startup":
    var times: [UInt64] = []
    for _ in 0..<50 {
        let start = now()
        let (analyzer, rewriter, library) = load()
        precondition(!library.scenarios.isEmpty)
        _ = rewriter.rewrite("You never listen")
        _ = analyzer.signals(in: "I'm sorry I forgot your birthday")
        times.append(now() - start)
    }
    times.sort()
    print(String(format: "startup-in-process  p50 %.2f ms  min %.2f ms", percentile(times, 0.5) / 1000, Double(times[0]) / 1e6))

case "turns":
    let (analyzer, rewriter, library) = load()
    let lines = readLines()
    let scenarios = library.scenarios
    var times: [UInt64] = []
    times.reserveCapacity(lines.count)
    var index = 0
    var conversation = Conversation(scenario: scenarios[0], library: library, seed: 1, rewriter: rewriter)
    _ = conversation.start()
    for line in lines {
        let start = now()
        let signals = analyzer.signals(in: line)
        _ = conversation.reply(line, signals: signals)
        times.append(now() - start)
        if conversation.isFinished {
            index += 1
            conversation = Conversation(scenario: scenarios[index % scenarios.count], library: library, seed: UInt64(index), rewriter: rewriter)
            _ = conversation.start()
        }
    }
    times.sort()
    print(String(format: "engine-turn  turns %d  practices %d  p50 %.1f µs  p99 %.1f µs  max %.1f µs",
                 times.count, index, percentile(times, 0.5), percentile(times, 0.99), Double(times.last ?? 0) / 1000))

case "analyze", "rewrite":
    let (analyzer, rewriter, _) = load()
    let lines = readLines()
    let start = now()
    var total = 0
    for line in lines {
        if mode == "analyze" { total += analyzer.signals(in: line).count } else { total += rewriter.rewrite(line).rewrite.utf8.count }
    }
    let seconds = Double(now() - start) / 1e9
    print(String(format: "\(mode)-in-process  lines %d  %.0f lines/s  (checksum %d)", lines.count, Double(lines.count) / seconds, total))

default:
    FileHandle.standardError.write(Data("usage: RapportBench startup|turns|analyze|rewrite < lines.txt\n".utf8))
    exit(64)
}
