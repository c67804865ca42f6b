import Foundation
import SafeText

// Files beside the youths (settings.json, reviews/…) get the same guarantees through this one
// mechanism: read without following links, checked, set aside to quarantine when unreadable
// (never overwritten), left in place and never written when a newer Rode Loper wrote them, and
// written atomically with 0600.

extension CaseloadStore {
    /// The document at `name` in `folder` ("." for the data directory itself), or nil when it is
    /// missing, unreadable (then set aside, with a notice) or too new to read.
    func readDocument<T: Decodable>(_ type: T.Type, folder: String, name: String, known: Int,
                                    validate: (T) throws -> Void = { _ in }) -> T? {
        let relative = folder == "." ? name : folder + "/" + name
        let path = directory + "/" + relative
        // Never through a link or a file in place of the folder, in either mode.
        if folder != ".", folderProblem(folder) != nil {
            noteRefusedFolder(folder)
            return nil
        }
        let reason: UnreadableReason
        switch PrivateFiles.readRegularFile(path, limit: FileLimits.limit(for: path)) {
        case .failure(let error) where UnreadableReason(error, path: path) == .missing:
            return nil
        case .failure(let error):
            reason = UnreadableReason(error, path: path)
        case .success(let data):
            do {
                let (value, schema) = try Self.decodeDocument(type, from: data, known: known, validate: validate)
                if schema > known {
                    newerDocuments[relative] = schema
                    noteNewer(relative, schema: schema, readable: true)
                }
                return value
            } catch .newerSchema(let schema) {
                newerDocuments[relative] = schema
                noteNewer(relative, schema: schema, readable: false)
                return nil
            } catch {
                reason = error
            }
        }
        if mode == .readWrite {
            setAside(fileName: name, in: folder, reason: reason)
        } else {
            notices.append(StoreNotice(message: "\(SafeText.escaped(relative)) is niet leesbaar: \(reason.text)."))
            noteNotWhole(relative, reason)
        }
        return nil
    }

    /// A settings, review or workplace file read here in part or not at all: a backup would miss
    /// it. The logs beside them (quarantine.json, erasures.json) are not part of a backup.
    private func noteNotWhole(_ relative: String, _ reason: UnreadableReason) {
        if StoredDocumentKind(relative: relative) != .other { notWhole[relative] = reason.text }
    }

    private func noteNewer(_ relative: String, schema: Int, readable: Bool) {
        noteNotWhole(relative, .newerSchema(schema))
        let shown = "\(StoredDocumentKind(relative: relative).name) (\(SafeText.escaped(relative)))"
        notices.append(StoreNotice(message: readable
            ? "\(shown) is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)); het is hier alleen te lezen en blijft ongewijzigd staan."
            : "\(shown) is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)) en kan hier niet worden gelezen. Het blijft ongewijzigd staan."))
    }

    /// Writes a document at once and atomically (0600; its folder 0700). Refused for a file a
    /// newer Rode Loper wrote, and in a directory opened for reading.
    func writeDocument<T: Encodable>(_ value: T, folder: String, name: String) throws {
        try requireWritable()
        let relative = folder == "." ? name : folder + "/" + name
        if let schema = newerDocuments[relative] { throw StoreError.newerDocument(StoredDocumentKind(relative: relative), schema: schema) }
        try Self.refuseInvalid(value)
        if folder != "." {
            if let problem = folderProblem(folder) { throw problem }
            try PrivateFiles.makeDirectory(directory + "/" + folder, tightenExisting: true)
        }
        let data = try Self.encode(value)
        try Self.refuseTooLarge(data, limit: FileLimits.limit(for: directory + "/" + relative), what: StoredDocumentKind(relative: relative).name.lowercased())
        try PrivateFiles.writeAtomically(data, to: directory + "/" + relative, simulate: simulate)
    }

    /// Refuses to write a file larger than the next start reads of its kind (`FileLimits`): it
    /// would go to quarantine there, unread.
    static func refuseTooLarge(_ data: Data, limit: Int, what: String) throws(StoreError) {
        if data.count > limit { throw .tooLarge(what: what, size: data.count, limit: limit) }
    }

    /// Refuses to write what the next start would refuse to read: the same `validate()` that
    /// loading runs, its failure as a `StoreError` naming the field.
    static func refuseInvalid<T>(_ value: T) throws(StoreError) {
        do { try (value as? ValidatedDocument)?.validate() } catch { throw .invalid(error) }
    }

    /// Sets aside the documents of `folder` whose name this version would never read (a review
    /// file named after a week that does not exist, such as `0000-W01.json` or `2025-W53.json`),
    /// so that nothing reaches a week calculation with an impossible week. Read-only: notices.
    func setAsideMisnamed(in folder: String, isValidName: (String) -> Bool, reason: UnreadableReason) {
        for name in documentNames(in: folder) where !isValidName(name) {
            // A name that is not UTF-8 is listed with U+FFFD in its place: said as such.
            let path = directory + "/" + folder + "/" + name
            let reason = name.contains("\u{FFFD}") && PrivateFiles.kind(of: path) == .missing ? .undecodableName : reason
            if mode == .readWrite {
                setAside(fileName: name, in: folder, reason: reason)
            } else {
                notices.append(StoreNotice(message: "\(folder)/\(SafeText.escaped(name)) is niet leesbaar: \(reason.text)."))
                noteNotWhole(folder + "/" + name, reason)
            }
        }
    }

    /// Why `folder` cannot be used: a link or a file in its place; nil when it is a folder or missing.
    public func folderProblem(_ folder: String) -> StoreError? {
        switch PrivateFiles.kind(of: directory + "/" + folder) {
        case .directory, .missing: nil
        case .symbolicLink: .unusableFolder(folder, link: true)
        default: .unusableFolder(folder, link: false)
        }
    }

    /// A link or a file in place of `folder` is never read through, and said once.
    private func noteRefusedFolder(_ folder: String) {
        guard let problem = folderProblem(folder) else { return }
        // A backup holds no drafts: a link in place of drafts/ does not make it incomplete.
        if folder != "drafts" { notWhole[folder + "/"] = problem.localizedDescription }
        if refusedFolders.insert(folder).inserted { notices.append(StoreNotice(message: problem.localizedDescription)) }
    }

    /// The names of the documents in `folder` that end in `.json` (no hidden or temporary ones).
    func documentNames(in folder: String) -> [String] {
        let kind = PrivateFiles.kind(of: directory + "/" + folder)
        guard kind == .directory else {
            noteRefusedFolder(folder)
            return []
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
    }
}

/// Finds the number Foundation refused without naming it (see `CaseloadStore.reason(for:in:)`).
enum StoredNumbers {
    /// The path (`items[2].score`) of the first number in `data` that is not a whole number an
    /// `Int` holds, keys in sorted order as the files are written; nil when there is none.
    static func firstNotWhole(in data: Data) -> String? {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return search(root, path: "")
    }

    private static func search(_ value: Any, path: String) -> String? {
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                let name = StoredCodingMessage.key(key)
                if let found = search(object[key] as Any, path: path.isEmpty ? name : path + "." + name) { return found }
            }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() {
                if let found = search(element, path: path + "[\(index)]") { return found }
            }
        } else if let number = value as? NSNumber, !(value is Bool) {
            let double = number.doubleValue
            if !double.isFinite || double.rounded() != double || Int(exactly: double) == nil { return path }
        }
        return nil
    }
}
