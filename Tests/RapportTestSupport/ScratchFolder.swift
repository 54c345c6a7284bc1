import Foundation

/// Temporary folders for tests, all inside one folder per test process that is removed
/// when the process exits, so a test run leaves nothing behind in the system's temporary
/// folder (runs used to leave thousands of `rapport-home-…` folders there).
public enum ScratchFolder {
    /// `rapport-tests-PID` in the system's temporary folder, made on first use.
    private static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appending(path: "rapport-tests-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ScratchFolder.root) }
        return root
    }()

    /// A new empty folder whose name starts with `prefix`.
    public static func make(_ prefix: String) throws -> URL {
        let url = root.appending(path: "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
