import Foundation
import SafeText
#if canImport(Glibc)
import Glibc
#endif

/// How the CSV files are written: for Dutch Excel (semicolon, UTF-8 with BOM, CRLF, decimal
/// comma) or plain (comma, decimal point).
public enum CSVDialect: Sendable {
    case excel, comma
}

/// What a research export wrote.
public struct ResearchExportResult: Equatable, Sendable {
    /// The folder holding the CSV files and the README.
    public let directory: String
    public let exported: Int
    /// Youths left out for lack of research consent.
    public let leftOut: Int
    /// Cases closed as handed over to another coach, with research consent: counted where they went.
    public let handedOver: Int
    /// Youth files that could not be read: not in the export, and not counted in `leftOut` either
    /// (whether they have consent is unknown). The export says so wherever it counts.
    public let unreadable: Int

    public init(directory: String, exported: Int, leftOut: Int, handedOver: Int, unreadable: Int = 0) {
        self.directory = directory
        self.exported = exported
        self.leftOut = leftOut
        self.handedOver = handedOver
        self.unreadable = unreadable
    }
}

extension CaseloadStore {
    /// The research tables of this caseload. `forSharing`: only youths with research consent
    /// today, under their secret pseudonym (`leftOut` counts the others); otherwise every youth,
    /// active and closed, under its id (the coach's own report). A case closed as handed over to
    /// another coach is not shared: the coach who received it counts it, under the same pseudonym
    /// and with its whole history (docs/decisions.md).
    ///
    /// Never writes: without a secret yet (no research export was ever made) the shared report,
    /// which only counts, labels the youths `telling-1`, `telling-2`… for this once; no pseudonym
    /// leaves the program that way. A damaged research.json is refused.
    public func researchData(forSharing: Bool, today: LocalDate) throws -> (data: ResearchData, leftOut: Int) {
        guard forSharing else {
            var data = ResearchData()
            forEachYouth { data.append($0, as: $0.id) }
            return (data, 0)
        }
        let shared = try sharedData(pseudonyms: try pseudonyms(create: false), today: today)
        return (shared.data, shared.leftOut)
    }

    /// The youths with research consent on `today` under their pseudonym, grouped by youth in the
    /// order of the pseudonyms (an order that says nothing about names or ids), without the cases
    /// handed over (`handedOver` counts those).
    private func sharedData(pseudonyms: Pseudonyms?, today: LocalDate) throws
        -> (data: ResearchData, leftOut: Int, handedOver: Int, unreadable: Int) {
        // Read youth by youth; each kept youth's tables are small, and sorted by pseudonym at the end.
        var kept: [(pseudonym: String, data: ResearchData)] = []
        var read = 0, consenting = 0
        forEachYouth { youth in
            read += 1
            guard youth.hasResearchConsent(on: today) else { return }
            consenting += 1
            guard youth.currentClosure?.outcome != .handedOver else { return }
            var tables = ResearchData()
            let pseudonym = pseudonyms?.pseudonym(for: youth.id) ?? "telling-\(kept.count + 1)"
            tables.append(youth, as: pseudonym)
            kept.append((pseudonym, tables))
        }
        // Youth files that could not be read, at opening or just now (forEachYouth notes them):
        // whether they have consent is unknown, so they are counted apart, never silently left out.
        let unreadable = notWhole.keys.filter { $0.hasPrefix("youths/") && $0.hasSuffix(".json") }.count
        // Two youths under one pseudonym would be one youth to the researchers: never written.
        // research.json and every import are checked for this; this is the last guard.
        var seen = Set<String>()
        for (pseudonym, _) in kept where !seen.insert(pseudonym).inserted {
            throw HandoverError("Twee jongeren hebben hetzelfde pseudoniem (\(pseudonym)); de onderzoekers zouden ze als één jongere tellen. "
                + "Controleer \(ResearchSecretFile.fileName) (carried) in de gegevensmap, of vraag hulp. Er is niets geschreven.")
        }
        var data = ResearchData()
        for youth in kept.sorted(by: { $0.pseudonym < $1.pseudonym }) { data.append(youth.data) }
        return (data, read - consenting, consenting - kept.count, unreadable)
    }

    /// The pseudonymised export for the researchers: one CSV per table and a README, in a new
    /// (or empty) folder `directory` outside the data directory. Written whole or not at all: into
    /// a hidden folder beside it, renamed into place at the end. Makes the secret on first need.
    public func writeResearchExport(to directory: String, dialect: CSVDialect, today: LocalDate, now: Date) throws -> ResearchExportResult {
        let nothing = "Er is niets geschreven."
        var path = directory
        let shown = SafeText.escaped(directory)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let name = (path as NSString).lastPathComponent
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            throw HandoverError("\(shown) is geen naam voor een nieuwe map; geef bijvoorbeeld rodeloper-onderzoek-\(today.iso). \(nothing)")
        }
        switch PrivateFiles.kind(of: path) {
        case .missing: break
        case .directory:
            guard ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? ["?"]).isEmpty else {
                throw HandoverError("De map \(shown) bestaat al en is niet leeg. Een export komt in een nieuwe of lege map, zodat er niets wordt "
                    + "overschreven of vermengd met een oudere export; kies een andere naam. \(nothing)")
            }
        case .symbolicLink:
            throw HandoverError("\(shown) is een symbolische koppeling. Rode Loper volgt die niet; kies de naam van een nieuwe map. \(nothing)")
        case let other:
            throw HandoverError("\(shown) is geen map maar \(UnreadableReason.describe(other)); kies de naam van een nieuwe map. \(nothing)")
        }
        return try writeResearchFolder(name, in: try ExportFile.realFolder(of: path, outside: self.directory), dialect: dialect, today: today, now: now)
    }

    /// The research export from the reports screen: a new folder `exports/onderzoek-JJJJ-MM-DD`
    /// (then -2, -3 …) in the data directory, where every export of the screens goes; an earlier
    /// export is never written over.
    public func writeResearchExportIntoExports(dialect: CSVDialect, today: LocalDate, now: Date) throws -> ResearchExportResult {
        try requireWritable()
        try PrivateFiles.makeDirectory(exportsDirectory, tightenExisting: true)
        let base = "onderzoek-\(today.iso)"
        // Any entry counts as taken, a link too (`lstat`: never followed).
        var name = base
        var number = 2
        while PrivateFiles.kind(of: exportsDirectory + "/" + name) != .missing {
            name = "\(base)-\(number)"
            number += 1
        }
        return try writeResearchFolder(name, in: exportsDirectory, dialect: dialect, today: today, now: now)
    }

    /// Writes the folder `name` in `parent` (a real folder, checked by the caller), all or nothing.
    private func writeResearchFolder(_ name: String, in parent: String, dialect: CSVDialect, today: LocalDate, now: Date) throws -> ResearchExportResult {
        let nothing = "Er is niets geschreven."
        let path = parent + "/" + name
        guard let pseudonyms = try pseudonyms(create: true) else { throw HandoverError("De sleutel voor de pseudoniemen ontbreekt. \(nothing)") }
        let (data, leftOut, handedOver, unreadable) = try sharedData(pseudonyms: pseudonyms, today: today)
        let manifest = ResearchManifest(dialect: dialect.code, exportedOn: today, exportedAt: now.wholeSeconds, youths: data.youths.count,
                                        leftOut: leftOut, handedOver: handedOver, unreadable: unreadable)
        var files = ResearchTable.allCases.map { ($0.fileName, Data($0.text(of: data, dialect: dialect).utf8)) }
        files.append((ResearchManifest.fileName, try Self.encode(manifest)))
        files.append((ResearchExport.readmeName, Data(ResearchExport.readme(manifest, dialect: dialect).utf8)))

        let temporary = "\(parent)/.\(name)\(PrivateFiles.temporaryMarker)\(UInt32.random(in: 0...UInt32.max))"
        guard mkdir(temporary, 0o700) == 0, chmod(temporary, 0o700) == 0 else {
            throw HandoverError(StoreError.from(errno: errno, operation: "Map maken", path: parent).localizedDescription + " " + nothing)
        }
        var placed = false
        defer { if !placed { try? FileManager.default.removeItem(atPath: temporary) } }
        for (file, contents) in files { try PrivateFiles.writeAtomically(contents, to: temporary + "/" + file, simulate: simulate) }
        // Over an empty folder rename works; over one that filled up meanwhile it fails.
        guard rename(temporary, parent + "/" + name) == 0 else {
            let code = errno
            if code == ENOTEMPTY || code == EEXIST {
                throw HandoverError("De map \(SafeText.escaped(path)) is intussen niet meer leeg. \(nothing)")
            }
            throw HandoverError(StoreError.from(errno: code, operation: "Opslaan", path: parent).localizedDescription + " " + nothing)
        }
        placed = true
        try PrivateFiles.syncDirectory(parent)
        return ResearchExportResult(directory: parent + "/" + name, exported: data.youths.count, leftOut: leftOut, handedOver: handedOver,
                                    unreadable: unreadable)
    }
}

/// `onderzoek.json` beside the CSV files: what the merge reads first, to know the folder is a
/// research export, of which version, in which dialect, and how many youths it must hold.
struct ResearchManifest: Codable, Equatable {
    static let fileName = "onderzoek.json"
    static let kindName = "rodeloper-research"
    /// 1: the five tables of issue 19.
    static let schemaVersion = 1
    var kind = ResearchManifest.kindName
    var schemaVersion = ResearchManifest.schemaVersion
    /// "excel" or "comma".
    var dialect: String
    var exportedOn: LocalDate
    var exportedAt: Date
    var youths: Int
    /// Left out for lack of research consent.
    var leftOut: Int
    /// Closed as handed over to another coach: in that coach's export.
    var handedOver: Int
    /// Youth files that could not be read when the export was made: missing from it. Absent in
    /// exports made before it was counted (read as 0).
    var unreadable = 0

    init(dialect: String, exportedOn: LocalDate, exportedAt: Date, youths: Int, leftOut: Int, handedOver: Int, unreadable: Int) {
        self.dialect = dialect
        self.exportedOn = exportedOn
        self.exportedAt = exportedAt
        self.youths = youths
        self.leftOut = leftOut
        self.handedOver = handedOver
        self.unreadable = unreadable
    }

    private enum CodingKeys: String, CodingKey { case kind, schemaVersion, dialect, exportedOn, exportedAt, youths, leftOut, handedOver, unreadable }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(String.self, forKey: .kind)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        dialect = try c.decode(String.self, forKey: .dialect)
        exportedOn = try c.decode(LocalDate.self, forKey: .exportedOn)
        exportedAt = try c.decode(Date.self, forKey: .exportedAt)
        youths = try c.decode(Int.self, forKey: .youths)
        leftOut = try c.decode(Int.self, forKey: .leftOut)
        handedOver = try c.decode(Int.self, forKey: .handedOver)
        unreadable = try c.value(.unreadable, or: 0)
    }
}

/// The five tables, their files and columns (docs/data-format.md), written and read back.
enum ResearchTable: CaseIterable {
    case youths, measurements, phases, outcomes, skills

    var fileName: String {
        switch self {
        case .youths: "jongeren.csv"
        case .measurements: "metingen.csv"
        case .phases: "fasen.csv"
        case .outcomes: "uitstroom.csv"
        case .skills: "vaardigheden.csv"
        }
    }

    var header: [String] {
        switch self {
        case .youths: ["pseudoniem", "geboortejaar", "gemeente", "start"]
        case .measurements: ["pseudoniem", "datum", "moment"] + Catalog.lifeDomains.map(\.code)
        case .phases: ["pseudoniem", "fase", "van", "tot"]
        case .outcomes: ["pseudoniem", "afgesloten", "uitstroom"]
        case .skills: ["pseudoniem", "vaardigheid", "eerste_indruk", "laatste_gesprek", "datum_gesprek"]
        }
    }

    func rows(of data: ResearchData, dialect: CSVDialect) -> [[String]] {
        switch self {
        case .youths:
            data.youths.map { [$0.pseudonym, $0.birthYear.map(dialect.number) ?? "", $0.municipality, $0.started?.iso ?? ""] }
        case .measurements:
            data.measurements.map { measurement in
                [measurement.pseudonym, measurement.date.iso, measurement.moment.rawValue]
                    + Catalog.lifeDomains.map { measurement.scores[$0.code].map(dialect.number) ?? "" }
            }
        case .phases:
            data.phases.map { [$0.pseudonym, $0.phase.rawValue, $0.from.iso, $0.until?.iso ?? ""] }
        case .outcomes:
            data.outcomes.map { [$0.pseudonym, $0.closedOn.iso, $0.outcome.rawValue] }
        case .skills:
            data.skills.map { [$0.pseudonym, $0.skill, $0.firstImpression?.rawValue ?? "", $0.latestTalk?.rawValue ?? "", $0.latestTalkOn?.iso ?? ""] }
        }
    }

    func text(of data: ResearchData, dialect: CSVDialect) -> String { dialect.table(header, rows(of: data, dialect: dialect)) }

    /// Adds one row read back to `data`; a field that is not what this table writes throws the
    /// reason, in Dutch.
    func add(_ fields: [String], to data: inout ResearchData, thisYear: Int) throws(RowFault) {
        let pseudonym = try RowFault.pseudonym(fields[0])
        switch self {
        case .youths:
            let municipality = CSVField.restored(fields[2])
            guard !TextLimits.exceeds(municipality, TextLimits.line) else { throw RowFault("gemeente is langer dan \(TextLimits.line) tekens") }
            data.youths.append(ResearchYouth(pseudonym: pseudonym, birthYear: try RowFault.optional(fields[1]) { text throws(RowFault) in try RowFault.year(text, upTo: thisYear) },
                                             municipality: municipality, started: try RowFault.optional(fields[3], RowFault.date)))
        case .measurements:
            var scores: [String: Int] = [:]
            for (index, domain) in Catalog.lifeDomains.enumerated() {
                scores[domain.code] = try RowFault.optional(fields[3 + index]) { text throws(RowFault) in try RowFault.score(text, domain.code) }
            }
            data.measurements.append(ResearchMeasurement(pseudonym: pseudonym, date: try RowFault.date(fields[1]),
                                                         moment: try RowFault.code(fields[2], "moment"), scores: scores))
        case .phases:
            data.phases.append(ResearchPhase(pseudonym: pseudonym, phase: try RowFault.code(fields[1], "fase"), from: try RowFault.date(fields[2]),
                                             until: try RowFault.optional(fields[3], RowFault.date)))
        case .outcomes:
            data.outcomes.append(ResearchOutcome(pseudonym: pseudonym, closedOn: try RowFault.date(fields[1]), outcome: try RowFault.code(fields[2], "uitstroom")))
        case .skills:
            guard Catalog.basicSkills.contains(where: { $0.code == fields[1] }) else { throw RowFault("onbekende vaardigheid \(RowFault.shown(fields[1]))") }
            let first: SkillImpression? = try RowFault.optional(fields[2]) { text throws(RowFault) in try RowFault.code(text, "eerste indruk") }
            let latest: SkillLevel? = try RowFault.optional(fields[3]) { text throws(RowFault) in try RowFault.code(text, "niveau") }
            data.skills.append(ResearchSkill(pseudonym: pseudonym, skill: fields[1], firstImpression: first, latestTalk: latest,
                                             latestTalkOn: try RowFault.optional(fields[4], RowFault.date)))
        }
    }
}

/// Why one row of a research export cannot be read back.
struct RowFault: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }

    /// A value from the file, quoted short and escaped: a hostile file may hold anything there.
    static func shown(_ text: String) -> String { SafeText.quoted(String(text.prefix(40))) }

    static func pseudonym(_ text: String) throws(RowFault) -> String {
        guard Pseudonyms.isPseudonym(text) else { throw RowFault("\(shown(text)) is geen pseudoniem (RL- en 16 tekens 0-9, a-f)") }
        return text
    }

    static func date(_ text: String) throws(RowFault) -> LocalDate {
        guard let date = LocalDate(iso: text) else { throw RowFault("\(shown(text)) is geen bestaande datum (jjjj-mm-dd)") }
        return date
    }

    /// A birth year from 1900 up to this year: the export writes no other.
    static func year(_ text: String, upTo thisYear: Int) throws(RowFault) -> Int {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let year = Int(text), (1900...thisYear).contains(year) else {
            throw RowFault("\(shown(text)) is geen geboortejaar (1900 tot en met \(thisYear))")
        }
        return year
    }

    static func score(_ text: String, _ domain: String) throws(RowFault) -> Int {
        guard let score = Int(text), (1...5).contains(score), text.utf8.count == 1 else { throw RowFault("\(shown(text)) is geen score 1 tot en met 5 (\(domain))") }
        return score
    }

    static func code<T: RawRepresentable>(_ text: String, _ what: String) throws(RowFault) -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw RowFault("onbekende code \(shown(text)) voor \(what)") }
        return value
    }

    /// An empty field is nil; anything else must read.
    static func optional<T>(_ text: String, _ read: (String) throws(RowFault) -> T) throws(RowFault) -> T? {
        text.isEmpty ? nil : try read(text)
    }
}

public enum ResearchExport {
    static let readmeName = "LEESMIJ.txt"
    /// No table the program writes comes near this (a caseload of 10,000 youths with years of
    /// metingen is a few MB); a larger file is not read at all.
    static let fileLimit = 64 * 1_048_576
    static let manifestLimit = 64 * 1_024

    /// The tables of several coaches' research exports together, in the order of `directories`.
    /// Refused, naming the folder and the file and line: a folder that is no research export (or
    /// one of a newer version), a file too large, a line that is malformed or holds an unknown
    /// code, and a youth (pseudonym) in two exports, which would otherwise be counted twice.
    public static func merge(directories: [String], today: LocalDate = LocalDate(Date(), timeZone: .current)) throws -> ResearchData {
        var merged = ResearchData()
        var seen: [String: String] = [:]
        for folder in directories {
            let data = try read(folder, thisYear: today.year)
            for youth in data.youths {
                if let other = seen[youth.pseudonym] {
                    throw HandoverError("Dezelfde jongere in twee exports: \(youth.pseudonym) staat in \(SafeText.escaped(other)) en in \(SafeText.escaped(folder)). Samen zou die "
                        + "jongere twee keer worden geteld. Is dezelfde export twee keer gegeven? Of is het dossier overgedragen: dan sluit de coach "
                        + "die het overdroeg het af met uitstroom \"overgedragen aan andere coach\" en maakt de export opnieuw; het telt dan alleen "
                        + "bij de coach die het nu heeft. Er is niets samengevoegd.")
                }
                seen[youth.pseudonym] = folder
            }
            merged.append(data)
        }
        return merged
    }

    /// One research export read back.
    static func read(_ folder: String, thisYear: Int) throws -> ResearchData {
        let nothing = "Er is niets samengevoegd."
        // Every path in a message is escaped: a folder name may hold a line break or ESC.
        func refuse(_ reason: String) -> HandoverError { HandoverError("\(SafeText.escaped(folder)): \(reason). \(nothing)") }
        // A folder to read may be a link (a synced folder); its files are read without following links.
        guard let real = ExportFile.realPath(folder) else {
            throw refuse(PrivateFiles.kind(of: folder) == .symbolicLink ? "een symbolische koppeling naar iets dat niet bestaat" : "deze map bestaat niet")
        }
        let kind = PrivateFiles.kind(of: real)
        guard kind == .directory else {
            throw refuse(kind == .missing ? "deze map bestaat niet"
                : "dit is geen map maar \(CaseloadStore.UnreadableReason.describe(kind)); geef de map van een onderzoeksexport van Rode Loper")
        }
        func contents(_ file: String, limit: Int) throws -> Data {
            switch PrivateFiles.readRegularFile(folder + "/" + file, limit: limit) {
            case .success(let data): return data
            case .failure(let error) where error.code == ENOENT:
                throw refuse(file == ResearchManifest.fileName
                    ? "geen onderzoeksexport van Rode Loper (\(file) ontbreekt; maak de export met rodeloper export --format csv)"
                    : "\(file) ontbreekt")
            case .failure(let error) where error.code == EFBIG:
                throw refuse("\(file) is groter dan \(limit / 1_048_576 > 0 ? "\(limit / 1_048_576) MB" : "\(limit / 1_024) kB"), meer dan Rode Loper ooit exporteert; het is niet gelezen")
            case .failure(let error):
                throw refuse("\(file) kan niet worden gelezen: \(CaseloadStore.UnreadableReason(error, path: folder + "/" + file).text)")
            }
        }
        let manifestData = try contents(ResearchManifest.fileName, limit: manifestLimit)
        let probe = try? CaseloadStore.decoder.decode(ManifestProbe.self, from: manifestData)
        guard let probe, probe.kind == ResearchManifest.kindName else {
            throw refuse("geen onderzoeksexport van Rode Loper (\(ResearchManifest.fileName) is niet wat de export schrijft)")
        }
        guard probe.schemaVersion <= ResearchManifest.schemaVersion else {
            throw refuse("deze export is gemaakt met een nieuwere versie van Rode Loper (versie \(probe.schemaVersion) van de export; deze versie "
                + "kent tot en met \(ResearchManifest.schemaVersion)). Werk Rode Loper bij om hem samen te voegen")
        }
        guard probe.schemaVersion >= 1, let manifest = try? CaseloadStore.decoder.decode(ResearchManifest.self, from: manifestData),
              let dialect = CSVDialect(code: manifest.dialect), manifest.youths >= 0, manifest.leftOut >= 0, manifest.handedOver >= 0,
              manifest.unreadable >= 0 else {
            throw refuse("\(ResearchManifest.fileName) is beschadigd")
        }
        var data = ResearchData()
        for table in ResearchTable.allCases {
            let file = table.fileName
            guard var text = String(data: try contents(file, limit: fileLimit), encoding: .utf8) else { throw refuse("\(file) is geen UTF-8-tekst") }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let records: [CSVRecord]
            switch dialect.records(text) {
            case .success(let read): records = read
            case .failure(let fault): throw refuse("\(file), regel \(fault.line): \(fault.reason.text)")
            }
            guard let header = records.first, header.fields == table.header else {
                throw refuse("\(file), regel 1: de kolommen zijn niet die van de export (\(table.header.joined(separator: String(dialect.separator))))")
            }
            // A row twice would count twice: the export writes every row once.
            var rows: [[String]: Int] = [:]
            for record in records.dropFirst() {
                guard record.fields.count == table.header.count else {
                    let count = record.fields.count
                    throw refuse("\(file), regel \(record.line): \(count) \(count == 1 ? "veld" : "velden"), de export schrijft er \(table.header.count)")
                }
                if let earlier = rows.updateValue(record.line, forKey: record.fields) {
                    throw refuse("\(file), regel \(record.line): dezelfde regel als regel \(earlier); de export schrijft iedere regel één keer")
                }
                do { try table.add(record.fields, to: &data, thisYear: thisYear) } catch { throw refuse("\(file), regel \(record.line): \(error.reason)") }
            }
        }
        var youths = Set<String>()
        for youth in data.youths where !youths.insert(youth.pseudonym).inserted {
            throw refuse("\(ResearchTable.youths.fileName): \(youth.pseudonym) staat er twee keer in")
        }
        guard youths.count == manifest.youths else {
            throw refuse("\(ResearchTable.youths.fileName) heeft \(youths.count) jongeren, \(ResearchManifest.fileName) zegt \(manifest.youths): de export is niet compleet")
        }
        let others = data.phases.map(\.pseudonym) + data.measurements.map(\.pseudonym) + data.outcomes.map(\.pseudonym) + data.skills.map(\.pseudonym)
        if let stray = others.first(where: { !youths.contains($0) }) {
            throw refuse("\(stray) staat niet in \(ResearchTable.youths.fileName), wel in een ander bestand: de export is niet compleet")
        }
        return data
    }

    private struct ManifestProbe: Decodable {
        var kind: String
        var schemaVersion: Int
    }

    /// LEESMIJ.txt: what the files are, their columns and codes, how many youths are in it and
    /// how many were left out, the day and the version. Nothing about any youth.
    static func readme(_ manifest: ResearchManifest, dialect: CSVDialect) -> String {
        func codes<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ label: (T) -> String) -> String where T.RawValue == String {
            type.allCases.map { "      \($0.rawValue) = \(label($0))" }.joined(separator: "\n")
        }
        let format = dialect == .excel
            ? "Excel: puntkomma als scheidingsteken, UTF-8 met BOM, regels eindigen op CRLF"
            : "gewone CSV: komma als scheidingsteken, UTF-8 zonder BOM, regels eindigen op LF"
        let lines = """
        Onderzoeksexport van Rode Loper
        ===============================

        Gemaakt op:            \(manifest.exportedOn.iso)
        Versie van de export:  \(manifest.schemaVersion)
        Opmaak:                \(format)
        Jongeren in de export: \(manifest.youths)
        Niet opgenomen:        \(manifest.leftOut) (geen toestemming voor onderzoek op \(manifest.exportedOn.iso))
        Overgedragen:          \(manifest.handedOver) (afgesloten als overgedragen aan een andere coach: die telt ze mee)
        Onleesbaar:            \(manifest.unreadable) (dossierbestanden die niet gelezen konden worden; ontbreken in deze export)

        \(manifest.unreadable > 0 ? "LET OP: deze export is niet compleet. \(manifest.unreadable) dossierbestand\(manifest.unreadable == 1 ? "" : "en") kon\(manifest.unreadable == 1 ? "" : "den") niet\n"
            + "worden gelezen; of die jongeren toestemming gaven is niet bekend. Maak de export opnieuw nadat de\ncoach dat heeft hersteld.\n\n" : "")Alleen jongeren die toestemming gaven voor het actieonderzoek staan in deze export. Iedere
        jongere staat erin onder een pseudoniem (RL- en 16 tekens). Zonder de sleutel, die alleen in
        de gegevensmap van de coach staat, is een pseudoniem niet terug te leiden tot een naam of een
        dossiernummer. Het pseudoniem blijft hetzelfde bij iedere export, ook als het dossier naar een
        andere coach gaat. Exports van verschillende coaches zijn samen te tellen met
        rodeloper report --merge MAP...

        Er staan nooit in: namen, telefoonnummers, adressen, geboortedatums (alleen het jaar), vrije
        tekst van welke soort ook (notities, plannen, verslagen), namen van mensen rond de jongere.

        Datums staan als jjjj-mm-dd. Alle getallen zijn gehele getallen. Een leeg veld betekent: niet
        bekend of niet gescoord. Een veld dat met = + - of @ begint (alleen bij de gemeente mogelijk)
        krijgt een apostrof ervoor, zodat een rekenblad het niet als formule uitvoert. Een stuurteken
        in de gemeente (zoals ESC of een regeleinde) staat er zichtbaar in, als \\x1B of \\u{202E}.

        Bestanden en kolommen
        ---------------------

        jongeren.csv: een regel per jongere
          pseudoniem     het pseudoniem
          geboortejaar   het geboortejaar
          gemeente       de gemeente zoals de coach die invulde
          start          de eerste dag van de begeleiding

        metingen.csv: een regel per ZRM-meting
          pseudoniem
          datum          de dag van de meting
          moment         het meetmoment:
        \(codes(MeasurementMoment.self, \.label))
          en een kolom per leefgebied van de ZRM, met de score 1 tot en met 5:
        \(Catalog.lifeDomains.map { "      \($0.code) = \($0.name)" }.joined(separator: "\n"))

        fasen.csv: een regel per periode in een fase
          pseudoniem
          fase           de fase:
        \(codes(Phase.self, \.label))
          van            de eerste dag in de fase
          tot            de dag dat de volgende fase begon (leeg: nog in deze fase)

        uitstroom.csv: een regel per afsluiting (een heropend en weer afgesloten dossier heeft er twee)
          pseudoniem
          afgesloten     de dag van afsluiten
          uitstroom      waar de jongere naartoe ging:
        \(codes(Outcome.self, \.label))

        vaardigheden.csv: een regel per basisvaardigheid van een jongere
          pseudoniem
          vaardigheid    de vaardigheid:
        \(Catalog.basicSkills.map { "      \($0.code) = \($0.name)" }.joined(separator: "\n"))
          eerste_indruk  de eerste indruk uit de quick scan:
        \(codes(SkillImpression.self, \.label))
          laatste_gesprek het niveau in het laatste voortgangsgesprek dat deze vaardigheid scoorde:
        \(codes(SkillLevel.self, \.label))
          datum_gesprek  de dag van dat gesprek

        onderzoek.json: voor Rode Loper zelf (soort, versie, opmaak, aantallen), om exports samen te voegen.
        """
        return lines.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: dialect.lineEnd) + dialect.lineEnd
    }
}
