import Foundation
import SafeText
#if canImport(Glibc)
import Glibc
#endif

// Erasing one dossier (its retention term is over, or the young person asked, AVG art. 17):
// every trace in the data directory goes, and erasures.json records only that it happened.

/// One day's erasures in erasures.json: the day and how many dossiers were erased on it. Nothing
/// else: no name, no number, no time of day, nothing that could point at a young person.
public struct ErasureCount: Codable, Equatable, Sendable {
    public var date: LocalDate
    public var count: Int

    public init(date: LocalDate, count: Int) {
        self.date = date
        self.count = count
    }

    private enum CodingKeys: String, CodingKey { case date, count }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decode(LocalDate.self, forKey: .date)
        count = try c.value(.count, or: 1)
    }
}

/// `erasures.json` in the data directory: `{"schemaVersion": 1, "erasures": [{"date": …, "count": …}]}`,
/// one entry per day, oldest first.
struct ErasureLog: Codable, ValidatedDocument {
    static let schemaVersion = 1
    static let fileName = "erasures.json"
    var schemaVersion = ErasureLog.schemaVersion
    var erasures: [ErasureCount]

    init(erasures: [ErasureCount]) { self.erasures = erasures }

    private enum CodingKeys: String, CodingKey { case schemaVersion, erasures }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        erasures = try c.value(.erasures, or: [])
    }

    func validate() throws(ValidationFailure) {
        for (index, entry) in erasures.enumerated() {
            guard entry.count >= 1 else { throw ValidationFailure("erasures[\(index)].count", String(entry.count), "minstens 1") }
            if index > 0, erasures[index - 1].date >= entry.date {
                throw ValidationFailure("erasures[\(index)].date", entry.date.iso, "één regel per dag, oudste eerst")
            }
        }
    }

    /// The log with one more erasure on `day`.
    func adding(on day: LocalDate) -> ErasureLog {
        var log = self
        if let index = log.erasures.firstIndex(where: { $0.date == day }) {
            log.erasures[index].count += 1
        } else {
            log.erasures.append(ErasureCount(date: day, count: 1))
            log.erasures.sort { $0.date < $1.date }
        }
        return log
    }
}

/// What in the data directory belongs to one youth or names it: found before an erasure (the
/// confirmation says what will go) and after one that stopped midway (what is left).
public struct ErasureTraces: Equatable, Sendable {
    public var youthFile = false
    /// Names in drafts/, with the drafts kept in memory and not yet written.
    public var drafts: [String] = []
    /// Exports of the youth in exports/ (removed) and week summaries naming it (made again without it).
    public var exports: [String] = []
    public var weekSummaries: [String] = []
    public var quarantined: [String] = []
    /// Entries of quarantine.json about the youth's files, also of files no longer in quarantine/.
    public var quarantineEntries = 0
    /// Weeks whose stored review has a page of the youth.
    public var reviews: [ReviewWeek] = []
    public var indexEntry = false
    /// Files that hold the youth (its number or name) but cannot be rewritten without it (damaged,
    /// unreadable, or not a document of this version), relative to the data directory: removed whole.
    public var damaged: [String] = []

    public var isEmpty: Bool { self == ErasureTraces() }

    /// "het dossier, 2 concepten, 1 export en de pagina's in 2 weekbesprekingen", for the coach.
    public var text: String {
        func counted(_ count: Int, _ one: String, _ many: String) -> String? {
            count == 0 ? nil : "\(count) \(count == 1 ? one : many)"
        }
        let parts = [youthFile ? "het dossier" : nil,
                     counted(drafts.count, "concept", "concepten"),
                     counted(exports.count, "export", "exports"),
                     weekSummaries.isEmpty ? nil : "de jongere in \(weekSummaries.count == 1 ? "1 weeksamenvatting" : "\(weekSummaries.count) weeksamenvattingen") in exports/",
                     counted(quarantined.count, "bestand in quarantaine", "bestanden in quarantaine"),
                     quarantined.isEmpty && quarantineEntries > 0 ? "de vermelding in het quarantaineoverzicht" : nil,
                     reviews.isEmpty ? nil : "de pagina's in \(reviews.count == 1 ? "1 weekbespreking" : "\(reviews.count) weekbesprekingen")",
                     damaged.isEmpty ? nil : "\(counted(damaged.count, "beschadigd bestand", "beschadigde bestanden") ?? "") (\(damaged.joined(separator: ", ")))",
                     !youthFile && indexEntry ? "de regel in index.cache" : nil].compactMap { $0 }
        guard let last = parts.last else { return "niets" }
        return parts.count == 1 ? last : parts.dropLast().joined(separator: ", ") + " en " + last
    }
}

/// Why an erasure was refused or stopped, in words for the coach.
public struct ErasureFailure: Error, Equatable, LocalizedError {
    public let message: String
    public var errorDescription: String? { message }
}

extension CaseloadStore {
    /// Closed cases whose retention term (`settings.retentionMonths` after closing) is over on
    /// `today`, the one closed longest ago first.
    public func pastRetention(today: LocalDate) -> [YouthSummary] {
        summaries.filter { $0.isPastRetention(months: settings.retentionMonths, today: today) }
            .sorted { ($0.closedOn ?? today, $0.name.sortKey, $0.id) < ($1.closedOn ?? today, $1.name.sortKey, $1.id) }
    }

    /// The days on which dossiers were erased, with how many (erasures.json).
    public var erasureCounts: [ErasureCount] {
        readDocument(ErasureLog.self, folder: ".", name: ErasureLog.fileName, known: ErasureLog.schemaVersion)?.erasures ?? []
    }

    /// What erasing the youth `id` would remove, for the confirmation; refused (with the reason)
    /// when it could not be erased here.
    public func erasureTraces(id: String) throws -> ErasureTraces {
        let name = try erasable(id)
        return traces(id: id, name: name)
    }

    /// Erases the youth `id` with every trace (see `ErasureTraces`), then adds one to today's
    /// count in erasures.json. Each removal is made durable at once. The youth's own file goes
    /// last, so an erasure that stops midway (the error says what is left) can simply be tried
    /// again. Returns what was removed.
    @discardableResult
    public func erase(id: String, today: LocalDate) throws -> ErasureTraces {
        let name = try erasable(id)
        let found = traces(id: id, name: name)
        do {
            for draft in found.drafts { pendingDrafts[draft] = nil }
            try remove(found.drafts, in: draftsDirectory)
            for week in found.reviews { try removePages(of: id, from: week) }
            for file in found.damaged {
                let folder = (file as NSString).deletingLastPathComponent
                try remove([(file as NSString).lastPathComponent], in: folder.isEmpty ? directory : directory + "/" + folder)
            }
            try remove(found.exports, in: exportsDirectory)
            for summary in found.weekSummaries { try rewriteWeekSummary(summary) }
            try remove(found.quarantined, in: quarantineDirectory)
            if found.quarantineEntries > 0 {
                let gone = Set(found.quarantined)
                quarantineLog.removeAll { Self.isAbout($0, id: id, name: name, gone: gone) }
                try writeDocument(QuarantineLog(files: quarantineLog), folder: ".", name: Self.quarantineLogName)
            }
            // A pseudonym the case brought along from another coach names its id in research.json.
            try forgetCarried(id)
            if found.youthFile { try remove([id + ".json"], in: youthsDirectory) }
        } catch {
            let left = traces(id: id, name: name)
            throw ErasureFailure(message: "Het wissen is onderbroken: \(error.localizedDescription) Nog niet gewist: \(left.text). "
                                 + "Wat al weg is, blijft weg; probeer het opnieuw om de rest te wissen.")
        }
        notices.removeAll { $0.youthName == name || $0.message.contains(id) }
        forget(id)
        saveIndex()
        let erasedMessage = "Het dossier is gewist"
        if indexChanged {
            throw ErasureFailure(message: "\(erasedMessage), maar index.cache kon niet worden bijgewerkt en noemt de naam nog; "
                                 + "dat gebeurt vanzelf bij de volgende start.")
        }
        do {
            let log = readDocument(ErasureLog.self, folder: ".", name: ErasureLog.fileName, known: ErasureLog.schemaVersion) ?? ErasureLog(erasures: [])
            try writeDocument(log.adding(on: today), folder: ".", name: ErasureLog.fileName)
        } catch {
            throw ErasureFailure(message: "\(erasedMessage), maar het wislogboek (erasures.json) kon niet worden bijgewerkt: \(error.localizedDescription)")
        }
        return found
    }

    /// The youth's name when it can be erased here; refused with the reason when the directory
    /// is read-only, the dossier or a weekly review holding it was written by a newer Rode Loper
    /// (erasing would have to rewrite what this version cannot), or the log cannot be written.
    private func erasable(_ id: String) throws -> String {
        do { try requireWritable() } catch { throw ErasureFailure(message: "Niet gewist. \(error.localizedDescription)") }
        guard Youth.isFileNameSafe(id), let summary = summaries.first(where: { $0.id == id }) else {
            throw ErasureFailure(message: StoreError.notFound(id: id).localizedDescription)
        }
        if let reason = readOnlyReason(for: id) { throw ErasureFailure(message: "Niet gewist. \(reason)") }
        let marks = YouthMarks(id: id, name: summary.name)
        // Reading sets a newer file apart as one never to write (and an unreadable one aside).
        _ = erasureCounts
        for week in weeks(naming: marks) { _ = review(of: week) }
        let newer = [ErasureLog.fileName, Self.quarantineLogName] + weeks(naming: marks).map { Self.reviewsFolder + "/" + $0.text + ".json" }
        if let file = newer.first(where: { newerDocuments[$0] != nil }), let schema = newerDocuments[file] {
            throw ErasureFailure(message: "Niet gewist: \(file) is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)) "
                                 + "en kan hier niet worden herschreven. Wis het dossier met die nieuwere versie; er is niets verwijderd.")
        }
        return summary.name
    }

    /// Every trace of the youth `id` named `name` (see `ErasureTraces`).
    private func traces(id: String, name: String) -> ErasureTraces {
        var found = ErasureTraces()
        found.youthFile = PrivateFiles.kind(of: youthsDirectory + "/" + id + ".json") != .missing
        found.indexEntry = summaries.contains { $0.id == id }
        let draftPrefix = id + "--"
        found.drafts = Array(Set(entryNames(in: draftsDirectory).filter { $0.hasPrefix(draftPrefix) || $0.hasPrefix("." + draftPrefix) }
                                 + pendingDrafts.keys.filter { $0.hasPrefix(draftPrefix) })).sorted()
        let held = YouthMarks(id: id, name: name)
        let reviewsDirectory = directory + "/" + Self.reviewsFolder
        for week in weeks(naming: held) {
            // A review that holds only a namesake's page stays; one that cannot be read goes whole.
            if let review = review(of: week) {
                if review.items.contains(where: { $0.youthID == id }) { found.reviews.append(week) }
            } else if PrivateFiles.kind(of: reviewsDirectory + "/" + week.text + ".json") != .missing {
                found.damaged.append(Self.reviewsFolder + "/" + week.text + ".json")
            }
        }
        // What a crash left in reviews/ (never read as a review) goes when it holds the youth.
        let documents = Set(documentNames(in: Self.reviewsFolder))
        found.damaged += entryNames(in: reviewsDirectory).filter { !documents.contains($0) && fileHolds(reviewsDirectory + "/" + $0, held) }
            .map { Self.reviewsFolder + "/" + $0 }
        let marks = ExportMarks(id: id, name: name)
        let otherTags = summaries.filter { $0.id != id }.map { Self.exportTag(youthID: $0.id) }
        for file in entryNames(in: exportsDirectory) {
            let path = exportsDirectory + "/" + file
            if marks.isExport(file) {
                found.exports.append(file)
            } else if Self.weekOfSummary(file) != nil {
                if fileHolds(path, held, orWeekOf: found.reviews) { found.weekSummaries.append(file) }
            } else if !otherTags.contains(where: { (file as NSString).deletingPathExtension.hasSuffix($0) }), fileHolds(path, held) {
                // Any other file naming the youth, unless it is another youth's export.
                found.exports.append(file)
            }
        }
        let logged = Dictionary(quarantineLog.map { ($0.file, $0.from) }, uniquingKeysWith: { first, _ in first })
        found.quarantined = entryNames(in: quarantineDirectory).filter { file in
            file.contains(id) || marks.isExport(file) || logged[file].map { Self.isOwnFile($0, of: id) } == true
                || fileHolds(quarantineDirectory + "/" + file, held)
        }
        let gone = Set(found.quarantined)
        found.quarantineEntries = quarantineLog.filter { Self.isAbout($0, id: id, name: name, gone: gone) }.count
        return found
    }

    /// An entry of quarantine.json about the youth: of a file removed with it, one of its own
    /// files, or one that names it.
    private static func isAbout(_ entry: QuarantinedFile, id: String, name: String, gone: Set<String>) -> Bool {
        gone.contains(entry.file) || isOwnFile(entry.from, of: id) || entry.youthName == name
    }

    /// A path relative to the data directory that is a file of the youth's own (its dossier, a
    /// draft, or what a crash left while one was written).
    private static func isOwnFile(_ relative: String, of id: String) -> Bool {
        ["youths/\(id).json", "youths/.\(id).json", "drafts/\(id)--", "drafts/.\(id)--"].contains { relative.hasPrefix($0) }
    }

    /// The weeks whose stored review holds the youth's number or name (a page of the youth, a
    /// namesake's, or a file cut off before the number).
    private func weeks(naming marks: YouthMarks) -> [ReviewWeek] {
        documentNames(in: Self.reviewsFolder).filter { fileHolds(directory + "/" + Self.reviewsFolder + "/" + $0, marks) }
            .compactMap { ReviewWeek(text: String($0.dropLast(5))) }
    }

    /// True when the regular file at `path` holds one of `marks` (or, for a week summary, is of one of `weeks`).
    private func fileHolds(_ path: String, _ marks: YouthMarks, orWeekOf weeks: [ReviewWeek] = []) -> Bool {
        if let week = Self.weekOfSummary((path as NSString).lastPathComponent), weeks.contains(week) { return true }
        guard case .success(let data) = PrivateFiles.readRegularFile(path, limit: FileLimits.youth) else { return false }
        return marks.forms.contains { data.range(of: $0) != nil }
    }

    /// Every entry of a folder but `.` and `..`, none followed.
    private func entryNames(in folder: String) -> [String] {
        guard PrivateFiles.kind(of: folder) == .directory else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Removes entries of `folder` (never through a link: the link itself goes) and makes it durable.
    private func remove(_ names: [String], in folder: String) throws {
        var removed = false
        for name in names where !name.contains("/") && name != "." && name != ".." {
            let path = folder + "/" + name
            switch PrivateFiles.kind(of: path) {
            case .missing: continue
            case .directory: try FileManager.default.removeItem(atPath: path)
            default:
                guard unlink(path) == 0 else { throw StoreError.from(errno: errno, operation: "Verwijderen", path: (folder as NSString).lastPathComponent + "/") }
            }
            removed = true
        }
        if removed { try PrivateFiles.syncDirectory(folder) }
    }

    /// Rewrites the review of `week` without the youth's page, keeping the coach on the page
    /// that was open (or the one after the removed page). A review left without pages stays.
    private func removePages(of id: String, from week: ReviewWeek) throws {
        guard var review = review(of: week), review.items.contains(where: { $0.youthID == id }) else { return }
        let open = review.items.indices.contains(review.position) ? review.items[review.position].youthID : nil
        review.items.removeAll { $0.youthID == id }
        review.position = review.items.firstIndex { $0.youthID == open } ?? min(review.position, max(0, review.items.count - 1))
        try save(review)
    }

    /// A week's summary in exports/ made again from the review as it now is; removed when that
    /// review is no longer stored.
    private func rewriteWeekSummary(_ file: String) throws {
        guard let week = Self.weekOfSummary(file), let format = MeetingDocument.Format.allCases.first(where: { file.hasSuffix("." + $0.fileExtension) }),
              let review = review(of: week) else {
            return try remove([file], in: exportsDirectory)
        }
        try writeExport(ReviewSummary.render(review, coachName: settings.coachName, format: format), named: file)
    }

    /// The week of `weekbespreking-2026-W47.md` (or `.txt`), the name `ReviewSummary.fileName` gives.
    private static func weekOfSummary(_ file: String) -> ReviewWeek? {
        let prefix = "weekbespreking-"
        guard file.hasPrefix(prefix), let dot = file.lastIndex(of: ".") else { return nil }
        let week = ReviewWeek(text: String(file[file.index(file.startIndex, offsetBy: prefix.count)..<dot]))
        return week.flatMap { ReviewSummary.fileName(WeeklyReview(week: $0, started: Date(), items: []), format: .markdown) == file
                              || ReviewSummary.fileName(WeeklyReview(week: $0, started: Date(), items: []), format: .text) == file ? $0 : nil }
    }

    /// The number an export of one youth carries before its extension: `-nr` and the first
    /// eight characters of the id, as the youth screen shows it.
    static func exportTag(youthID: String) -> String { "-nr" + youthID.prefix(8).lowercased() }

    /// `veranderplan-zoe-2026-11-22.md` → `veranderplan-zoe-2026-11-22-nr3f2a9c1e.md`.
    static func exportName(_ name: String, youthID: String) -> String {
        let stem = (name as NSString).deletingPathExtension
        let fileExtension = (name as NSString).pathExtension
        return stem + exportTag(youthID: youthID) + (fileExtension.isEmpty ? "" : "." + fileExtension)
    }
}

/// What shows a file holds one youth: its number, and its name as the files write it (plain
/// UTF-8, escaped for a document, and escaped inside a JSON string).
struct YouthMarks {
    let forms: [Data]

    init(id: String, name: String) {
        var texts = [id, name, SafeText.escaped(name)]
        if let json = try? CaseloadStore.encode(name), let text = String(data: json, encoding: .utf8) {
            texts.append(String(text.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst().dropLast()))
        }
        forms = Array(Set(texts.filter { !$0.isEmpty })).sorted().map { Data($0.utf8) }
    }
}

/// How an export file of one youth is recognised: by the number it carries (this version on), or
/// by the name in plain letters in the names earlier versions gave (`veranderplan-`,
/// `aanbevelingsbrief-`, `agenda-`, `verslag-` + name + day; `handout-` + name + workplace + day).
/// An older export of a namesake goes too: it is a copy, and can be made again.
struct ExportMarks {
    let tag: String
    let plain: String
    let handoutPlain: String

    init(id: String, name: String) {
        tag = CaseloadStore.exportTag(youthID: id)
        // A name without letters or digits: the plan and the letter were named by the id.
        let plain = PlanMarkdown.plain(name)
        self.plain = plain.isEmpty ? id : plain
        handoutPlain = Handout.plain(name, or: id)
    }

    func isExport(_ file: String) -> Bool {
        // Also a temporary copy a crash left (`.name.md.tmp-…`), and one set aside in quarantine/.
        let name = file.components(separatedBy: PrivateFiles.temporaryMarker)[0]
        let stem = (name as NSString).deletingPathExtension
        if stem.hasSuffix(tag) { return true }
        guard stem.count > 11, LocalDate(iso: String(stem.suffix(10))) != nil else { return false }
        let head = String(stem.dropLast(11))
        let kinds = ["veranderplan-", "aanbevelingsbrief-", "agenda-", "verslag-"].map { $0 + plain }
        return kinds.contains { head.hasSuffix($0) && (head == $0 || head.dropLast($0.count).hasSuffix("-") || head.dropLast($0.count).hasSuffix(".")) }
            || head.range(of: "handout-" + handoutPlain + "-") != nil
    }
}

extension YouthSummary {
    /// Whole months since the retention term of this closed case ended (0 in its first month past
    /// the term); nil when it is not past the term.
    public func monthsPastRetention(months: Int, today: LocalDate) -> Int? {
        guard isPastRetention(months: months, today: today), let end = closedOn?.adding(months: months) else { return nil }
        var past = (today.year - end.year) * 12 + today.month - end.month
        while past > 0 && end.adding(months: past) > today { past -= 1 }
        return past
    }
}
