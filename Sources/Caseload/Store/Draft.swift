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
    /// The user manual for the employer, and the notes of a progress talk (from schema 7).
    case userManual
    case talkNotes(talkID: String)
    /// The closing note of the closing form (from schema 8).
    case closingNote

    public var stored: String {
        switch self {
        case .planPart(let part): "changePlan.\(part.rawValue)"
        case .agendaNotes(let meeting, let item): "meeting.\(meeting).\(item)"
        case .quickScan(let text): "quickScan.\(text.stored)"
        case .journal(let id): "journal.\(id)"
        case .reviewNote(let week): "review.\(week.text)"
        case .userManual: "userManual"
        case .talkNotes(let id): "talk.\(id)"
        case .closingNote: "closing.note"
        }
    }

    /// The kinds of field this version knows: the part of a stored name before its first dot.
    static let knownKinds: Set<String> = ["changePlan", "quickScan", "journal", "review", "meeting", "userManual", "talk", "closing"]

    /// What a stored field name is to this version.
    public enum Reading: Equatable, Sendable {
        case field(DraftField)
        /// A kind this version knows, but the rest does not parse (week 53 of a year with 52, a
        /// plan part that does not exist): the file is damaged or hostile, it goes to quarantine.
        case invalid(rule: String)
        /// A kind this version does not know at all: a newer version's draft, kept for it.
        case unknownKind
    }

    public static func reading(_ stored: String) -> Reading {
        if let field = DraftField(stored: stored) { return .field(field) }
        let kind = stored.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        switch kind {
        case "changePlan": return .invalid(rule: "geen deel van het veranderplan dat deze versie kent")
        case "quickScan": return .invalid(rule: "geen tekst van de quick scan die deze versie kent")
        case "journal": return .invalid(rule: "het nummer van het contact ontbreekt")
        case "review": return .invalid(rule: "geen bestaande week (jjjj-Www, jaar \(ReviewWeek.years.lowerBound) tot en met \(ReviewWeek.years.upperBound), week 53 alleen in een jaar dat die heeft)")
        case "meeting": return .invalid(rule: "verwacht meeting.<overleg>.<agendapunt>")
        case "userManual": return .invalid(rule: "verwacht userManual")
        case "talk": return .invalid(rule: "het nummer van het voortgangsgesprek ontbreekt")
        case "closing": return .invalid(rule: "verwacht closing.note")
        default: return .unknownKind
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
        } else if parts == ["userManual"] {
            self = .userManual
        } else if parts == ["closing", "note"] {
            self = .closingNote
        } else if parts.count == 2, parts[0] == "talk", !parts[1].isEmpty {
            self = .talkNotes(talkID: parts[1])
        } else if parts.count == 3, parts[0] == "meeting", !parts[1].isEmpty, !parts[2].isEmpty {
            self = .agendaNotes(meetingID: parts[1], itemID: parts[2])
        } else {
            return nil
        }
    }
}

/// Text typed into a long field but not yet confirmed, kept on disk while it is typed so that a
/// dropped connection or a crash loses nothing. Offered back at the next start; a draft kept for
/// later stays on disk until its text is opened again, and that text then opens with the draft.
///
/// A draft's contents never name a path: a draft read from disk carries the name of the file it
/// was read from (`file`), and throwing it away or setting it aside acts on that file only. A
/// file whose name is not the one its contents would be written under goes to quarantine.
public struct Draft: Codable, Equatable, Sendable {
    public var youthID: String
    /// Which field, e.g. "changePlan.goal".
    public var field: String
    public var text: String
    public var saved: Date
    /// The file in drafts/ this draft was read from; nil for a draft made in this session.
    public internal(set) var file: String?

    private enum CodingKeys: String, CodingKey { case youthID, field, text, saved }

    public init(youthID: String, field: String, text: String, saved: Date) {
        self.youthID = youthID
        self.field = field
        self.text = text
        self.saved = saved.wholeSeconds
    }

    public init(youthID: String, field: DraftField, text: String, saved: Date) {
        self.init(youthID: youthID, field: field.stored, text: text, saved: saved)
    }

    /// The field, typed; nil for one this version does not know (a newer version's: kept on
    /// disk, never opened or thrown away here). A draft read from disk whose field is of a known
    /// kind but does not parse never gets this far: it goes to quarantine at start.
    public var key: DraftField? { DraftField(stored: field) }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        youthID = try c.decode(String.self, forKey: .youthID)
        field = try c.decode(String.self, forKey: .field)
        text = try c.value(.text, or: "")
        saved = try c.value(.saved, or: Date(timeIntervalSince1970: 0))
    }

    /// The name a draft of this youth and field is written under, or nil when the two would not
    /// make a plain name inside drafts/ (a separator, a dot first, anything but letters, digits,
    /// `-` and `.`). Only the program's own typed fields pass; nothing read from a file is used.
    static func fileName(youthID: String, field: String) -> String? {
        let fieldIsPlain = !field.isEmpty && !field.hasPrefix(".") && !field.contains("..")
            && field.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard Youth.isFileNameSafe(youthID), fieldIsPlain else { return nil }
        return "\(youthID)--\(field).json"
    }

    /// The name this draft is written under (nil: it cannot be written).
    var storedName: String? { Self.fileName(youthID: youthID, field: field) }
}

extension CaseloadStore {
    var draftsDirectory: String { directory + "/drafts" }

    private static func unsafeDraftName() -> StoreError { StoreError.io(operation: "Concept opslaan", path: "drafts/", code: EINVAL) }

    /// Writes a draft now (atomically, 0600, like every file).
    public func saveDraft(_ draft: Draft) throws {
        try requireWritable()
        guard let name = draft.storedName else { throw Self.unsafeDraftName() }
        pendingDrafts[name] = nil
        try PrivateFiles.makeDirectory(draftsDirectory, tightenExisting: true)
        try PrivateFiles.writeAtomically(try Self.encode(draft), to: draftsDirectory + "/" + name, simulate: simulate)
    }

    /// Keeps a draft to be written by the next `flushDrafts`: typing is not two fsyncs per key.
    /// The program flushes when the keyboard is idle a moment, at least every second while typing,
    /// and on every way out (quit, signal, hangup). A read-only directory refuses at once.
    public func keepDraft(_ draft: Draft) throws {
        try requireWritable()
        guard let name = draft.storedName else { throw Self.unsafeDraftName() }
        if pendingDrafts.isEmpty { pendingSince = clockNow() }
        pendingDrafts[name] = draft
    }

    /// Drafts kept but not yet written, and since when.
    public var hasPendingDrafts: Bool { !pendingDrafts.isEmpty }
    public var pendingDraftsSince: Date? { pendingDrafts.isEmpty ? nil : pendingSince }

    /// Writes every kept draft. A draft that cannot be written stays kept (tried again at the
    /// next flush); the error says why, for the coach.
    @discardableResult
    public func flushDrafts() -> Error? {
        var failure: Error?
        for (name, draft) in pendingDrafts.sorted(by: { $0.key < $1.key }) {
            do { try saveDraft(draft) } catch {
                pendingDrafts[name] = draft
                failure = error
            }
        }
        if !pendingDrafts.isEmpty { pendingSince = clockNow() }
        return failure
    }

    /// The draft kept for this field of this youth (typed in this session, or left on disk by an
    /// earlier one and kept for later), for the editor that opens the field: it starts from it.
    public func keptDraft(youthID: String, field: DraftField) -> Draft? {
        guard let name = Draft.fileName(youthID: youthID, field: field.stored) else { return nil }
        if let pending = pendingDrafts[name] { return pending }
        return readDraft(fileName: name).flatMap { try? $0.get() }
    }

    /// Drops the draft of a field once its text is confirmed or the coach cancelled it.
    public func removeDraft(youthID: String, field: DraftField) {
        guard let name = Draft.fileName(youthID: youthID, field: field.stored) else { return }
        pendingDrafts[name] = nil
        removeDraftFile(name)
    }

    /// Throws away a draft offered back: the file it was read from, and nothing else.
    public func discard(_ draft: Draft) {
        guard let name = draft.file ?? draft.storedName else { return }
        pendingDrafts[name] = nil
        removeDraftFile(name)
    }

    private func removeDraftFile(_ name: String) {
        // The name is one entry of drafts/: no separator, never `.` or `..`.
        guard !name.contains("/"), !name.hasPrefix("."), mode == .readWrite, readOnlyReason == nil, folderProblem("drafts") == nil else { return }
        if unlink(draftsDirectory + "/" + name) == 0 { try? PrivateFiles.syncDirectory(draftsDirectory) }
    }

    /// Moves a draft that can no longer be put back (the contact, agenda item or review it
    /// belongs to is gone) to quarantine/, so its text is kept but no longer offered. Acts on the
    /// file the draft was read from, through the one `setAside` every file goes to quarantine by
    /// (logged in quarantine.json, mode as every quarantined file). Returns where it went.
    public func setAside(_ draft: Draft) throws -> String {
        guard let name = draft.file ?? draft.storedName, !name.contains("/"), !name.hasPrefix(".") else { throw Self.unsafeDraftName() }
        try requireWritable()
        pendingDrafts[name] = nil
        let owner = summaries.first { $0.id == draft.youthID }?.name
        setAside(fileName: name, in: "drafts", reason: .draftFieldGone, youthName: owner)
        guard let entry = quarantineLog.last, entry.from == "drafts/" + name, PrivateFiles.kind(of: draftsDirectory + "/" + name) == .missing else {
            throw StoreError.io(operation: "In quarantaine zetten", path: "drafts/" + name, code: EIO)
        }
        return "quarantine/" + entry.file
    }

    /// Every draft left by an earlier session, oldest first. In a directory that can be written,
    /// a draft that cannot be read, or whose file name is not the one its contents belong under,
    /// goes to quarantine with a notice (once: it is not offered again); elsewhere it is skipped.
    /// A link or a file in place of drafts/ is never read through, and said once (as workplaces/).
    public func drafts() -> [Draft] {
        var found: [Draft] = []
        for name in documentNames(in: "drafts") {
            switch readDraft(fileName: name) {
            case .success(let draft)?: found.append(draft)
            case .failure(let reason)?:
                if mode == .readWrite && readOnlyReason == nil {
                    // Whose it is, by the id its name starts with (never by what is inside).
                    let owner = name.components(separatedBy: "--").first.flatMap { id in summaries.first { $0.id == id }?.name }
                    setAside(fileName: name, in: "drafts", reason: reason, youthName: owner)
                }
            case nil: break
            }
        }
        return found.sorted { ($0.saved, $0.file ?? "") < ($1.saved, $1.file ?? "") }
    }

    /// One file of drafts/, read and checked: nil when it is gone.
    private func readDraft(fileName name: String) -> Result<Draft, UnreadableReason>? {
        // Never through a link or a file in place of drafts/.
        guard folderProblem("drafts") == nil else { return nil }
        let path = draftsDirectory + "/" + name
        switch PrivateFiles.readRegularFile(path, limit: FileLimits.draft) {
        case .failure(let error) where UnreadableReason(error, path: path) == .missing: return nil
        case .failure(let error): return .failure(UnreadableReason(error, path: path))
        case .success(let data):
            do {
                var draft = try Self.decodeDraft(data)
                guard draft.storedName == name else { return .failure(.draftNameMismatch) }
                if case .invalid(let rule) = DraftField.reading(draft.field) { return .failure(.invalidDraftField(rule)) }
                draft.file = name
                return .success(draft)
            } catch {
                return .failure(error)
            }
        }
    }

    /// A draft from the bytes of its file: empty, not JSON (truncated, NUL bytes, invalid UTF-8)
    /// or the wrong shape is a reason, as for every file.
    static func decodeDraft(_ data: Data) throws(UnreadableReason) -> Draft {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0 }) { throw .empty }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { throw .notJSON }
        do { return try decoder.decode(Draft.self, from: data) } catch { throw reason(for: error) }
    }
}
