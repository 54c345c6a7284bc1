import RapportCore
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to standard output or standard error.
///
/// Buffering: a terminal gets each line as soon as it is complete (a person is reading);
/// a pipe or file gets 64 KiB at a time (a script is reading, and it is much faster).
/// Standard error is written a line at a time wherever it goes.
///
/// A write that fails: by default (`.exit`, for batch commands) the process ends at once,
/// quietly with status 0 when the reader has gone away (`| head`), and otherwise with one
/// line on standard error and status 74 (`> /dev/full`: "disk full"). A session sets
/// `.record`: the failure is kept in `failure`, later output is dropped, and the session
/// decides how to end (it still writes its transcript's `end` record). Failures on
/// standard error itself are dropped: there is nowhere left to say so.
///
/// Used from the main thread only, hence unchecked.
public final class StandardOutput: @unchecked Sendable {
    public static let out = StandardOutput(descriptor: 1)
    public static let err = StandardOutput(descriptor: 2)

    /// What a failed write does (see the type's documentation).
    public enum FailureHandling: Sendable {
        case exit
        case record
    }

    public var failureHandling = FailureHandling.exit
    /// The `errno` of the first write that failed, under `.record`.
    public private(set) var failure: Int32?

    private let descriptor: Int32
    private let flushesEachLine: Bool
    private var pending: [UInt8] = []
    private static let batchSize = 1 << 16

    init(descriptor: Int32) {
        self.descriptor = descriptor
        flushesEachLine = descriptor == 2 || isatty(descriptor) == 1
        pending.reserveCapacity(StandardOutput.batchSize)
    }

    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        written(endsLine: flushesEachLine && text.utf8.contains(10))
    }

    public func line(bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        pending.append(10)
        written(endsLine: true)
    }

    public func line(_ text: String = "") {
        pending.append(contentsOf: text.utf8)
        pending.append(10)
        written(endsLine: true)
    }

    private func written(endsLine: Bool) {
        if (endsLine && flushesEachLine) || pending.count >= StandardOutput.batchSize { flush() }
    }

    public func flush() {
        defer { pending.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                failed(errno)
                return
            }
            offset += written
        }
    }

    private func failed(_ code: Int32) {
        if descriptor == 2 { return }
        switch failureHandling {
        case .record:
            failure = code
        case .exit:
            if code == EPIPE { exit(0) }
            StandardOutput.err.line("rapport: cannot write to standard output: " + SystemReason.describe(errno: code))
            exit(74)
        }
    }
}
