import Foundation

/// Text typed into a long field but not yet confirmed, kept on disk while it is typed so that a
/// dropped connection or a crash loses nothing. Offered back at the next start.
public struct Draft: Codable, Equatable, Sendable {
    public var youthID: String
    /// Which field, e.g. "changePlan.goal".
    public var field: String
    public var text: String
    public var saved: Date

    public init(youthID: String, field: String, text: String, saved: Date) {
        self.youthID = youthID
        self.field = field
        self.text = text
        self.saved = saved.wholeSeconds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        youthID = try c.decode(String.self, forKey: .youthID)
        field = try c.decode(String.self, forKey: .field)
        text = try c.value(.text, or: "")
        saved = try c.value(.saved, or: Date(timeIntervalSince1970: 0))
    }

    var fileName: String { "\(youthID)--\(field).json" }
}

extension CaseloadStore {
    var draftsDirectory: String { directory + "/drafts" }

    /// Keeps a draft (atomically, 0600, like every file).
    public func saveDraft(_ draft: Draft) throws {
        try requireWritable()
        try PrivateFiles.makeDirectory(draftsDirectory, tightenExisting: true)
        try PrivateFiles.writeAtomically(try Self.encode(draft), to: draftsDirectory + "/" + draft.fileName)
    }

    /// Drops a draft once its text is confirmed or the coach cancelled it.
    public func removeDraft(youthID: String, field: String) {
        let path = draftsDirectory + "/" + Draft(youthID: youthID, field: field, text: "", saved: Date()).fileName
        if unlink(path) == 0 { try? PrivateFiles.syncDirectory(draftsDirectory) }
    }

    /// Moves a draft that can no longer be put back (its field is gone) to quarantine/, so its
    /// text is kept but no longer offered. Returns where it went.
    public func setAside(_ draft: Draft) throws -> String {
        try PrivateFiles.makeDirectory(quarantineDirectory, tightenExisting: true)
        let target = "quarantine/draft-\(draft.fileName)"
        guard rename(draftsDirectory + "/" + draft.fileName, directory + "/" + target) == 0 else {
            throw StoreError.from(errno: errno, operation: "Verplaatsen", path: draft.fileName)
        }
        try PrivateFiles.syncDirectory(draftsDirectory)
        return target
    }

    /// Every draft left by an earlier session, oldest first; unreadable ones are skipped.
    public func drafts() -> [Draft] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: draftsDirectory)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .compactMap { try? PrivateFiles.readRegularFile(draftsDirectory + "/" + $0).get() }
            .compactMap { try? Self.decoder.decode(Draft.self, from: $0) }
            .sorted { $0.saved < $1.saved }
    }
}
