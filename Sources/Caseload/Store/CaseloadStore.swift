import Foundation
import SafeText
#if canImport(Glibc)
import Glibc
#endif

/// What the caseload list needs of a youth, kept in a cache so that opening years of closed
/// cases does not read every file.
public struct YouthSummary: Codable, Equatable, Sendable, Identifiable, DueFacts {
    public var id: String
    public var name: String
    public var dateOfBirth: LocalDate?
    public var phase: Phase
    public var phaseSince: LocalDate?
    public var updated: Date
    /// Life domains scored 1 in the latest ZRM measurement.
    public var acuteDomains: Int
    public var measurementCount: Int
    /// The open action due first, for the list.
    public var nextAction: String?
    public var nextActionDue: LocalDate?
    /// The dates of the youth's wrap-around meetings, for the agenda across the caseload.
    public var meetingDates: [LocalDate]
    /// Open actions with a deadline, for the agenda across the caseload: what, who, when, and
    /// whether it was agreed in a wrap-around meeting.
    public var openActions: [OpenAction]
    /// The last real contact (journal, scout attempt that reached the youth, agreement); the
    /// 0-meting and the moments taken (for the meting that is due); attempts to reach a youth in
    /// scout (from schema 6).
    public var lastContact: LocalDate?
    public var zeroMeting: LocalDate?
    public var momentsTaken: [MeasurementMoment]
    public var scoutAttempts: Int
    public var started: LocalDate?
    /// Every placement, for the caseload row and a workplace's history (from rules version 3).
    public var placements: [PlacementSummary]
    /// The end of the method (from rules version 4): the borg intensity in Borgen, the day a
    /// closed case was closed and the outcome in force, the open escalations.
    public var borgStep: BorgStep?
    public var closedOn: LocalDate?
    public var outcome: Outcome?
    public var outcomeDetail: String?
    public var openEscalations: [OpenEscalation]

    public struct OpenEscalation: Codable, Equatable, Sendable {
        public var id: String
        public var level: EscalationLevel
        public var raisedOn: LocalDate
        public var question: String
    }

    public struct OpenAction: Codable, Equatable, Sendable {
        public var what: String
        public var owner: String
        public var due: LocalDate
        public var agreedInMeeting: Bool
    }

    public init(_ youth: Youth) {
        id = youth.id
        name = youth.name
        dateOfBirth = youth.dateOfBirth
        phase = youth.phase
        phaseSince = youth.phaseSince
        updated = youth.updated
        acuteDomains = youth.latestMeasurement?.acuteDomains.count ?? 0
        measurementCount = youth.measurements.count
        nextAction = youth.nextAction?.what
        nextActionDue = youth.nextAction?.due
        meetingDates = youth.meetingsInOrder.map(\.date)
        openActions = youth.actionsInOrder.filter { $0.status == .open }.compactMap { action in
            action.due.map { OpenAction(what: action.what, owner: youth.ownerName(action.owner), due: $0, agreedInMeeting: action.meetingID != nil) }
        }
        lastContact = youth.lastContact
        zeroMeting = youth.zeroMeting
        momentsTaken = youth.momentsTaken
        scoutAttempts = youth.scoutAttempts.count
        started = youth.started
        placements = youth.placementsInOrder.map(PlacementSummary.init)
        borgStep = youth.borgStep
        closedOn = youth.closedOn
        outcome = youth.currentClosure?.outcome
        outcomeDetail = youth.currentClosure?.outcomeDetail
        openEscalations = youth.openEscalations.map { OpenEscalation(id: $0.id, level: $0.level, raisedOn: $0.raisedOn, question: $0.question) }
    }

    /// "regulier werk" or "anders: …", for a closed case with a recorded closure.
    public var outcomeText: String? {
        outcome.map { outcome in (outcomeDetail ?? "").isEmpty ? outcome.label : "\(outcome.label): \(outcomeDetail ?? "")" }
    }

    public func age(on day: LocalDate) -> Int? { dateOfBirth.map { $0.years(until: day) } }

    /// The lopende placement that started last, else the next planned one (as `Youth.currentPlacement`).
    public var currentPlacement: PlacementSummary? {
        placements.last { $0.status == .running } ?? placements.first { $0.status == .planned }
    }

    /// Raised when what a summary holds or means changes without a new file schema (2: scout
    /// contacts count for `lastContact`; 3: placements; 4: borg, closing and escalations), so that
    /// a cached index is built again.
    static let rulesVersion = 4
}

/// The caseload on disk: one JSON file per youth in `youths/`, written atomically, with an
/// exclusive lock on the directory and a quarantine folder for files that cannot be read.
///
/// `index.cache` is only a cache of summaries, checked against each file's inode, size and mtime:
/// the youth files are the truth, and a stale or broken cache is simply rebuilt.
public final class CaseloadStore {
    public enum Mode: Sendable {
        /// Takes the lock, creates folders, quarantines unreadable files.
        case readWrite
        /// For export: no lock, touches nothing, reports unreadable files.
        case readOnly
    }

    /// 2 added ZRM measurements and the quick scan, 3 the veranderplan, its actions, the people
    /// around the youth, wrap-around meetings and consent; 4 wrote action owners and agenda
    /// sources as `{"kind": …}` and corrections as codes; 5 added the quick scan's
    /// `suspectedIntellectualDisability` (vermoeden LVB); 6 the contact journal, scout attempts
    /// and agreement (`journal`, `scoutAttempts`, `agreedOn`) and a consent's end date (`until`);
    /// 7 placements, progress talks and the user manual (`placements`, `progressTalks`, `userManual`);
    /// 8 the end of the method: borg intensity, closures with their outcome, reopenings and
    /// escalations (`borgSteps`, `closures`, `reopenings`, `escalations`), and a placement's ending
    /// `caseClosed`; 9 a consent's `purpose` (sharing, or research for the action research). Files of every earlier version open
    /// (Tests/Samples holds one of each). A file of a newer version is shown but never written:
    /// this program would drop what the newer one added.
    public static let schemaVersion = 9

    public let directory: String
    public let mode: Mode
    public internal(set) var notices: [StoreNotice] = []
    /// Why nothing can be written, when the data directory turned out read-only at opening.
    public private(set) var readOnlyReason: String?
    /// Youths whose file a newer Rode Loper wrote, by id, with that file's schema.
    private(set) var newerFiles: [String: Int] = [:]
    /// Other documents (settings, reviews) a newer Rode Loper wrote, by path in the data
    /// directory, with their schema: read where they can be, never written.
    var newerDocuments: [String: Int] = [:]
    private let lock: DirectoryLock?
    private let clock: () -> Date
    private var entries = SummaryTable()
    private(set) var indexChanged = false
    /// The coach's settings (settings.json), and whether that file exists: the welcome screen asks
    /// for the coach's name once.
    public private(set) var settings = CoachSettings()
    public private(set) var hasSettingsFile = false
    /// Drafts kept by `keepDraft`, by file name, written by `flushDrafts`.
    var pendingDrafts: [String: Draft] = [:]
    var pendingSince = Date()
    /// What quarantine.json remembers of the files moved to quarantine/ (QuarantineLog.swift).
    var quarantineLog: [QuarantinedFile] = []
    /// Folders beside the youths (reviews/, workplaces/) found to be a link or a file: said once.
    var refusedFolders: Set<String> = []
    /// Files of the data directory read here only in part or not at all (read-only: not set aside),
    /// by path in the data directory, with why: a backup refuses while there is any.
    var notWhole: [String: String] = [:]
    /// The workplaces, read once at opening (WorkplaceStore.swift).
    var workplaceCache: [String: Workplace] = [:]
    func clockNow() -> Date { clock() }
    /// For tests: make the next writes fail as a full disk or a crash would.
    var simulate: PrivateFiles.SimulatedFailure?

    var youthsDirectory: String { directory + "/youths" }
    var quarantineDirectory: String { directory + "/quarantine" }
    var indexPath: String { directory + "/index.cache" }

    /// Opens the data directory. In `.readWrite` mode a directory that cannot be written (a
    /// read-only disk) opens for reading only, with `readOnlyReason` saying why.
    public init(directory: String, mode: Mode = .readWrite, clock: @escaping () -> Date = Date.init,
                simulate: PrivateFiles.SimulatedFailure? = nil, progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws {
        self.directory = directory
        self.clock = clock
        self.simulate = simulate
        var mode = mode
        var lock: DirectoryLock?
        if mode == .readWrite {
            do {
                try PrivateFiles.makeDirectory(directory, tightenExisting: false)
                if simulate == .readOnlyDirectory { throw StoreError.readOnlyFileSystem }
                // A folder the coach made read-only stays so: nothing is written, not even the lock.
                let ours = ["", "/youths", "/drafts", "/reviews", "/workplaces"].map { directory + $0 }
                if let folder = PrivateFiles.firstReadOnlyFolder(ours) {
                    throw StoreError.madeReadOnly(folder: folder == directory ? "de gegevensmap" : "de map " + String(folder.dropFirst(directory.count + 1)) + "/")
                }
                lock = try DirectoryLock(directory: directory, quarantine: directory + "/quarantine", aside: Self.stampFormatter.string(from: clock()))
                try PrivateFiles.makeDirectory(directory + "/youths", tightenExisting: true)
                Self.tightenOwnEntries(in: directory)
                Self.removeLegacyIndex(in: directory)
            } catch let error as StoreError where error.meansReadOnly && FileManager.default.fileExists(atPath: directory) {
                mode = .readOnly
                lock = nil
                if case .madeReadOnly(let folder) = error {
                    readOnlyReason = "\(folder) is alleen-lezen gemaakt (zonder schrijfrecht); Rode Loper laat dat zo."
                } else {
                    readOnlyReason = error == .readOnlyFileSystem
                        ? "de gegevensmap staat op een schijf die alleen gelezen kan worden."
                        : "er mag niet geschreven worden in de gegevensmap."
                }
            }
        }
        self.mode = mode
        self.lock = lock
        loadQuarantineLog()
        if let moved = lock?.movedAside {
            let reason = (lock?.movedAsideKind.map { UnreadableReason.notAFile($0) } ?? .hardLinkedLock).text
            notices.append(StoreNotice(message: ".lock kon niet worden gebruikt: \(reason). Het is ongewijzigd verplaatst naar quarantine/\(moved); de rechten ervan zijn niet veranderd."))
            recordQuarantined(QuarantinedFile(file: moved, from: ".lock", reason: reason, youthName: nil, at: clock()))
        }
        try load(progress: progress)
        // A review file named after a week that does not exist goes to quarantine at the start.
        setAsideMisnamed(in: Self.reviewsFolder, isValidName: { name in
            ReviewWeek(text: String(name.dropLast(5))).map { $0.text + ".json" } == name
        }, reason: .misnamed("de bestandsnaam is geen bestaande week (jjjj-Www.json, jaar \(ReviewWeek.years.lowerBound) tot en met \(ReviewWeek.years.upperBound))"))
        (settings, hasSettingsFile) = loadSettings()
        workplaceCache = loadWorkplaces()
    }

    /// The folders of the data directory the program owns, and the files at its top.
    static let ownFolders = ["youths", "drafts", "exports", "quarantine", "reviews", "workplaces"]
    static let ownFiles = ["settings.json", "index.cache", quarantineLogName, ErasureLog.fileName, ResearchSecretFile.fileName]

    /// What an earlier version or a copy left readable by others (a folder 0755, `index.cache`
    /// with names and dates of birth 0644) is private from the start, not only once written
    /// again. Only removes group and other bits, so a folder made read-only stays so; never
    /// through a link, never a file with other names. The data directory itself keeps its mode.
    private static func tightenOwnEntries(in directory: String) {
        for folder in ownFolders { PrivateFiles.tightenFolder(directory + "/" + folder) }
        let top = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return }
        defer { close(top) }
        for name in ownFiles { PrivateFiles.tightenEntry(name, in: top, filesOnly: true) }
    }

    /// The summary cache of versions before index.cache was JSON named index.json: a copy of names
    /// that nothing reads any more goes, rather than staying behind stale. Only a regular file.
    private static func removeLegacyIndex(in directory: String) {
        let path = directory + "/index.json"
        if PrivateFiles.kind(of: path) == .regular { unlink(path) }
    }

    func storeSettings(_ settings: CoachSettings) {
        self.settings = settings
        hasSettingsFile = true
    }

    /// Why this youth cannot be changed here, or nil when it can.
    public func readOnlyReason(for id: String) -> String? {
        if let readOnlyReason { return StoreError.readOnlyDirectory(reason: readOnlyReason).localizedDescription }
        return newerFiles[id].map { StoreError.newerVersion(schema: $0).localizedDescription }
    }

    public var summaries: [YouthSummary] { entries.values.map(\.summary) }
    public var count: Int { entries.count }
    /// The bytes of every youth file as last read: what a backup of them at least takes.
    var youthFileBytes: Int { entries.values.reduce(0) { $0 + Int(clamping: $1.file.size) } }
    /// One youth's summary, or nil when it is not (or no longer) in the caseload.
    public func summary(id: String) -> YouthSummary? { entries[id]?.summary }

    /// The ids whose summary changed (saved, forgotten) since opening, in order: a screen that
    /// keeps its own view of the caseload (the list's order) updates only those youths.
    private var changedIDs: [String] = []
    /// How many summary changes there have been; give it back to `changedIDs(since:)`.
    public var summaryRevision: Int { changedIDs.count }
    public func changedIDs(since revision: Int) -> ArraySlice<String> { changedIDs[min(max(0, revision), changedIDs.count)...] }

    /// True when the directory holds youths, workplaces or quarantined files: the demo refuses to write there.
    public var holdsData: Bool {
        !entries.isEmpty || !workplaceCache.isEmpty || !((try? FileManager.default.contentsOfDirectory(atPath: quarantineDirectory)) ?? []).isEmpty
    }

    /// The full record of one youth, read from its file.
    public func youth(id: String) throws -> Youth {
        // An id is a file name in youths/, never a path.
        guard Youth.isFileNameSafe(id) else {
            throw StoreError.notFound(id: id)
        }
        let name = id + ".json"
        switch readYouth(fileName: name) {
        case .success(let youth):
            return youth
        case .failure(let reason):
            if case .missing = reason {
                forget(id)
                throw StoreError.notFound(id: id)
            }
            // A newer program's file stays where it is, as at the start.
            let newer = if case .newerSchema = reason { true } else { false }
            guard mode == .readWrite, !newer else {
                throw StoreError.unreadable(message: "youths/\(name) is niet leesbaar: \(reason.text).")
            }
            let notice = setAside(fileName: name, reason: reason, youthName: entries[id]?.summary.name)
            forget(id)
            throw StoreError.unreadable(message: notice.message)
        }
    }

    /// The full id for an id or a unique start of one (at least 4 characters), as shown on screen;
    /// a start that fits no dossier, or more than one, is refused saying which.
    public func resolveID(_ prefix: String) throws(StoreError) -> String {
        let lowered = prefix.lowercased()
        if entries[lowered] != nil { return lowered }
        let matches = lowered.count >= 4 ? entries.keys.filter { $0.hasPrefix(lowered) } : []
        if matches.count > 1 { throw .ambiguous(typed: prefix, count: matches.count) }
        guard let match = matches.first else { throw .noMatch(typed: prefix) }
        return match
    }

    /// Writes a youth to disk at once and atomically, stamping `updated` with now (or with
    /// `updatedAt`, for the demo). Returns what was saved.
    @discardableResult
    public func save(_ youth: Youth, updatedAt: Date? = nil) throws -> Youth {
        try requireWritable()
        if let schema = newerFiles[youth.id] { throw StoreError.newerVersion(schema: schema) }
        var saved = youth
        saved.updated = (updatedAt ?? clock()).wholeSeconds
        try Self.refuseInvalid(YouthRecord(youth: saved))
        let path = youthsDirectory + "/\(saved.id).json"
        let data = try Self.encode(YouthRecord(youth: saved))
        try Self.refuseTooLarge(data, limit: FileLimits.youth, what: "het dossier")
        try PrivateFiles.writeAtomically(data, to: path, simulate: simulate)
        if let identity = PrivateFiles.identity(of: path) {
            entries[saved.id] = IndexEntry(summary: YouthSummary(saved), file: identity)
            indexChanged = true
        }
        changedIDs.append(saved.id)
        return saved
    }

    /// Refuses a write to a directory opened for reading only, saying why.
    func requireWritable() throws(StoreError) {
        if let readOnlyReason { throw StoreError.readOnlyDirectory(reason: readOnlyReason) }
        guard mode == .readWrite else { throw StoreError.readOnlyDirectory(reason: "dit programma is geopend om alleen te lezen.") }
    }

    /// Every readable youth, by id. Holds them all: the exports and reports read youth by youth
    /// with `forEachYouth` instead.
    public func allYouths() -> [Youth] {
        var youths: [Youth] = []
        forEachYouth { youths.append($0) }
        return youths
    }

    /// Reads the youths `ids` (every youth by id when nil) one at a time and hands each to `body`,
    /// so that no more than one record is in memory. A file that cannot be read is skipped and
    /// becomes a notice, and is remembered in `notWhole` (a backup refuses while there is any).
    public func forEachYouth(_ ids: [String]? = nil, _ body: (Youth) throws -> Void) rethrows {
        for id in ids ?? entries.keys.sorted() {
            switch readYouth(fileName: id + ".json") {
            case .success(let youth):
                try body(youth)
            case .failure(let reason):
                notices.append(StoreNotice(message: "youths/\(id).json is niet leesbaar: \(reason.text)."))
                notWhole["youths/\(id).json"] = reason.text
            }
        }
    }

    /// The ids of every youth in the order of an export: by name the Dutch way (`sortKey`), a
    /// name twice by id. Each name is folded once, not in every comparison.
    func idsByName() -> [String] {
        entries.values.map { ($0.summary.name.sortKey, $0.summary.id) }.sorted(by: <).map(\.1)
    }

    /// Writes the summary cache when it changed. Call before quitting; losing it costs only time.
    public func saveIndex() {
        guard mode == .readWrite, indexChanged else { return }
        // A newer program's file is never cached: each start reads it again and knows not to write it.
        let cached = entries.values.filter { newerFiles[$0.summary.id] == nil }.sorted { $0.summary.id < $1.summary.id }
        if (try? PrivateFiles.writeAtomically(IndexFile.encode(cached), to: indexPath)) != nil {
            indexChanged = false
        }
    }

    // MARK: - Loading

    /// How many youth files are read side by side, and how many are handed out at once: enough
    /// to keep every core busy, few enough that the progress line moves.
    private static let readers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    private static let batch = 64

    private func load(progress: ((_ done: Int, _ total: Int) -> Void)?) throws {
        // Never read through a link or past a file in place of youths/: refused as the read-write start refuses it.
        switch PrivateFiles.kind(of: youthsDirectory) {
        case .directory, .missing: break
        case .symbolicLink: throw StoreError.symbolicLink(path: youthsDirectory)
        default: throw StoreError.io(operation: "Map openen", path: youthsDirectory, code: ENOTDIR)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: youthsDirectory).sorted()
        } catch {
            if mode == .readOnly && !FileManager.default.fileExists(atPath: directory) {
                throw StoreError.noDataDirectory(directory)
            }
            if mode == .readOnly && !FileManager.default.fileExists(atPath: youthsDirectory) { return }
            throw StoreError.io(operation: "Map lezen", path: youthsDirectory, code: EIO)
        }
        let total = names.count(where: { !$0.hasPrefix(".") && $0.hasSuffix(".json") })
        // Each file's identity is asked relative to the open folder: no path walked 10,000 times.
        let folder = open(youthsDirectory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        progress?(0, total)

        // The identities are asked on another core while this one parses the cache (a start
        // with a valid cache is these two and little else).
        let identities = IdentityList(count: names.count)
        let identitiesAsked = DispatchGroup()
        DispatchQueue.global().async(group: identitiesAsked) { [youthsDirectory] in
            for (position, name) in names.enumerated() where !name.hasPrefix(".") && name.hasSuffix(".json") {
                identities.values[position] = folder >= 0 ? PrivateFiles.identity(of: name, in: folder) : PrivateFiles.identity(of: youthsDirectory + "/" + name)
            }
        }
        // The cached entries go straight into the store; those that no longer fit their file are
        // taken out again, so the cache is never held twice.
        entries.reserveCapacity(total)
        let cached = readIndex(into: &entries)
        identitiesAsked.wait()
        indexChanged = !cached
        var present = Set<String>(minimumCapacity: total)
        // Youths whose cached summary no longer fits their file (or who have none), in order.
        var unread: [(name: String, identity: PrivateFiles.Identity?, cachedName: String?)] = []
        for (position, name) in names.enumerated() {
            if name.hasPrefix(".") {
                if name.contains(PrivateFiles.temporaryMarker) && mode == .readWrite {
                    setAside(fileName: name, reason: .interruptedWrite)
                }
                continue
            }
            guard name.hasSuffix(".json") else { continue }
            let id = String(name.dropLast(5))
            present.insert(id)
            let identity = identities.values[position]
            if let entry = entries[id], entry.file == identity { continue }
            unread.append((name, identity, entries.removeValue(forKey: id)?.summary.name))
        }
        // Cached youths whose file is gone.
        for id in entries.keys.filter({ !present.contains($0) }) {
            entries.removeValue(forKey: id)
            indexChanged = true
        }
        var done = total - unread.count
        progress?(done, total)
        if !unread.isEmpty { indexChanged = true }

        // Files are read and decoded side by side; what they hold is applied here, in name order,
        // so notices, quarantine and the newer files come out as a reading one by one gives them.
        var start = 0
        while start < unread.count {
            let batch = unread[start..<min(start + Self.readers * Self.batch, unread.count)]
            let results = Self.readSummaries(batch.map(\.name), in: youthsDirectory)
            for (file, result) in zip(batch, results) {
                apply(result, name: file.name, identity: file.identity, cachedName: file.cachedName)
            }
            start += batch.count
            done += batch.count
            progress?(done, total)
        }
        for (id, schema) in newerFiles.sorted(by: { $0.key < $1.key }) where entries[id] != nil {
            notices.append(StoreNotice(message: "youths/\(id).json is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)). Het dossier is hier alleen te lezen en blijft ongewijzigd staan."))
        }
        if mode == .readWrite {
            // Also the data directory itself: an older version could leave `.index.json.tmp-…` there.
            for folder in [".", "drafts", "reviews", "exports", "workplaces"] { sweepInterruptedWrites(in: folder) }
            // Unreadable drafts go to quarantine now, so their notices come with the others.
            _ = drafts()
        }
        saveIndex()
    }

    /// Fills `table` with the cached summaries; false, and `table` empty, when there is no index
    /// of this version. The cache is read like any file: never through a link, never past its
    /// limit. An entry the youth's file could not hold is not trusted: that youth is read from its file.
    private func readIndex(into table: inout SummaryTable) -> Bool {
        // Moved out and back, keeping the room reserved: the reader's closure cannot hold `table`.
        var read = SummaryTable()
        swap(&read, &table)
        var reader = IndexFile.Reader { entry in
            if (try? entry.validate()) != nil { read[entry.summary.id] = entry }
        }
        let result = PrivateFiles.readRegularFile(indexPath, limit: FileLimits.index, chunk: 65_536) { reader.read($0) }
        let whole = if case .success = result, reader.headerMatches { true } else { false }
        if !whole { read = SummaryTable() }
        swap(&read, &table)
        return whole
    }

    /// Reads the files `names` of `folder` side by side, returning in the same order what the
    /// list needs of each: the summary and the schema, or why the file cannot be read.
    private static func readSummaries(_ names: [String], in folder: String) -> [Result<(YouthSummary, Int), UnreadableReason>] {
        let results = UnsafeMutableBufferPointer<Result<(YouthSummary, Int), UnreadableReason>?>.allocate(capacity: names.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            // Each slot is written by one iteration only; the Youth itself is dropped here.
            slots[index] = readYouth(fileName: names[index], in: folder).map { youth, schema in (YouthSummary(youth), schema) }
        }
        return results.map { $0! }
    }

    /// What reading one file found, applied to the store: its summary, or a notice and quarantine.
    private func apply(_ result: Result<(YouthSummary, Int), UnreadableReason>, name: String,
                       identity: PrivateFiles.Identity?, cachedName: String?) {
        switch result {
        case .success(let (summary, schema)):
            newerFiles[summary.id] = schema > Self.schemaVersion ? schema : nil
            if let identity { entries[summary.id] = IndexEntry(summary: summary, file: identity) }
        case .failure(.newerSchema(let schema)):
            // Left where it is, for the newer program on a shared or synced folder.
            notWhole["youths/\(name)"] = UnreadableReason.newerSchema(schema).text
            notices.append(StoreNotice(message: "youths/\(SafeText.escaped(name)) is gemaakt met een nieuwere versie van Rode Loper (schema \(schema)) en kan hier niet worden gelezen. Het blijft ongewijzigd staan."))
        case .failure(let reason):
            if mode == .readWrite {
                // The cache may still know whose file it was: the notice names the youth.
                setAside(fileName: name, reason: reason, youthName: cachedName)
            } else {
                notices.append(StoreNotice(message: "youths/\(SafeText.escaped(name)) is niet leesbaar: \(reason.text)."))
                notWhole["youths/\(name)"] = reason.text
            }
        }
    }

    enum UnreadableReason: Error, Equatable {
        case missing, empty, notJSON, noSchemaVersion, invalidSchemaVersion, newerSchema(Int), wrongShape(String), idMismatch
        case interruptedWrite, invalid(ValidationFailure), misnamed(String)
        case notAFile(PrivateFiles.EntryKind), cannotOpen(Int32)
        /// A draft whose file name is not the one its youth and field are written under.
        case draftNameMismatch
        /// `.lock` had other names (a hard link): moved aside untouched, a new one made.
        case hardLinkedLock
        /// A draft's field is of a kind this version knows, but does not exist (the rule says why).
        case invalidDraftField(String)
        /// The contact, agenda item or review a draft belongs to was removed.
        case draftFieldGone
        /// Larger than any file the program writes of its kind: not read at all.
        case tooLarge(limit: Int)
        /// Its name is not UTF-8: it cannot be opened or moved by the name it is listed under.
        case undecodableName

        /// Why a file could not be read at all.
        init(_ error: PrivateFiles.Errno, path: String) {
            switch error.code {
            // A name that is not UTF-8 is listed with U+FFFD in its place, so it cannot be opened by it.
            case ENOENT: self = path.contains("\u{FFFD}") ? .undecodableName : .missing
            case ELOOP, EINVAL: self = .notAFile(PrivateFiles.kind(of: path))
            case EFBIG: self = .tooLarge(limit: FileLimits.limit(for: path))
            default: self = .cannotOpen(error.code)
            }
        }

        var text: String {
            switch self {
            case .tooLarge(let limit): "het is groter dan \(limit / 1_048_576) MB, meer dan Rode Loper ooit schrijft; het is niet gelezen"
            case .missing: "het bestand bestaat niet meer"
            case .undecodableName: "de naam van het bestand is geen geldige UTF-8, zodat Rode Loper het niet kan openen of verplaatsen; geef het een andere naam of haal het uit de map"
            case .notAFile(let kind):
                "het is geen gewoon bestand maar \(Self.describe(kind))" + (kind == .symbolicLink ? "; waar het naar wijst is niet aangeraakt" : "")
            case .cannotOpen(let code): "het kon niet worden geopend (\(StoreError.systemText(code)), foutcode \(code))"
            case .invalid(let failure): "de inhoud klopt niet: \(failure.text)"
            case .empty: "het bestand is leeg"
            case .notJSON: "het is geen geldige JSON (afgekapt of beschadigd)"
            case .noSchemaVersion: "er staat geen schemaVersion in"
            case .invalidSchemaVersion: "schemaVersion is geen geldig versienummer (een geheel getal vanaf 1, zoals 6)"
            case .newerSchema(let version):
                "het is gemaakt door een nieuwere versie van Rode Loper (schema \(version))"
            case .wrongShape(let field): "de inhoud heeft niet de verwachte vorm (bij \(field))"
            case .idMismatch: "het nummer in het bestand past niet bij de bestandsnaam"
            case .misnamed(let rule): rule
            case .interruptedWrite: "het is een onvoltooide opslag van een onderbroken sessie; het dossier zelf is heel gebleven"
            case .draftNameMismatch: "de bestandsnaam past niet bij het dossier en het veld in het concept"
            case .hardLinkedLock: "het vergrendelbestand had nog een andere naam (een harde koppeling); er is een nieuw gemaakt"
            case .invalidDraftField(let rule): "het veld van het concept bestaat niet: \(rule)"
            case .draftFieldGone: "het concept hoort bij een contact, agendapunt of weekbespreking die niet meer bestaat"
            }
        }

        static func describe(_ kind: PrivateFiles.EntryKind) -> String {
            switch kind {
            case .directory: "een map"
            case .symbolicLink: "een symbolische koppeling"
            case .fifo: "een pipe (FIFO)"
            case .socket: "een socket"
            case .device: "een apparaatbestand"
            case .regular: "een gewoon bestand"
            case .missing, .unknown: "iets onbekends"
            }
        }
    }

    /// Reads and checks one file of youths/. A file of a newer schema that still reads is
    /// returned, and remembered as one never to write.
    private func readYouth(fileName: String) -> Result<Youth, UnreadableReason> {
        Self.readYouth(fileName: fileName, in: youthsDirectory).map { youth, schema in
            newerFiles[youth.id] = schema > Self.schemaVersion ? schema : nil
            return youth
        }
    }

    /// The youth in one file of `folder` and the schema it was written in; touches nothing, so
    /// files can be read side by side.
    private static func readYouth(fileName: String, in folder: String) -> Result<(Youth, Int), UnreadableReason> {
        let path = folder + "/" + fileName
        let data: Data
        switch PrivateFiles.readRegularFile(path, limit: FileLimits.youth) {
        case .success(let read): data = read
        case .failure(let error): return .failure(UnreadableReason(error, path: path))
        }
        do {
            let (youth, schema) = try decodeYouth(data)
            guard youth.id + ".json" == fileName else { return .failure(.idMismatch) }
            return .success((youth, schema))
        } catch {
            return .failure(error)
        }
    }

    /// A youth and the schema its file was written in. A newer schema is read as far as this
    /// version knows it (the caller makes sure it is never written back); when even that fails,
    /// the reason is `.newerSchema`, not a damaged file.
    static func decodeYouth(_ data: Data) throws(UnreadableReason) -> (Youth, Int) {
        let (record, schema) = try decodeDocument(YouthRecord.self, from: data, known: schemaVersion)
        return (record.youth, schema)
    }

    /// A document of any kind and the schema its file was written in, checked by `validate`. A
    /// newer schema is read as far as this version knows it; when even that fails, the reason is
    /// `.newerSchema`, not a damaged file.
    static func decodeDocument<T: Decodable>(_ type: T.Type, from data: Data, known: Int,
                                             validate: (T) throws -> Void = { _ in }) throws(UnreadableReason) -> (T, Int) {
        // The good path parses once; only a file that fails is parsed again to say why.
        if let read = try? decoder.decode(Versioned<T>.self, from: data), read.schemaVersion >= 1 {
            do {
                try (read.value as? ValidatedDocument)?.validate()
                try validate(read.value)
                return (read.value, read.schemaVersion)
            } catch {
                if read.schemaVersion > known { throw .newerSchema(read.schemaVersion) }
                throw reason(for: error, in: data)
            }
        }
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0 }) { throw .empty }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { throw .notJSON }
        guard let probe = try? decoder.decode(SchemaProbe.self, from: data) else {
            // There but not a whole number (`1e300`, `"6"`): not the same as missing.
            let stated = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["schemaVersion"] != nil
            throw stated ? .invalidSchemaVersion : .noSchemaVersion
        }
        // Version 1 is the first every kind of file had: 0 or less was never written.
        guard probe.schemaVersion >= 1 else { throw .invalidSchemaVersion }
        do {
            let value = try decoder.decode(T.self, from: data)
            try (value as? ValidatedDocument)?.validate()
            try validate(value)
            return (value, probe.schemaVersion)
        } catch {
            if probe.schemaVersion > known { throw .newerSchema(probe.schemaVersion) }
            throw reason(for: error, in: data)
        }
    }

    /// Why decoding `data` failed, naming the field. Foundation reports a fraction or a number
    /// too large for an integer as invalid JSON with no path at all; as no stored number is
    /// anything but a whole number, the first such number in the file is the field to name.
    static func reason(for error: Error, in data: Data? = nil) -> UnreadableReason {
        // Never "(bij )": a fault at the top of the file names the file itself.
        func path(_ keys: [CodingKey]) -> String {
            let joined = keys.map { $0.intValue.map { "[\($0)]" } ?? "." + StoredCodingMessage.key($0.stringValue) }.joined().trimmingCharacters(in: ["."])
                .replacingOccurrences(of: ".[", with: "[")
            return joined.isEmpty ? "het bestand als geheel" : joined
        }
        switch error {
        case let failure as ValidationFailure: return .invalid(failure)
        case DecodingError.keyNotFound(let key, let context):
            return .wrongShape(path(context.codingPath + [key]) + " ontbreekt")
        case DecodingError.dataCorrupted(let context) where StoredCodingMessage.isOurs(context.debugDescription):
            // Our own decoders name the rule, and the code for an unknown one (escaped): never a date.
            return .wrongShape(path(context.codingPath) + ": " + context.debugDescription)
        case DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty:
            if let data, let field = StoredNumbers.firstNotWhole(in: data) {
                return .wrongShape(field + ": " + StoredCodingMessage.notAWholeNumber)
            }
            return .wrongShape(path([]))
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            // Name what was expected: "(bij youth.phone)" alone does not say what is wrong.
            return .wrongShape(path(context.codingPath) + ": " + StoredCodingMessage.expected(type))
        case DecodingError.dataCorrupted(let context):
            return .wrongShape(path(context.codingPath))
        default:
            return .wrongShape("?")
        }
    }

    /// Moves an unreadable entry of `folder` to quarantine/ and records a notice (naming the youth
    /// when known) and an entry in quarantine.json; never overwrites or deletes it. The entry
    /// itself moves (rename never follows a link); its mode is tightened only when it is a
    /// regular file with no other name, or a directory.
    @discardableResult
    func setAside(fileName: String, in folder: String = "youths", reason: UnreadableReason, youthName: String? = nil) -> StoreNotice {
        let stamp = Self.stampFormatter.string(from: clock())
        let shown = SafeText.escaped(fileName)
        let from = (folder == "." ? "" : folder + "/") + fileName
        var message = "\(folder == "." ? "" : folder + "/")\(shown) kon niet worden gelezen: \(reason.text)."
        let source = directory + "/" + folder
        do {
            try PrivateFiles.makeDirectory(quarantineDirectory, tightenExisting: true)
            let prefix = folder == "youths" || folder == "." ? "" : folder + "-"
            // A name near the system's 255 bytes is cut, so that the stamp still fits.
            var name = fileName
            while name.utf8.count > 200 { name.removeLast() }
            var target = "\(quarantineDirectory)/\(stamp)-\(prefix)\(name)"
            var attempt = 1
            while PrivateFiles.kind(of: target) != .missing {
                attempt += 1
                target = "\(quarantineDirectory)/\(stamp)-\(attempt)-\(prefix)\(name)"
            }
            guard rename(source + "/" + fileName, target) == 0 else {
                throw StoreError.from(errno: errno, operation: "Verplaatsen", path: fileName)
            }
            let tightening = PrivateFiles.tightenEntry(target)
            try PrivateFiles.syncDirectory(source)
            try PrivateFiles.syncDirectory(quarantineDirectory)
            let moved = (target as NSString).lastPathComponent
            message += " Het is verplaatst naar quarantine/\(SafeText.escaped(moved)); de rest van de caseload werkt gewoon."
            var why = reason.text
            if tightening == .otherNames {
                message += " Het bestand heeft nog een andere naam (een harde koppeling), dus de rechten ervan zijn niet veranderd."
                why += "; het heeft nog een andere naam (harde koppeling), de rechten zijn niet veranderd"
            }
            recordQuarantined(QuarantinedFile(file: moved, from: from, reason: why, youthName: youthName, at: clock()))
        } catch {
            message += " Het kon niet apart worden gezet en is blijven staan."
        }
        let notice = StoreNotice(message: message, youthName: youthName)
        // A file that could not be moved is said once a session, however often it is listed.
        if !notices.contains(notice) { notices.append(notice) }
        return notice
    }

    /// Temp files that a kill left in `folder` (they may hold typed text) go to quarantine.
    private func sweepInterruptedWrites(in folder: String) {
        guard PrivateFiles.kind(of: directory + "/" + folder) == .directory else { return }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder)) ?? []
        for name in names.sorted() where name.hasPrefix(".") && name.contains(PrivateFiles.temporaryMarker) {
            setAside(fileName: name, in: folder, reason: .interruptedWrite)
        }
    }

    func forget(_ id: String) {
        if entries.removeValue(forKey: id) != nil {
            indexChanged = true
            changedIDs.append(id)
        }
    }

    // MARK: - Encoding

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(StoredTimestamp.decode)
        return decoder
    }()

    /// Pretty-printed with sorted keys, so a diff or a backup is readable.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        var data = try encodeWithoutNewline(value)
        data.append(0x0A)
        return data
    }

    /// `encode` without the newline that ends a file: a part of a larger document.
    static func encodeWithoutNewline<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom(StoredTimestamp.encode)
        // No raw control, bidi or separator character in any file: `\u` escapes read back the same.
        return SafeText.escapingJSON(try encoder.encode(value))
    }

    static let stampFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter
    }()
}

/// The identities of the files in youths/, by position in its listing, filled on another thread
/// and read only after it is done (`DispatchGroup.wait`).
private final class IdentityList: @unchecked Sendable {
    var values: [PrivateFiles.Identity?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
}

/// The file of one youth: `{"schemaVersion": 1, "youth": {...}}`.
struct YouthRecord: Codable, ValidatedDocument {
    var schemaVersion = CaseloadStore.schemaVersion
    var youth: Youth

    func validate() throws(ValidationFailure) { try youth.validate() }
}

struct SchemaProbe: Decodable {
    var schemaVersion: Int
}

/// A document and its schema version, decoded in one parse of the file.
private struct Versioned<T: Decodable>: Decodable {
    var schemaVersion: Int
    var value: T

    init(from decoder: Decoder) throws {
        schemaVersion = try SchemaProbe(from: decoder).schemaVersion
        value = try T(from: decoder)
    }
}

struct IndexEntry: Equatable {
    var summary: YouthSummary
    var file: PrivateFiles.Identity

    /// A cached summary is shown as if read from the youth's file, so it must hold nothing that
    /// file could not: texts within their limits (the name also not blank, as `Youth.validate`
    /// asks), counts that fit the file (every record takes bytes in it, so no count exceeds its
    /// size), no more acute life domains than the ZRM has. An entry that fails is dropped and
    /// the youth read from its file.
    func validate() throws(ValidationFailure) {
        let line = TextLimits.line
        try TextLimits.check(summary.name, "name", line)
        // As `trimmingCharacters(in:)` would leave nothing, without going through NSString for every entry.
        guard summary.name.unicodeScalars.contains(where: { !CharacterSet.whitespacesAndNewlines.contains($0) }) else {
            throw ValidationFailure("name", "", "een naam is verplicht")
        }
        try TextLimits.check(summary.nextAction ?? "", "nextAction", line)
        for (index, action) in summary.openActions.enumerated() {
            try TextLimits.check(action.what, "openActions[\(index)].what", line)
            try TextLimits.check(action.owner, "openActions[\(index)].owner", line)
        }
        guard file.size >= 0 else { throw ValidationFailure("file.size", String(file.size), "geen grootte van een bestand") }
        let records = 0...Int(clamping: file.size)
        for (field, count) in [("measurementCount", summary.measurementCount), ("scoutAttempts", summary.scoutAttempts),
                               ("meetingDates", summary.meetingDates.count), ("openActions", summary.openActions.count),
                               ("momentsTaken", summary.momentsTaken.count), ("placements", summary.placements.count),
                               ("openEscalations", summary.openEscalations.count)] where !records.contains(count) {
            throw ValidationFailure(field, String(count), "meer dan het bestand kan bevatten")
        }
        for (index, placement) in summary.placements.enumerated() {
            try TextLimits.check(placement.workplaceName, "placements[\(index)].workplaceName", line)
        }
        try TextLimits.check(summary.outcomeDetail ?? "", "outcomeDetail", line)
        for (index, escalation) in summary.openEscalations.enumerated() {
            try TextLimits.check(escalation.question, "openEscalations[\(index)].question", line)
        }
        let domains = summary.measurementCount == 0 ? 0...0 : 0...Catalog.lifeDomains.count
        guard domains.contains(summary.acuteDomains) else {
            throw ValidationFailure("acuteDomains", String(summary.acuteDomains), "meer leefgebieden dan de laatste meting kan hebben")
        }
    }
}

extension Date {
    /// Stored times are whole seconds, so what is read back equals what was written.
    public var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
