import Foundation

/// The data files of the top-level Resources/ folder, compiled into the program.
public enum AppResources {
    /// The bytes of a bundled file, or nil when no file of that name was bundled.
    public static func data(named name: String) -> Data? {
        EmbeddedResources.base64[name].flatMap { Data(base64Encoded: $0) }
    }
}
