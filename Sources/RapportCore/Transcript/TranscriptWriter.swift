import Foundation

/// Where a session's records go. The session writes through this; tests use a list.
public protocol TranscriptSink: AnyObject {
    func append(_ record: TranscriptRecord)
}

/// Appends records to a new transcript file, one `write(2)` per record, so a killed process
/// leaves every whole record it wrote. The folder is made 0700 and the file 0600 whatever
/// the umask. When writing fails (full disk, no permission) it says so once and stops trying;
/// the practice goes on.
public final class TranscriptWriter: TranscriptSink {
    public let url: URL
    private var descriptor: Int32
    private let reportProblem: (String) -> Void

    /// Opens a new file for a session in `folder`. Throws a message a person can act on.
    public init(folder: URL, scenario: String, started: Date, reportProblem: @escaping (String) -> Void) throws(TranscriptError) {
        self.reportProblem = reportProblem
        try TranscriptFolder.prepare(folder)
        let stamp = TranscriptWriter.fileStamp(started)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let suffix = String(format: "%04x", Int.random(in: 0..<0x10000, using: &generator))
            let candidate = folder.appending(path: "\(stamp)-\(scenario)-\(suffix).jsonl")
            let opened = open(candidate.path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
            if opened >= 0 {
                fchmod(opened, 0o600)
                url = candidate
                descriptor = opened
                return
            }
            if errno != EEXIST {
                throw TranscriptError("cannot create a transcript in \(folder.path): \(SystemReason.describe(errno: errno))")
            }
        }
        throw TranscriptError("cannot find a free transcript name in \(folder.path)")
    }

    /// Writes to an already open descriptor (tests use /dev/full for a full disk).
    init(url: URL, descriptor: Int32, reportProblem: @escaping (String) -> Void) {
        self.url = url
        self.descriptor = descriptor
        self.reportProblem = reportProblem
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The session's ID: the file name without `.jsonl`.
    public var id: String { url.deletingPathExtension().lastPathComponent }

    public func append(_ record: TranscriptRecord) {
        guard descriptor >= 0 else { return }
        let bytes = Array((record.jsonLine + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = SystemReason.describe(errno: errno)
                close(descriptor)
                descriptor = -1
                reportProblem("this session is no longer being saved: \(reason).")
                return
            }
            offset += written
        }
    }

    /// "20261122-150405" in local time, for file names people sort by eye.
    static func fileStamp(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02d-%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
