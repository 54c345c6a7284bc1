import Foundation

/// The user's own dialogue files: `--dialogues DIR` and `${XDG_CONFIG_HOME:-~/.config}/rapport/dialogues`.
public enum UserDialogues {
    /// The folders to read, the option's first. The config folder is only read if it exists.
    public static func folders(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var folders: [URL] = []
        if let option, !option.isEmpty { folders.append(URL(fileURLWithPath: option)) }
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        folders.append(URL(fileURLWithPath: config).appending(path: "rapport/dialogues"))
        return folders
    }

    /// Reads `*.yaml` files from the folders: a file that cannot be read or is too big is
    /// reported and skipped. An explicitly given folder that is missing is a problem; the
    /// default config folder may be absent.
    public static func files(in folders: [URL], explicit: URL?) -> (files: [(path: String, text: String)], problems: [Diagnostic]) {
        var files: [(path: String, text: String)] = []
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        for folder in folders {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                if folder == explicit { problems.append(Diagnostic(file: folder.path, message: "no such folder")) }
                continue
            }
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: folder.path)
            } catch {
                problems.append(Diagnostic(file: folder.path, message: "cannot read this folder: \(SystemReason.describe(error))"))
                continue
            }
            for name in names.sorted() where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") {
                let path = folder.appending(path: name).path
                if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int, size > YAMLGuard.maximumBytes {
                    problems.append(Diagnostic(file: path, message: "the file is larger than 1 MiB; a dialogue file should be far smaller"))
                    continue
                }
                guard let data = manager.contents(atPath: path) else {
                    problems.append(Diagnostic(file: path, message: "cannot read this file (check its permissions)"))
                    continue
                }
                files.append((path, String(decoding: data, as: UTF8.self)))
            }
        }
        return (files, problems)
    }

    /// Loads the user's dialogues into `library`; returns every problem found.
    public static func add(to library: inout DialogueLibrary, folders: [URL], explicit: URL?) -> [Diagnostic] {
        let (files, readProblems) = self.files(in: folders, explicit: explicit)
        let (dialogues, loadProblems) = DialogueLibrary.load(files)
        return readProblems + loadProblems + library.add(dialogues)
    }
}
