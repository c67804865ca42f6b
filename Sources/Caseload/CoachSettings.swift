import Foundation
import SafeText

/// The coach's own settings, in `settings.json` in the data directory: the name that fills in
/// "gescoord door" of a new ZRM measurement and the chair of a new meeting. It has its own
/// `schemaVersion` and is read as tolerantly as every stored type (docs/data-format.md).
public struct CoachSettings: Codable, Equatable, Sendable {
    public static let schemaVersion = 1

    /// The coach's name as they want it on measurements and meetings; may be empty.
    public var coachName: String

    public init(coachName: String = "") {
        self.coachName = coachName
    }

    private enum CodingKeys: String, CodingKey { case schemaVersion, coachName }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        if version > Self.schemaVersion {
            throw ValidationFailure("schemaVersion", String(version), "gemaakt door een nieuwere versie van Rode Loper")
        }
        coachName = try c.value(.coachName, or: "")
        if coachName.unicodeScalars.contains(where: SafeText.needsEscape) {
            throw ValidationFailure("coachName", coachName, "een naam zonder stuurtekens")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(coachName, forKey: .coachName)
    }
}

extension CaseloadStore {
    var settingsPath: String { directory + "/settings.json" }

    /// Reads settings.json: missing gives the defaults; an unreadable or invalid file is moved to
    /// quarantine with a notice (never overwritten), and the defaults are used.
    func loadSettings() -> (CoachSettings, exists: Bool) {
        switch PrivateFiles.readRegularFile(settingsPath) {
        case .success(let data):
            do {
                return (try Self.decoder.decode(CoachSettings.self, from: data), true)
            } catch let failure as ValidationFailure {
                if mode == .readWrite { setAsideSettings(reason: .invalid(failure)) }
            } catch {
                if mode == .readWrite { setAsideSettings(reason: .notJSON) }
            }
        case .failure(let error) where error.code == ENOENT:
            break
        case .failure(let error):
            if mode == .readWrite { setAsideSettings(reason: .cannotOpen(error.code)) }
        }
        return (CoachSettings(), false)
    }

    /// Writes the settings at once and atomically (0600), like a youth.
    public func saveSettings(_ settings: CoachSettings) throws {
        try requireWritable()
        try PrivateFiles.writeAtomically(try Self.encode(settings), to: settingsPath, simulate: simulate)
        storeSettings(settings)
    }
}
