import Foundation

/// Where transcripts live, and making that folder private.
public enum TranscriptFolder {
    /// `--transcripts DIR`, else `RAPPORT_TRANSCRIPTS`, else `${XDG_DATA_HOME:-~/.local/share}/rapport/transcripts`.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let variable = environment["RAPPORT_TRANSCRIPTS"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        let data = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return URL(fileURLWithPath: data).appending(path: "rapport/transcripts")
    }

    /// Creates the folder (and its parents) if needed and makes it 0700.
    public static func prepare(_ folder: URL) throws(TranscriptError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            var reason = SystemReason.describe(error)
            if let file = firstFile(above: folder) {
                reason = file == folder ? "it is a file, not a folder" : "\(file.path) is a file, not a folder"
            }
            throw TranscriptError("cannot create the transcript folder \(folder.path): \(reason)")
        }
        if chmod(folder.path, 0o700) != 0 {
            throw TranscriptError("cannot make \(folder.path) private: \(SystemReason.describe(errno: errno))")
        }
    }

    /// The nearest part of `folder`'s path (itself included) that exists and is not a
    /// folder: what stops a `mkdir -p`. Nil when that is not the trouble.
    static func firstFile(above folder: URL) -> URL? {
        var candidate = folder
        while candidate.path != "/" && !candidate.path.isEmpty {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) {
                return isFolder.boolValue ? nil : candidate
            }
            candidate = candidate.deletingLastPathComponent()
        }
        return nil
    }
}
