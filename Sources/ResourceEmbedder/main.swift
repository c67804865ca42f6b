import Foundation

// Usage: ResourceEmbedder OUTPUT.swift FILE...
// Writes a Swift file with each input's bytes as base64 (no escaping pitfalls), keyed by file name.
let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: ResourceEmbedder OUTPUT.swift FILE...\n".utf8))
    exit(2)
}
var source = "// Generated from Resources/ at build time. Do not edit.\n"
let entries = try arguments.dropFirst().map { path in
    let url = URL(fileURLWithPath: path)
    return "        \"\(url.lastPathComponent)\": \"\(try Data(contentsOf: url).base64EncodedString())\",\n"
}
source += "enum EmbeddedResources {\n    static let base64: [String: String] = [\n"
source += entries.isEmpty ? "        :\n" : entries.joined()
source += "    ]\n}\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
