import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built binary with a pseudo-terminal for standard input, standard output or
/// both, so it behaves as it does for a person at a terminal (readline, line buffering,
/// questions), while the test reads what the "screen" shows. Whatever is not the terminal
/// is a pipe, as in `BinaryRunner`.
final class TerminalRunner: @unchecked Sendable {
    let process = Process()
    private let master: Int32
    private let inputPipe: Pipe?
    private let errorPipe = Pipe()
    private let lock = NSLock()
    private var screenBytes: [UInt8] = []
    private var errorData = Data()
    private let readers = DispatchGroup()

    /// `terminalInput`: standard input is the terminal (else a pipe, written by `send`);
    /// `terminalOutput`: standard output is the terminal (else it goes to /dev/null).
    init(_ arguments: [String], terminalInput: Bool, terminalOutput: Bool,
         environment: [String: String] = BinaryRunner.isolatedEnvironment()) throws {
        _ = BinaryRunner.ignoreBrokenPipes
        // Linux's pseudo-terminal multiplexer; the two ioctls are TIOCSPTLCK (unlock the
        // other end) and TIOCGPTN (its number), which Swift's Glibc module does not name.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw POSIXError(.ENODEV) }
        var unlock: Int32 = 0
        var number: Int32 = 0
        guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            throw POSIXError(.ENOTTY)
        }
        let terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        guard terminal >= 0 else { throw POSIXError(.ENOTTY) }
        let terminalHandle = FileHandle(fileDescriptor: terminal, closeOnDealloc: true)

        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.environment = environment
        if terminalInput {
            inputPipe = nil
            process.standardInput = terminalHandle
        } else {
            let pipe = Pipe()
            inputPipe = pipe
            process.standardInput = pipe
        }
        process.standardOutput = terminalOutput ? terminalHandle : FileHandle.nullDevice
        process.standardError = errorPipe
        try process.run()
        // Only the child holds the terminal now, so reading it ends when the child does.
        try terminalHandle.close()

        readers.enter()
        Thread { [master] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                self.lock.withLock { self.screenBytes += buffer[0..<count] }
            }
            self.readers.leave()
        }.start()
        readers.enter()
        Thread {
            let data = self.errorPipe.fileHandleForReading.readDataToEndOfFile()
            self.lock.withLock { self.errorData = data }
            self.readers.leave()
        }.start()
    }

    deinit { close(master) }

    /// What the terminal has shown so far.
    var screen: String { lock.withLock { String(decoding: screenBytes, as: UTF8.self) } }

    /// Types `text` (at the terminal, or into the input pipe).
    func send(_ text: String) {
        if let inputPipe {
            try? inputPipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        } else {
            _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress!, $0.count - 1) }
        }
    }

    /// Closes the input pipe (end of input); no effect when input is the terminal.
    func closeInput() {
        try? inputPipe?.fileHandleForWriting.close()
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits until the screen shows `text`; false if it has not after `timeout` seconds.
    func waitForScreen(_ text: String, timeout: Double = 20) -> Bool {
        BinaryRunner.waitUntil(timeout: timeout) { screen.contains(text) }
    }

    /// Waits for the process to end (killing it after `timeout` seconds: status -1).
    func wait(timeout: Double = 30) -> BinaryRunner.Result {
        closeInput()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        readers.wait()
        return lock.withLock {
            BinaryRunner.Result(status: timedOut ? -1 : process.terminationStatus,
                                output: String(decoding: screenBytes, as: UTF8.self),
                                errors: String(decoding: errorData, as: UTF8.self))
        }
    }
}
