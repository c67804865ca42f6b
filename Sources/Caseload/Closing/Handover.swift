import Foundation
import SafeText
#if canImport(Glibc)
import Glibc
#endif

// Handing a case to another coach, and the backup of the whole caseload: the export file
// (CaseloadExport, Store/Export.swift) written outside the data directory, and read back by
// `rodeloper import` with the loader's own checks. Every write goes through the store (`save`,
// `saveSettings`, the review writer), so each file gets the guarantees of a file the coach saved.
// Why it works this way: docs/decisions.md, "Overdragen en back-up".

/// Why an export or an import was refused, in Dutch, for stderr: it names no youth (an id's first
/// eight characters at most), and says that nothing was written.
public struct HandoverError: Error, Equatable, LocalizedError {
    public let message: String

    init(_ message: String) { self.message = message }

    public var errorDescription: String? { message }
}

/// What an import did, for the line on stdout and for the workplaces kept (stderr).
public struct ImportResult: Equatable, Sendable {
    public var kind: CaseloadExport.Kind
    /// The youths added, and those that replaced one already there (`--replace`), by id.
    public var added: [String] = []
    public var replaced: [String] = []
    public var workplacesAdded = 0
    public var workplacesIdentical = 0
    /// A line for each workplace that was here already and differs from the file's: kept, not overwritten.
    public var workplacesKept: [String] = []
    public var reviews = 0
    public var settings = false
    /// Placements whose workplace came neither with the file nor is in this caseload: the case
    /// arrives whole, but those placements show the stored name (a line on stderr says how many).
    public var placementsWithoutWorkplace = 0

    /// The line for stderr about placements whose workplace did not come along, or nil.
    public var missingWorkplacesLine: String? {
        guard placementsWithoutWorkplace > 0 else { return nil }
        let many = placementsWithoutWorkplace != 1
        return "\(placementsWithoutWorkplace) plaatsing\(many ? "en verwijzen" : " verwijst") naar een werkplek die niet in het bestand zat en "
            + "ook niet in deze caseload staat. De plaatsing\(many ? "en zijn" : " is") wel geïmporteerd, met de naam van de werkplek zoals "
            + "die bij de plaatsing bewaard is; vraag de werkplek zo nodig op bij de coach die het dossier overdroeg."
    }

    /// One Dutch line saying what was imported; ids shortened to eight characters, no names.
    public var summary: String {
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        let workplaces = "\(count(workplacesAdded, "werkplek", "werkplekken")) toegevoegd"
            + (workplacesIdentical > 0 ? ", \(workplacesIdentical) al gelijk aanwezig" : "")
            + (workplacesKept.isEmpty ? "" : ", \(workplacesKept.count) hier gehouden")
        switch kind {
        case .backup:
            return "Back-up teruggezet: \(count(added.count, "dossier", "dossiers")), \(workplaces), "
                + "\(count(reviews, "weekbespreking", "weekbesprekingen"))\(settings ? " en de instellingen" : "")."
        case .handover:
            let cases = (added.map { "dossier \($0.prefix(8)) toegevoegd" } + replaced.map { "dossier \($0.prefix(8)) vervangen" })
                .joined(separator: ", ")
            return "Overdracht geïmporteerd: \(cases); \(workplaces)."
        }
    }
}

extension CaseloadExport: ValidatedDocument {
    /// The loader's checks on every part, each fault named by its path in the export file
    /// (`youths[0].name`), and what holds between the parts: no id or week twice.
    func validate() throws(ValidationFailure) {
        if kind == .handover && youths.count != 1 {
            throw ValidationFailure("youths", "\(youths.count) dossiers", "een overdracht bevat precies één dossier; een hele caseload is een back-up (kind \"backup\")")
        }
        try Self.unique(youths.map(\.id), "youths")
        for (index, youth) in youths.enumerated() {
            do { try youth.validate() } catch { throw error.under("youths[\(index)]") }
        }
        try Self.unique(workplaces.map(\.id), "workplaces")
        for (index, workplace) in workplaces.enumerated() {
            do { try workplace.validate() } catch { throw error.under("workplaces[\(index)]") }
        }
        do { try settings?.validate() } catch { throw error.under("settings") }
        let reviews = reviews ?? []
        try Self.unique(reviews.map(\.week.text), "reviews", key: "week")
        for (index, review) in reviews.enumerated() {
            do { try review.validate() } catch { throw error.under("reviews[\(index)]") }
        }
        let ids = Set(youths.map(\.id))
        for (id, pseudonym) in (pseudonyms ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard ids.contains(id) else { throw ValidationFailure("pseudonyms", id, "geen dossier in dit bestand") }
            guard Pseudonyms.isPseudonym(pseudonym) else { throw ValidationFailure("pseudonyms.\(id)", pseudonym, "geen pseudoniem (RL- en 16 tekens 0-9, a-f)") }
        }
    }

    private static func unique(_ values: [String], _ list: String, key: String = "id") throws(ValidationFailure) {
        var seen = Set<String>()
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            throw ValidationFailure("\(list)[\(index)].\(key)", value, "dit komt twee keer voor in het bestand")
        }
    }

    /// Reads an export file for import: never through a link, never past `FileLimits.export`,
    /// refused when any part was written by a newer Rode Loper, then decoded and validated as the
    /// loader does. Every refusal names the field and says that nothing was imported.
    public static func read(from path: String) throws(HandoverError) -> CaseloadExport {
        let nothing = "Er is niets geïmporteerd."
        let data: Data
        switch PrivateFiles.readRegularFile(path, limit: FileLimits.export) {
        case .success(let read): data = read
        case .failure(let error) where error.code == EFBIG:
            throw HandoverError("\(path) is groter dan \(FileLimits.export / 1_048_576) MB, meer dan Rode Loper in één keer inleest (en meer dan een back-up ooit wordt); het is niet gelezen. \(nothing)")
        case .failure(let error) where error.code == ENOENT:
            throw HandoverError("\(path) bestaat niet. \(nothing)")
        case .failure(let error):
            throw HandoverError("\(path) kan niet worden gelezen: \(CaseloadStore.UnreadableReason(error, path: path).text). \(nothing)")
        }
        // A youth's own file (youths/<id>.json) is not an export: say so, and how to make one.
        if let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
           object["youth"] != nil, object["schemaVersion"] != nil, object["youths"] == nil {
            throw HandoverError("\(path) is een dossierbestand uit de gegevensmap (youths/NUMMER.json), geen export. Maak een export met "
                + "rodeloper export --format json --youth NUMMER --out BESTAND en importeer dat bestand. \(nothing)")
        }
        // Each part's schema before anything else: a newer part may not even decode here.
        if let versions = try? CaseloadStore.decoder.decode(Versions.self, from: data) {
            for (name, found, known) in [("dossiers", versions.schemaVersion, CaseloadStore.schemaVersion),
                                         ("werkplekken", versions.workplaceSchemaVersion, Workplace.schemaVersion),
                                         ("instellingen", versions.settingsSchemaVersion, CoachSettings.schemaVersion),
                                         ("weekbesprekingen", versions.reviewSchemaVersion, WeeklyReview.schemaVersion)] {
                if let found, found > known {
                    throw HandoverError("\(path) is gemaakt met een nieuwere versie van Rode Loper (\(name): schema \(found); deze versie kent "
                        + "tot en met schema \(known)). Werk Rode Loper bij en importeer het dan, zodat er niets verloren gaat. \(nothing)")
                }
            }
        }
        do {
            return try CaseloadStore.decodeDocument(CaseloadExport.self, from: data, known: CaseloadStore.schemaVersion).0
        } catch {
            throw HandoverError("\(path) kan niet worden geïmporteerd: \(error.text). \(nothing)")
        }
    }

    /// The schemas of the parts, read before the parts themselves.
    private struct Versions: Decodable {
        var schemaVersion: Int?
        var workplaceSchemaVersion: Int?
        var settingsSchemaVersion: Int?
        var reviewSchemaVersion: Int?
    }

    /// Writes the export to `path`, all or nothing and 0600 (`ExportFile.write`). An existing file
    /// is replaced: a backup is made again under the same name.
    public func write(to path: String, outside dataDirectory: String) throws {
        try ExportFile.write(try json(), to: path, outside: dataDirectory, example: "rodeloper-backup.json")
    }
}

/// A file written for outside the program (a backup, a handover, a calendar, a research export).
public enum ExportFile {
    /// Writes `data` to `path`, all or nothing and 0600 (`PrivateFiles.writeAtomically`).
    /// Refused: a link at `path` (never followed, never replaced), anything there that is no
    /// regular file, a folder that does not exist, and a place inside the data directory
    /// `dataDirectory` (an export kept there is lost with it, and the program owns its folders).
    /// `example` is a file name the coach could give when `path` is a folder.
    public static func write(_ data: Data, to path: String, outside dataDirectory: String, example: String) throws {
        let folder = try checkedFolder(of: path, outside: dataDirectory, example: example)
        try PrivateFiles.writeAtomically(data, to: folder + "/" + (path as NSString).lastPathComponent)
    }

    /// The real folder `path` is written into, after the refusals `write` names.
    static func checkedFolder(of path: String, outside dataDirectory: String, example: String) throws -> String {
        let nothing = "Er is niets geschreven."
        switch PrivateFiles.kind(of: path) {
        case .missing, .regular: break
        case .symbolicLink:
            throw HandoverError("\(SafeText.escaped(path)) is een symbolische koppeling. Rode Loper volgt die niet en schrijft er niet overheen; kies een andere bestandsnaam. \(nothing)")
        case .directory:
            throw HandoverError("\(SafeText.escaped(path)) is een map; geef de naam van een bestand, bijvoorbeeld \(SafeText.escaped(path))/\(example). \(nothing)")
        case let other:
            throw HandoverError("\(SafeText.escaped(path)) is geen gewoon bestand maar \(CaseloadStore.UnreadableReason.describe(other)). \(nothing)")
        }
        return try realFolder(of: path, outside: dataDirectory)
    }

    /// The real path of the folder `path` lies in; refused when it does not exist or lies inside
    /// the data directory.
    public static func realFolder(of path: String, outside dataDirectory: String) throws -> String {
        let nothing = "Er is niets geschreven."
        let folder = (path as NSString).deletingLastPathComponent
        guard let realFolder = realPath(folder.isEmpty ? "." : folder), PrivateFiles.kind(of: realFolder) == .directory else {
            throw HandoverError("De map \(SafeText.escaped(folder)) bestaat niet. \(nothing)")
        }
        if let realData = realPath(dataDirectory), realFolder == realData || realFolder.hasPrefix(realData + "/") {
            throw HandoverError("\(SafeText.escaped(path)) ligt in de gegevensmap \(SafeText.escaped(dataDirectory)). Een export hoort daarbuiten: een export in de gegevensmap gaat "
                + "samen met die map verloren, en in zijn eigen mappen wil Rode Loper alleen zijn eigen bestanden. Kies een andere map. \(nothing)")
        }
        return realFolder
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The encoded youths of one batch of a backup: set on another thread before its group is left,
/// read only after waiting for the group.
private final class EncodedBatch: @unchecked Sendable {
    var result: Result<[Data], Error> = .success([])
}

extension ValidationFailure {
    /// The same failure, its field named from the top of a larger document (`youths[0].name`).
    func under(_ path: String) -> ValidationFailure { ValidationFailure(path + "." + field, value, rule) }
}

extension CaseloadStore {
    /// One case for another coach: the youth with every record, and the workplaces its placements
    /// refer to (those that can be read here). Drafts stay behind. A file a newer Rode Loper wrote
    /// is refused: this version would hand over less than there is.
    public func handover(youthID id: String, exportedAt: Date) throws -> CaseloadExport {
        let youth = try youth(id: id)
        // Opened for export (read-only, no reason of its own), the only reason left is a newer file.
        if let reason = readOnlyReason(for: id) { throw HandoverError("Niet geëxporteerd: \(reason)") }
        let referred = Set(youth.placements.map(\.workplaceID))
        return CaseloadExport(kind: .handover, youths: [youth], workplaces: workplaces.filter { referred.contains($0.id) },
                              pseudonyms: try pseudonymsForExport(of: [youth.id]), exportedAt: exportedAt)
    }

    /// The whole caseload as a backup: every youth, the workplaces, settings.json (when there is
    /// one) and the stored weekly reviews. Refused when any of those files cannot be included
    /// whole (unreadable, behind a link, or written by a newer Rode Loper): a restore would lose
    /// it without a word. The refusal names the files by path, never a youth. Holds every youth:
    /// `writeBackup` writes the same document youth by youth.
    public func backup(exportedAt: Date) throws -> CaseloadExport {
        var (export, ids) = try backupWithoutYouths(exportedAt: exportedAt)
        forEachYouth(ids) { export.youths.append($0) }
        try refuseIncompleteBackup()
        return export
    }

    /// The backup written to `writer` youth by youth, byte for byte as `backup(exportedAt:).json()`,
    /// with one youth in memory at a time; returns how many youths it holds. Refused as `backup`
    /// is, before anything is written when a file is known not to fit whole (found at opening).
    /// A youth file found unreadable only while writing (changed since) refuses too: the end of
    /// the document is then never written, so what reached the writer does not import.
    public func writeBackup(exportedAt: Date, to writer: ExportWriter) throws -> Int {
        // A backup that import could not read back is never made: refused before the first byte
        // when the youth files alone are too large, and before its end when it grew past the limit.
        guard youthFileBytes <= FileLimits.export else { throw HandoverError(Self.backupTooLarge) }
        let (export, ids) = try backupWithoutYouths(exportedAt: exportedAt)
        try writer.write(try export.head())
        // Reading and encoding take about as long: a batch is encoded on another core while the
        // next is read, then written in order. At most two batches are in memory.
        var count = 0
        var encoding: (done: DispatchGroup, parts: EncodedBatch)?
        func writeEncoded() throws {
            guard let (done, parts) = encoding else { return }
            done.wait()
            encoding = nil
            for part in try parts.result.get() {
                if count > 0 { try writer.write(CaseloadExport.youthSeparator) }
                try writer.write(part)
                count += 1
            }
        }
        var batch: [Youth] = []
        func encodeBatch() throws {
            try writeEncoded()
            let parts = EncodedBatch(), done = DispatchGroup(), youths = batch
            DispatchQueue.global().async(group: done) { parts.result = Result { try youths.map(CaseloadExport.youthPart) } }
            encoding = (done, parts)
            batch = []
        }
        try forEachYouth(ids) { youth in
            batch.append(youth)
            if batch.count == 32 { try encodeBatch() }
        }
        try encodeBatch()
        try writeEncoded()
        try refuseIncompleteBackup()
        guard writer.bytesWritten + CaseloadExport.tail.count <= FileLimits.export else { throw HandoverError(Self.backupTooLarge) }
        try writer.write(CaseloadExport.tail)
        try writer.flush()
        return count
    }

    static let backupTooLarge = "Geen back-up gemaakt: die zou groter worden dan \(FileLimits.export / 1_048_576) MB, meer dan import in één keer "
        + "kan inlezen, en een back-up die niet terug kan, is geen back-up. Kopieer in plaats daarvan de hele gegevensmap terwijl Rode Loper gesloten is "
        + "(bijvoorbeeld met tar); die kopie is de caseload zelf. Er is niets geschreven."

    /// The backup's every part but the youths, and the ids of the youths in the order they are
    /// written; refused when a file already known does not fit whole.
    private func backupWithoutYouths(exportedAt: Date) throws -> (CaseloadExport, [String]) {
        let reviews = documentNames(in: Self.reviewsFolder).compactMap { ReviewWeek(text: String($0.dropLast(5))) }.compactMap { review(of: $0) }
        try refuseIncompleteBackup()
        let ids = idsByName()
        let export = CaseloadExport(kind: .backup, youths: [], workplaces: workplaces, settings: hasSettingsFile ? settings : nil,
                                    reviews: reviews, pseudonyms: try pseudonymsForExport(of: ids, backup: true), exportedAt: exportedAt)
        return (export, ids)
    }

    /// Refuses a backup while any file cannot be included whole (`notWhole`, newer youth files).
    private func refuseIncompleteBackup() throws {
        for (id, schema) in newerFiles { notWhole["youths/\(id).json"] = UnreadableReason.newerSchema(schema).text }
        guard notWhole.isEmpty else {
            let files = notWhole.sorted { $0.key < $1.key }.map { "- \(SafeText.escaped($0.key)): \($0.value)" }
            throw HandoverError("Geen back-up gemaakt: \(notWhole.count == 1 ? "dit bestand kan" : "deze \(notWhole.count) bestanden kunnen") er niet "
                + "heel in, en een teruggezette back-up zou \(notWhole.count == 1 ? "het" : "ze") zonder melding missen:\n"
                + files.joined(separator: "\n") + "\n"
                + "Start Rode Loper één keer gewoon (rodeloper): onleesbare bestanden gaan dan naar quarantine/ en de rest kan in de back-up. "
                + "Is een bestand gemaakt met een nieuwere versie van Rode Loper, maak de back-up dan met die versie. "
                + "Vervang een symbolische koppeling door een gewone map. Er is niets geschreven.")
        }
    }

    /// Whether the directory holds anything a restore could overwrite or mix with: youths,
    /// workplaces, reviews, drafts or quarantined files. settings.json alone does not count: a
    /// new laptop where Rode Loper was started once has the coach's name, and the backup's wins.
    public var holdsCaseData: Bool {
        holdsData || !documentNames(in: Self.reviewsFolder).isEmpty || !drafts().isEmpty
    }

    /// Adds what `export` holds to this caseload, after every check has passed (nothing is
    /// written when one fails):
    /// - a backup only into a directory without case data (`holdsCaseData`), restored exactly:
    ///   the youths, workplaces, reviews and settings as they were written;
    /// - a handover refuses a youth already here unless `replace`, and one whose file here a
    ///   newer Rode Loper wrote. Its workplaces are merged by id: a missing one is added, one
    ///   here already is kept (a line in `workplacesKept` when it differs).
    /// The ids and `updated` of every record are kept, so an exported case comes back identical.
    public func importExport(_ export: CaseloadExport, replace: Bool) throws -> ImportResult {
        try requireWritable()
        let nothing = "Er is niets geïmporteerd."
        try Self.refuseTooLarge(export, nothing: nothing)
        var result = ImportResult(kind: export.kind)
        // A damaged research.json refuses before anything is written; the pseudonyms go first, so a
        // case is never here under a pseudonym other than the one it brought.
        let carried = export.pseudonyms ?? [:]
        if !carried.isEmpty { _ = try readResearchFile() }
        switch export.kind {
        case .backup:
            guard !replace else {
                throw HandoverError("--replace hoort bij de overdracht van een dossier. Dit bestand is een back-up van een hele caseload; "
                    + "die wordt alleen in een lege gegevensmap teruggezet. \(nothing)")
            }
            guard !holdsCaseData else {
                throw HandoverError("Dit bestand is een back-up van een hele caseload, en de gegevensmap \(directory) bevat al gegevens. "
                    + "Een back-up wordt alleen in een lege gegevensmap teruggezet (rodeloper --data-dir NIEUWE-MAP import BESTAND), "
                    + "zodat er niets wordt overschreven of vermengd; losse dossiers draagt u over met export --format json --youth ID. \(nothing)")
            }
            try keepCarried(carried)
            for workplace in export.workplaces { try save(workplace, updatedAt: workplace.updated) }
            for youth in export.youths { try save(youth, updatedAt: youth.updated) }
            for review in export.reviews ?? [] { try save(review) }
            if let settings = export.settings { try saveSettings(settings) }
            result.added = export.youths.map(\.id)
            result.workplacesAdded = export.workplaces.count
            result.reviews = export.reviews?.count ?? 0
            result.settings = export.settings != nil
        case .handover:
            let here = Set(summaries.map(\.id))
            for youth in export.youths where here.contains(youth.id) {
                guard replace else {
                    throw HandoverError("Het dossier \(youth.id.prefix(8)) staat al in deze caseload. Geef --replace om het te vervangen door "
                        + "het dossier uit het bestand (wat hier in dat dossier staat, gaat dan verloren). \(nothing)")
                }
                if let reason = readOnlyReason(for: youth.id) { throw HandoverError("\(reason) \(nothing)") }
            }
            var added: [Workplace] = []
            for workplace in export.workplaces {
                let relative = Self.workplacesFolder + "/" + workplace.id + ".json"
                if let existing = self.workplace(id: workplace.id) {
                    var compared = workplace
                    compared.updated = existing.updated
                    if compared == existing {
                        result.workplacesIdentical += 1
                    } else {
                        result.workplacesKept.append("De werkplek \(existing.name) (\(workplace.id.prefix(8))) staat hier al en verschilt van die in "
                            + "het bestand; de werkplek hier is gehouden, niet overschreven.")
                    }
                } else if newerDocuments[relative] != nil {
                    result.workplacesKept.append("De werkplek \(workplace.name) (\(workplace.id.prefix(8))) staat hier al, gemaakt met een nieuwere "
                        + "versie van Rode Loper; die is gehouden, niet overschreven.")
                } else {
                    added.append(workplace)
                }
            }
            let known = Set(workplaceCache.keys).union(export.workplaces.map(\.id))
            result.placementsWithoutWorkplace = export.youths.flatMap(\.placements).filter { !known.contains($0.workplaceID) }.count
            try keepCarried(carried)
            // The workplaces first: the youth's placements never point at one that is not there.
            for workplace in added { try save(workplace, updatedAt: workplace.updated) }
            for youth in export.youths {
                try save(youth, updatedAt: youth.updated)
                if here.contains(youth.id) { result.replaced.append(youth.id) } else { result.added.append(youth.id) }
            }
            result.workplacesAdded = added.count
        }
        saveIndex()
        return result
    }

    /// Refuses, before anything is written, a part whose file would be larger than the next start
    /// reads (`FileLimits`): written, it would go to quarantine unread.
    private static func refuseTooLarge(_ export: CaseloadExport, nothing: String) throws {
        func check(_ data: Data, _ limit: Int, _ what: String) throws {
            guard data.count > limit else { return }
            throw HandoverError("\(what) in het bestand is ruim \(data.count / 1_048_576) MB, groter dan de \(limit / 1_048_576) MB die Rode Loper "
                + "bij het starten leest; het zou in quarantaine gaan. \(nothing)")
        }
        for youth in export.youths { try check(try encode(YouthRecord(youth: youth)), FileLimits.youth, "Het dossier \(youth.id.prefix(8))") }
        for workplace in export.workplaces { try check(try encode(WorkplaceRecord(workplace: workplace)), FileLimits.document, "De werkplek \(workplace.id.prefix(8))") }
        for review in export.reviews ?? [] { try check(try encode(ReviewRecord(review: review)), FileLimits.document, "De weekbespreking van \(review.week.text)") }
        if let settings = export.settings { try check(try encode(settings), FileLimits.settings, "Het instellingenbestand") }
    }
}
