import Foundation

/// Where an export was written, so that a coach who does not know the data directory finds the
/// file: its full path (a path relative to the data directory joined to it). Drawn through
/// `Canvas.put`, which escapes it as everything from outside.
enum ExportPlace {
    static func fullPath(_ path: String, in directory: String) -> String {
        URL(fileURLWithPath: path.hasPrefix("/") ? path : directory + "/" + path).standardizedFileURL.path
    }
}
