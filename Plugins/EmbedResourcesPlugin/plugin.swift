import Foundation
import PackagePlugin

/// Turns every file in the package's top-level Resources/ into Swift source, so the data
/// travels inside the binary and a copy in ~/.local/bin still finds it.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let names = try FileManager.default.contentsOfDirectory(atPath: resources.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
        let inputs = names.map { resources.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) resource files",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
