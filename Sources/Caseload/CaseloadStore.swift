import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the caseload list needs of a youth, kept in a cache so that opening years of closed
/// cases does not read every file.
public struct YouthSummary: Codable, Equatable, Sendable, Identifiable {
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
    /// Open actions agreed in meetings: what, who, when.
    public var agreedActions: [AgreedAction]

    public struct AgreedAction: Codable, Equatable, Sendable {
        public var what: String
        public var owner: String
        public var due: LocalDate?
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
        agreedActions = youth.actionsInOrder.filter { $0.status == .open && $0.meetingID != nil }
            .map { AgreedAction(what: $0.what, owner: youth.ownerName($0.owner), due: $0.due) }
    }

    /// In quick scan or later (not closed) without any ZRM measurement: one is due.
    public var measurementDue: Bool {
        measurementCount == 0 && phase != .scout && phase != .closed
    }

    public func age(on day: LocalDate) -> Int? { dateOfBirth.map { $0.years(until: day) } }
}

/// The caseload on disk: one JSON file per youth in `youths/`, written atomically, with an
/// exclusive lock on the directory and a quarantine folder for files that cannot be read.
///
/// `index.json` is only a cache of summaries, checked against each file's inode, size and mtime:
/// the youth files are the truth, and a stale or broken cache is simply rebuilt.
public final class CaseloadStore {
    public enum Mode: Sendable {
        /// Takes the lock, creates folders, quarantines unreadable files.
        case readWrite
        /// For export: no lock, touches nothing, reports unreadable files.
        case readOnly
    }

    /// 2 added ZRM measurements and the quick scan, 3 the veranderplan, its actions, the people
    /// around the youth, wrap-around meetings and consent. Files of earlier versions still open; a file of a newer version
    /// is quarantined rather than read by a program that would drop what it adds when saving.
    public static let schemaVersion = 3

    public let directory: String
    public let mode: Mode
    public private(set) var notices: [StoreNotice] = []
    private let lock: DirectoryLock?
    private let clock: () -> Date
    private var entries: [String: IndexEntry] = [:]
    private var indexChanged = false
    /// For tests: make the next writes fail as a full disk or a crash would.
    var simulate: PrivateFiles.SimulatedFailure?

    var youthsDirectory: String { directory + "/youths" }
    var quarantineDirectory: String { directory + "/quarantine" }
    var indexPath: String { directory + "/index.json" }

    public init(directory: String, mode: Mode = .readWrite, clock: @escaping () -> Date = Date.init) throws {
        self.directory = directory
        self.mode = mode
        self.clock = clock
        if mode == .readWrite {
            try PrivateFiles.makeDirectory(directory, tightenExisting: false)
            lock = try DirectoryLock(directory: directory)
            try PrivateFiles.makeDirectory(youthsDirectory, tightenExisting: true)
        } else {
            lock = nil
        }
        try load()
    }

    public var summaries: [YouthSummary] { entries.values.map(\.summary) }
    public var count: Int { entries.count }

    /// True when the directory holds youths or quarantined files: the demo refuses to write there.
    public var holdsData: Bool {
        !entries.isEmpty || !((try? FileManager.default.contentsOfDirectory(atPath: quarantineDirectory)) ?? []).isEmpty
    }

    /// The full record of one youth, read from its file.
    public func youth(id: String) throws -> Youth {
        // An id is a file name in youths/, never a path.
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
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
            guard mode == .readWrite else {
                throw StoreError.unreadable(message: "youths/\(name) is niet leesbaar: \(reason.text).")
            }
            let notice = setAside(fileName: name, reason: reason)
            forget(id)
            throw StoreError.unreadable(message: notice.message)
        }
    }

    /// The full id for an id or a unique start of one (at least 4 characters), as shown on screen.
    public func resolveID(_ prefix: String) -> String? {
        let lowered = prefix.lowercased()
        if entries[lowered] != nil { return lowered }
        guard lowered.count >= 4 else { return nil }
        let matches = entries.keys.filter { $0.hasPrefix(lowered) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Writes a youth to disk at once and atomically, stamping `updated` with now (or with
    /// `updatedAt`, for the demo). Returns what was saved.
    @discardableResult
    public func save(_ youth: Youth, updatedAt: Date? = nil) throws -> Youth {
        precondition(mode == .readWrite, "save on a read-only store")
        var saved = youth
        saved.updated = (updatedAt ?? clock()).wholeSeconds
        let path = youthsDirectory + "/\(saved.id).json"
        try PrivateFiles.writeAtomically(try Self.encode(YouthRecord(youth: saved)), to: path, simulate: simulate)
        if let identity = PrivateFiles.identity(of: path) {
            entries[saved.id] = IndexEntry(summary: YouthSummary(saved), file: identity)
            indexChanged = true
        }
        return saved
    }

    /// Every readable youth, for export. Unreadable files become notices.
    public func allYouths() -> [Youth] {
        entries.keys.sorted().compactMap { id in
            switch readYouth(fileName: id + ".json") {
            case .success(let youth): return youth
            case .failure(let reason):
                notices.append(StoreNotice(message: "youths/\(id).json is niet leesbaar: \(reason.text)."))
                return nil
            }
        }
    }

    /// Writes the summary cache when it changed. Call before quitting; losing it costs only time.
    public func saveIndex() {
        guard mode == .readWrite, indexChanged else { return }
        let index = IndexFile(schemaVersion: Self.schemaVersion, entries: entries.values.sorted { $0.summary.id < $1.summary.id })
        if let data = try? Self.encode(index), (try? PrivateFiles.writeAtomically(data, to: indexPath)) != nil {
            indexChanged = false
        }
    }

    // MARK: - Loading

    private func load() throws {
        let cached = (try? Data(contentsOf: URL(fileURLWithPath: indexPath)))
            .flatMap { try? Self.decoder.decode(IndexFile.self, from: $0) }
            .flatMap { $0.schemaVersion == Self.schemaVersion ? $0 : nil }
        var cache: [String: IndexEntry] = [:]
        for entry in cached?.entries ?? [] { cache[entry.summary.id] = entry }
        indexChanged = cached == nil

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
        for name in names {
            if name.hasPrefix(".") {
                if name.contains(PrivateFiles.temporaryMarker) && mode == .readWrite {
                    setAside(fileName: name, reason: .interruptedWrite)
                }
                continue
            }
            guard name.hasSuffix(".json") else { continue }
            let id = String(name.dropLast(5))
            let identity = PrivateFiles.identity(of: youthsDirectory + "/" + name)
            if let entry = cache[id], entry.file == identity {
                entries[id] = entry
                continue
            }
            indexChanged = true
            switch readYouth(fileName: name) {
            case .success(let youth):
                if let identity { entries[id] = IndexEntry(summary: YouthSummary(youth), file: identity) }
            case .failure(let reason):
                if mode == .readWrite {
                    setAside(fileName: name, reason: reason)
                } else {
                    notices.append(StoreNotice(message: "youths/\(name) is niet leesbaar: \(reason.text)."))
                }
            }
        }
        if Set(cache.keys) != Set(entries.keys) { indexChanged = true }
        saveIndex()
    }

    enum UnreadableReason: Error {
        case missing, empty, notJSON, noSchemaVersion, newerSchema(Int), wrongShape(String), idMismatch
        case interruptedWrite

        var text: String {
            switch self {
            case .missing: "het bestand bestaat niet meer"
            case .empty: "het bestand is leeg"
            case .notJSON: "het is geen geldige JSON (afgekapt of beschadigd)"
            case .noSchemaVersion: "er staat geen schemaVersion in"
            case .newerSchema(let version):
                "het is gemaakt door een nieuwere versie van Rode Loper (schema \(version), deze versie kent \(CaseloadStore.schemaVersion))"
            case .wrongShape(let field): "de inhoud heeft niet de verwachte vorm (bij \(field))"
            case .idMismatch: "het nummer in het bestand past niet bij de bestandsnaam"
            case .interruptedWrite: "het is een onvoltooide opslag van een onderbroken sessie; het dossier zelf is heel gebleven"
            }
        }
    }

    private func readYouth(fileName: String) -> Result<Youth, UnreadableReason> {
        guard let data = FileManager.default.contents(atPath: youthsDirectory + "/" + fileName) else {
            return .failure(.missing)
        }
        do {
            let youth = try Self.decodeYouth(data)
            return youth.id + ".json" == fileName ? .success(youth) : .failure(.idMismatch)
        } catch {
            return .failure(error)
        }
    }

    static func decodeYouth(_ data: Data) throws(UnreadableReason) -> Youth {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0 }) { throw .empty }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else { throw .notJSON }
        guard let probe = try? decoder.decode(SchemaProbe.self, from: data) else { throw .noSchemaVersion }
        guard probe.schemaVersion <= schemaVersion else { throw .newerSchema(probe.schemaVersion) }
        do {
            return try decoder.decode(YouthRecord.self, from: data).youth
        } catch let DecodingError.keyNotFound(key, context) {
            throw .wrongShape((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw .wrongShape(context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch {
            throw .wrongShape("?")
        }
    }

    /// Moves an unreadable file to quarantine/ and records a notice; never overwrites or deletes it.
    @discardableResult
    private func setAside(fileName: String, reason: UnreadableReason) -> StoreNotice {
        let stamp = Self.stampFormatter.string(from: clock())
        var message = "youths/\(fileName) kon niet worden gelezen: \(reason.text)."
        do {
            try PrivateFiles.makeDirectory(quarantineDirectory, tightenExisting: true)
            var target = "\(quarantineDirectory)/\(stamp)-\(fileName)"
            var attempt = 1
            while FileManager.default.fileExists(atPath: target) {
                attempt += 1
                target = "\(quarantineDirectory)/\(stamp)-\(attempt)-\(fileName)"
            }
            guard rename(youthsDirectory + "/" + fileName, target) == 0 else {
                throw StoreError.from(errno: errno, operation: "Verplaatsen", path: fileName)
            }
            chmod(target, 0o600)
            try PrivateFiles.syncDirectory(youthsDirectory)
            try PrivateFiles.syncDirectory(quarantineDirectory)
            message += " Het is verplaatst naar quarantine/\((target as NSString).lastPathComponent); de rest van de caseload werkt gewoon."
        } catch {
            message += " Het kon niet apart worden gezet en is blijven staan."
        }
        let notice = StoreNotice(message: message)
        notices.append(notice)
        return notice
    }

    private func forget(_ id: String) {
        if entries.removeValue(forKey: id) != nil { indexChanged = true }
    }

    // MARK: - Encoding

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Pretty-printed with sorted keys, so a diff or a backup is readable.
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    private static let stampFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter
    }()
}

/// The file of one youth: `{"schemaVersion": 1, "youth": {...}}`.
struct YouthRecord: Codable {
    var schemaVersion = CaseloadStore.schemaVersion
    var youth: Youth
}

private struct SchemaProbe: Decodable {
    var schemaVersion: Int
}

struct IndexEntry: Codable, Equatable {
    var summary: YouthSummary
    var file: PrivateFiles.Identity
}

private struct IndexFile: Codable {
    var schemaVersion: Int
    var entries: [IndexEntry]
}

extension Date {
    /// Stored times are whole seconds, so what is read back equals what was written.
    public var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
