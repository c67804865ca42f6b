import Foundation

/// One file moved to quarantine/: where it was, why, whose dossier it was (when the summary
/// cache knew the name), when, and whether the coach has seen it in the list.
public struct QuarantinedFile: Codable, Equatable, Sendable {
    /// Its name in quarantine/.
    public var file: String
    /// Where it was, relative to the data directory (e.g. `youths/<id>.json`).
    public var from: String
    public var reason: String
    public var youthName: String?
    public var at: Date
    public var seen: Bool

    public init(file: String, from: String, reason: String, youthName: String?, at: Date, seen: Bool = false) {
        self.file = file
        self.from = from
        self.reason = reason
        self.youthName = youthName
        self.at = at.wholeSeconds
        self.seen = seen
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        from = try c.value(.from, or: "")
        reason = try c.value(.reason, or: "")
        youthName = try c.decodeIfPresent(String.self, forKey: .youthName)
        at = try c.value(.at, or: Date(timeIntervalSince1970: 0))
        seen = try c.value(.seen, or: false)
    }
}

/// `quarantine.json` in the data directory: the files moved to quarantine/ with their reasons,
/// so the caseload list can say "N dossiers in quarantaine" until the coach has looked at them
/// (`seen`), across restarts. It is a document like settings.json; losing it loses only the list.
struct QuarantineLog: Codable {
    static let schemaVersion = 1
    /// The newest entries are kept, on reading and on writing: a log that grew by hand or by an
    /// attack costs one slow start, not every start. Older files are still in quarantine/ itself.
    static let limit = 500
    var schemaVersion = QuarantineLog.schemaVersion
    var files: [QuarantinedFile]
    /// The file read held more than `limit` entries (it is written again, shorter).
    private(set) var wasTrimmed = false

    private enum CodingKeys: String, CodingKey { case schemaVersion, files }

    init(files: [QuarantinedFile]) { self.files = Self.newest(files) }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        let stored: [QuarantinedFile] = try c.value(.files, or: [])
        files = Self.newest(stored)
        wasTrimmed = stored.count > Self.limit
    }

    /// The last `limit` entries (the log is kept newest last).
    static func newest(_ files: [QuarantinedFile]) -> [QuarantinedFile] {
        files.count > limit ? Array(files.suffix(limit)) : files
    }
}

extension CaseloadStore {
    static let quarantineLogName = "quarantine.json"

    /// Every file the program moved to quarantine/ (as far as the log remembers), newest last.
    public var quarantined: [QuarantinedFile] { quarantineLog }

    /// The quarantined files the coach has not yet looked at in the list.
    public var unseenQuarantined: [QuarantinedFile] { quarantineLog.filter { !$0.seen } }

    /// The coach opened the list: the caseload stops mentioning these files.
    public func markQuarantineSeen() {
        guard quarantineLog.contains(where: { !$0.seen }) else { return }
        for index in quarantineLog.indices { quarantineLog[index].seen = true }
        saveQuarantineLog()
    }

    func loadQuarantineLog() {
        let loaded = readDocument(QuarantineLog.self, folder: ".", name: Self.quarantineLogName, known: QuarantineLog.schemaVersion)
        // A broken log is itself set aside (and recorded) while it is read: keep that entry.
        quarantineLog = QuarantineLog.newest((loaded?.files ?? []) + quarantineLog)
        if loaded?.wasTrimmed == true { saveQuarantineLog() }
    }

    func recordQuarantined(_ entry: QuarantinedFile) {
        quarantineLog = QuarantineLog.newest(quarantineLog + [entry])
        saveQuarantineLog()
    }

    private func saveQuarantineLog() {
        guard mode == .readWrite, readOnlyReason == nil else { return }
        try? writeDocument(QuarantineLog(files: quarantineLog), folder: ".", name: Self.quarantineLogName)
    }
}
