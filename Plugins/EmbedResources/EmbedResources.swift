import Foundation
import PackagePlugin

/// Embeds the package's top-level `Dialogues/*.yaml` and everything under `Vocabulary/`
/// into a generated Swift source, so the built binary carries its data wherever it is copied.
/// The files are the command's inputs, so editing one rebuilds the target.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let groups: [(name: String, folder: URL, recursive: Bool, extensions: Set<String>)] = [
            ("dialogues", root.appending(path: "Dialogues"), false, ["yaml", "yml"]),
            ("vocabulary", root.appending(path: "Vocabulary"), true, ["txt", "rules", "tsv"]),
        ]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        for group in groups {
            // The tool lists the folder itself, so a file added since SwiftPM last planned the
            // build is still embedded; the folders are inputs so that adding one re-runs it.
            // (Editing such a new file in place is only noticed once SwiftPM plans again,
            // e.g. after `touch Package.swift`; the embedded-data test catches it.)
            arguments.append("\(group.name)=\(group.folder.path)")
            let files = listFiles(in: group.folder, recursive: group.recursive)
                .filter { group.extensions.contains($0.pathExtension) }
            inputs += files + folders(in: group.folder, recursive: group.recursive)
        }
        return [
            .buildCommand(
                displayName: "Embedding dialogues and vocabulary",
                executable: try context.tool(named: "RapportEmbed").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func folders(in folder: URL, recursive: Bool) -> [URL] {
        guard recursive else { return [folder] }
        return [folder] + listFiles(in: folder, recursive: false).filter(\.hasDirectoryPath).flatMap { folders(in: $0, recursive: true) }
    }

    private func listFiles(in folder: URL, recursive: Bool) -> [URL] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else { return [] }
        var files: [URL] = []
        for name in names where !name.hasPrefix(".") {
            let url = folder.appending(path: name)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                files += recursive ? listFiles(in: url, recursive: true) : [folder.appending(path: name + "/")]
            } else {
                files.append(url)
            }
        }
        return files
    }
}
