import Foundation

/// The long field a draft belongs to. Stored in the draft file as text (`changePlan.goal`,
/// `meeting.<meeting id>.<item id>`), read back here in one place: screens only see this type.
public enum DraftField: Hashable, Sendable {
    case planPart(ChangePlan.Part)
    case agendaNotes(meetingID: String, itemID: String)
    /// A free text of the quick scan (from issue 9 on).
    case quickScan(QuickScanText)
    /// The text of a journal entry, and the note of a youth in a week's review (from schema 6).
    case journal(entryID: String)
    case reviewNote(week: ReviewWeek)

    public var stored: String {
        switch self {
        case .planPart(let part): "changePlan.\(part.rawValue)"
        case .agendaNotes(let meeting, let item): "meeting.\(meeting).\(item)"
        case .quickScan(let text): "quickScan.\(text.stored)"
        case .journal(let id): "journal.\(id)"
        case .reviewNote(let week): "review.\(week.text)"
        }
    }

    /// The field a stored name stands for; nil for a name this version does not know.
    public init?(stored: String) {
        let parts = stored.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0] == "changePlan", let part = ChangePlan.Part(rawValue: parts[1]) {
            self = .planPart(part)
        } else if parts.count == 2, parts[0] == "quickScan", let text = QuickScanText(stored: parts[1]) {
            self = .quickScan(text)
        } else if parts.count == 2, parts[0] == "journal", !parts[1].isEmpty {
            self = .journal(entryID: parts[1])
        } else if parts.count == 2, parts[0] == "review", let week = ReviewWeek(text: parts[1]) {
            self = .reviewNote(week: week)
        } else if parts.count == 3, parts[0] == "meeting", !parts[1].isEmpty, !parts[2].isEmpty {
            self = .agendaNotes(meetingID: parts[1], itemID: parts[2])
        } else {
            return nil
        }
    }
}

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

    public init(youthID: String, field: DraftField, text: String, saved: Date) {
        self.init(youthID: youthID, field: field.stored, text: text, saved: saved)
    }

    /// The field, typed; nil for one this version does not know (the draft is kept, set aside).
    public var key: DraftField? { DraftField(stored: field) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        youthID = try c.decode(String.self, forKey: .youthID)
        field = try c.decode(String.self, forKey: .field)
        text = try c.value(.text, or: "")
        saved = try c.value(.saved, or: Date(timeIntervalSince1970: 0))
    }

    var fileName: String { "\(youthID)--\(field).json" }

    /// A name that stays inside drafts/: no path separator, not hidden.
    var hasSafeFileName: Bool { !fileName.contains("/") && !fileName.hasPrefix(".") && !fileName.contains("\0") }
}

extension CaseloadStore {
    var draftsDirectory: String { directory + "/drafts" }

    /// Writes a draft now (atomically, 0600, like every file).
    public func saveDraft(_ draft: Draft) throws {
        try requireWritable()
        guard draft.hasSafeFileName else { throw StoreError.io(operation: "Concept opslaan", path: "drafts/", code: EINVAL) }
        pendingDrafts[draft.fileName] = nil
        try PrivateFiles.makeDirectory(draftsDirectory, tightenExisting: true)
        try PrivateFiles.writeAtomically(try Self.encode(draft), to: draftsDirectory + "/" + draft.fileName, simulate: simulate)
    }

    /// Keeps a draft to be written by the next `flushDrafts`: typing is not two fsyncs per key.
    /// The program flushes when the keyboard is idle a moment, at least every second while typing,
    /// and on every way out (quit, signal, hangup). A read-only directory refuses at once.
    public func keepDraft(_ draft: Draft) throws {
        try requireWritable()
        guard draft.hasSafeFileName else { throw StoreError.io(operation: "Concept opslaan", path: "drafts/", code: EINVAL) }
        if pendingDrafts.isEmpty { pendingSince = clockNow() }
        pendingDrafts[draft.fileName] = draft
    }

    /// Drafts kept but not yet written, and since when.
    public var hasPendingDrafts: Bool { !pendingDrafts.isEmpty }
    public var pendingDraftsSince: Date? { pendingDrafts.isEmpty ? nil : pendingSince }

    /// Writes every kept draft. A draft that cannot be written stays kept (tried again at the
    /// next flush); the error says why, for the coach.
    @discardableResult
    public func flushDrafts() -> Error? {
        var failure: Error?
        for draft in pendingDrafts.values.sorted(by: { $0.fileName < $1.fileName }) {
            do { try saveDraft(draft) } catch {
                pendingDrafts[draft.fileName] = draft
                failure = error
            }
        }
        if !pendingDrafts.isEmpty { pendingSince = clockNow() }
        return failure
    }

    /// Drops a draft once its text is confirmed or the coach cancelled it.
    public func removeDraft(youthID: String, field: DraftField) { removeDraft(youthID: youthID, field: field.stored) }

    public func removeDraft(youthID: String, field: String) {
        let name = Draft(youthID: youthID, field: field, text: "", saved: Date()).fileName
        pendingDrafts[name] = nil
        if unlink(draftsDirectory + "/" + name) == 0 { try? PrivateFiles.syncDirectory(draftsDirectory) }
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
