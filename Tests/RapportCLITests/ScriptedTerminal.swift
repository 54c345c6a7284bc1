import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the binary with its standard output on a pseudo-terminal, as when a person runs it,
/// and its input from a pipe. Returns what reached the terminal.
enum ScriptedTerminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// glibc declares the pseudo-terminal calls only for _XOPEN_SOURCE, which Swift's Glibc
    /// module does not define; they are in every libc, so they are looked up by name.
    private static func libc<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { throw Failure(description: "no \(name) in libc") }
        return unsafeBitCast(symbol, to: type)
    }

    /// A new pseudo-terminal: the side the test reads, and the side the binary writes to.
    private static func openTerminal() throws -> (master: Int32, terminal: Int32) {
        let openMaster = try libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
        let grant = try libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
        let unlock = try libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
        let name = try libc("ptsname_r", as: (@convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32).self)
        let master = openMaster(O_RDWR | O_NOCTTY)
        var path = [CChar](repeating: 0, count: 128)
        guard master >= 0, grant(master) == 0, unlock(master) == 0, name(master, &path, path.count) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let pathText = String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let terminal = open(pathText, O_RDWR | O_NOCTTY)
        guard terminal >= 0 else {
            close(master)
            throw Failure(description: "cannot open \(pathText)")
        }
        return (master, terminal)
    }

    static func run(_ arguments: [String], lines: [String], environment: [String: String], timeout: Double = 60) throws -> String {
        let (master, terminal) = try openTerminal()
        defer { close(master) }

        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            close(terminal)
            throw error
        }
        close(terminal)  // the child has its own; the master reads EIO once the child's is closed
        try? input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
        try? input.fileHandleForWriting.close()

        // Read until the terminal closes. A stuck run is killed, not waited on forever.
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) >= 0 || errno == EINTR else { break }
            if descriptor.revents == 0 { continue }
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
