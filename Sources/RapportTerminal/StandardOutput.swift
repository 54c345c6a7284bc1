#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to a file descriptor. Batch commands flush every 64 KiB; the coach
/// flushes after each turn. A closed pipe ends the process quietly, as `head` expects.
/// Used from the main thread only, hence unchecked.
public final class StandardOutput: @unchecked Sendable {
    public static let out = StandardOutput(descriptor: 1)
    public static let err = StandardOutput(descriptor: 2)

    private let descriptor: Int32
    private var pending: [UInt8] = []

    init(descriptor: Int32) {
        self.descriptor = descriptor
        pending.reserveCapacity(1 << 16)
    }

    public var isTerminal: Bool { isatty(descriptor) == 1 }

    public func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= 1 << 16 { flush() }
    }

    public func line(bytes: [UInt8]) {
        pending.append(contentsOf: bytes)
        pending.append(10)
        if pending.count >= 1 << 16 { flush() }
    }

    public func line(_ text: String = "") {
        write(text)
        pending.append(10)
        if pending.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < pending.count {
            let written = pending.withUnsafeBytes { bytes in
                Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(0) }
                break
            }
            offset += written
        }
        pending.removeAll(keepingCapacity: true)
    }
}
