#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor through a buffer. Invalid UTF-8 is replaced with
/// U+FFFD, never rejected; a trailing `\r` is dropped; a last line without `\n` still counts.
public final class LineReader {
    private let descriptor: Int32
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var finished = false
    /// Asked when a read is interrupted by a signal, and every `waitMilliseconds` while
    /// waiting for input: true stops reading (returns nil).
    public var stopOnInterrupt: () -> Bool = { false }
    /// When set, waits for input in slices of this length (with poll) so `stopOnInterrupt`
    /// is asked even if the signal interrupted some other thread.
    public var waitMilliseconds: Int32?
    /// Set when reading stopped because `stopOnInterrupt` said so.
    public private(set) var wasInterrupted = false
    /// The `errno` when reading stopped on an error (standard input is a folder, say)
    /// rather than at the end of the input.
    public private(set) var readError: Int32?

    public init(descriptor: Int32 = 0, capacity: Int = 1 << 16) {
        self.descriptor = descriptor
        buffer = Array(repeating: 0, count: capacity)
    }

    public func readLine() -> String? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 10) {
                let line = decode(start..<newline)
                start = newline + 1
                return line
            }
            if finished {
                guard start < end else { return nil }
                let line = decode(start..<end)
                start = end
                return line
            }
            fill()
        }
    }

    private func decode(_ range: Range<Int>) -> String {
        var upper = range.upperBound
        if upper > range.lowerBound && buffer[upper - 1] == 13 { upper -= 1 }
        return String(decoding: buffer[range.lowerBound..<upper], as: UTF8.self)
    }

    private func fill() {
        if start > 0 {
            buffer.replaceSubrange(0..<(end - start), with: buffer[start..<end])
            end -= start
            start = 0
        }
        if end == buffer.count {
            buffer += Array(repeating: 0, count: buffer.count)
        }
        while true {
            if let slice = waitMilliseconds {
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                let ready = poll(&waiting, 1, slice)
                if ready == 0 || (ready < 0 && errno == EINTR) {
                    if stopIfAsked() { return }
                    continue
                }
            }
            let count = buffer.withUnsafeMutableBytes { bytes in
                read(descriptor, bytes.baseAddress! + end, bytes.count - end)
            }
            if count > 0 {
                end += count
                return
            }
            if count < 0 && errno == EINTR {
                if stopIfAsked() { return }
                continue
            }
            if count < 0 { readError = errno }
            finished = true
            return
        }
    }

    /// Stops reading for good when `stopOnInterrupt` says so; true when it did.
    private func stopIfAsked() -> Bool {
        guard stopOnInterrupt() else { return false }
        wasInterrupted = true
        finished = true
        start = end
        return true
    }
}
