@testable import Caseload
import Foundation
import XCTest

/// Handing a case to another coach and the backup of the whole caseload (issue 18): the export
/// file written, read back with the loader's checks, and imported through the store.
final class HandoverTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let later = Date(timeIntervalSince1970: 1_795_500_000)

    /// A data directory with the demo caseload (youths with placements at workplaces, two reviews).
    private func demo() throws -> CaseloadStore {
        let store = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.now })
        try DemoCaseload.write(into: store, today: today, now: now)
        return store
    }

    /// A demo youth with placements at more than one workplace, and a long history.
    private func caseWithPlacements(in store: CaseloadStore) throws -> Youth {
        let youths = store.allYouths().filter { Set($0.placements.map(\.workplaceID)).count >= 2 }
        return try XCTUnwrap(youths.max { $0.phaseHistory.count < $1.phaseHistory.count })
    }

    /// Writes `export` to a file outside any data directory and reads it back as import does.
    private func roundTrip(_ export: CaseloadExport) throws -> CaseloadExport {
        let folder = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try export.write(to: folder + "/export.json", outside: folder + "/data")
        XCTAssertEqual(permissions(folder + "/export.json"), 0o600)
        return try CaseloadExport.read(from: folder + "/export.json")
    }

    /// Writes JSON to a file and returns its path.
    private func file(_ object: Any) throws -> String {
        let folder = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: folder + "/import.json"))
        return folder + "/import.json"
    }

    private func jsonObject(_ export: CaseloadExport) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: try export.json()) as? [String: Any])
    }

    private func message(_ body: () throws -> Void) -> String {
        do {
            try body()
            XCTFail("expected a refusal")
            return ""
        } catch {
            return error.localizedDescription
        }
    }

    // MARK: - One case

    func testACaseExportedAndImportedIsIdenticalFieldByFieldItsHistoryIncluded() throws {
        let source = try demo()
        let youth = try caseWithPlacements(in: source)
        try source.saveDraft(Draft(youthID: youth.id, field: "changePlan.goal", text: "half getypt", saved: now))
        let export = try source.handover(youthID: youth.id, exportedAt: later)
        XCTAssertEqual(export.kind, .handover)
        XCTAssertNil(export.settings)
        XCTAssertNil(export.reviews)
        XCTAssertEqual(Set(export.workplaces.map(\.id)), Set(youth.placements.map(\.workplaceID)), "exactly the workplaces it refers to")
        XCTAssertLessThan(export.workplaces.count, source.workplaces.count)

        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        let result = try target.importExport(try roundTrip(export), replace: false)
        XCTAssertEqual(result.added, [youth.id])
        XCTAssertEqual(result.workplacesAdded, export.workplaces.count)
        XCTAssertEqual(try target.youth(id: youth.id), youth, "every field, the ids, updated and the phase history")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(target.directory)/youths/\(youth.id).json")),
                       try Data(contentsOf: URL(fileURLWithPath: "\(source.directory)/youths/\(youth.id).json")))
        for workplace in export.workplaces { XCTAssertEqual(target.workplace(id: workplace.id), workplace) }
        XCTAssertEqual(target.drafts(), [], "drafts stay behind")
        XCTAssertFalse(String(decoding: try export.json(), as: UTF8.self).contains("half getypt"))
        // Read again from disk, the case is the same: the index and the files agree.
        XCTAssertEqual(try CaseloadStore(directory: target.directory, mode: .readOnly).youth(id: youth.id), youth)
    }

    func testAYouthAlreadyThereIsRefusedUnlessReplaceAndNothingIsWritten() throws {
        let source = try demo()
        let youth = try caseWithPlacements(in: source)
        let export = try roundTrip(try source.handover(youthID: youth.id, exportedAt: later))
        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        var there = youth
        there.name = "Al Hier"
        try target.save(there)
        let before = try Data(contentsOf: URL(fileURLWithPath: "\(target.directory)/youths/\(youth.id).json"))

        let refusal = message { try target.importExport(export, replace: false) }
        XCTAssertEqual(refusal, "Het dossier \(youth.id.prefix(8)) staat al in deze caseload. Geef --replace om het te vervangen door het dossier "
            + "uit het bestand (wat hier in dat dossier staat, gaat dan verloren). Er is niets geïmporteerd.")
        XCTAssertFalse(refusal.contains(youth.name) || refusal.contains("Al Hier"), "no names in the message")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(target.directory)/youths/\(youth.id).json")), before)
        XCTAssertEqual(target.workplaces, [], "not even the workplaces were added")
        XCTAssertEqual(try CaseloadStore(directory: target.directory, mode: .readOnly).workplaces, [])

        let result = try target.importExport(export, replace: true)
        XCTAssertEqual(result.replaced, [youth.id])
        XCTAssertEqual(result.added, [])
        XCTAssertEqual(try target.youth(id: youth.id), youth)
        XCTAssertEqual(target.count, 1)
    }

    func testANewerSchemaOfAnyPartIsRefusedWithAClearMessage() throws {
        let source = try demo()
        let backup = try jsonObject(try source.backup(exportedAt: later))
        for (key, part, known) in [("schemaVersion", "dossiers", CaseloadStore.schemaVersion),
                                   ("workplaceSchemaVersion", "werkplekken", Workplace.schemaVersion),
                                   ("settingsSchemaVersion", "instellingen", CoachSettings.schemaVersion),
                                   ("reviewSchemaVersion", "weekbesprekingen", WeeklyReview.schemaVersion)] {
            var newer = backup
            newer[key] = known + 1
            // A newer program may have changed the shape too: the schema is said, not the shape.
            newer["youths"] = [["future": true]]
            let path = try file(newer)
            XCTAssertEqual(message { _ = try CaseloadExport.read(from: path) },
                           "\(path) is gemaakt met een nieuwere versie van Rode Loper (\(part): schema \(known + 1); deze versie kent tot en met schema \(known)). "
                           + "Werk Rode Loper bij en importeer het dan, zodat er niets verloren gaat. Er is niets geïmporteerd.")
        }
    }

    func testAnInvalidFileIsRefusedNamingTheFieldAndNothingIsWritten() throws {
        let source = try demo()
        let backup = try jsonObject(try source.backup(exportedAt: later))
        let youths = try XCTUnwrap(backup["youths"] as? [[String: Any]])
        var unnamed = youths
        unnamed[1]["name"] = " "
        var workplaces = try XCTUnwrap(backup["workplaces"] as? [[String: Any]])
        workplaces[0]["kinds"] = "stage"
        func broken(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
            var copy = backup
            change(&copy)
            return copy
        }
        let cases: [([String: Any], String)] = [
            (broken { $0["youths"] = unnamed }, "youths[1].name: een naam is verplicht"),
            (broken { $0["youths"] = [youths[0], youths[0]] }, "youths[1].id = \"\(youths[0]["id"] as? String ?? "")\": dit komt twee keer voor in het bestand"),
            (broken { $0["workplaces"] = workplaces }, "workplaces[0].kinds: verwacht een lijst ([…])"),
            (broken { $0["kind"] = "handover"; $0["youths"] = [] }, "youths = \"0 dossiers\": een overdracht bevat precies één dossier"),
            (broken { $0["kind"] = "handover"; $0["youths"] = Array(youths.prefix(2)); $0["workplaces"] = [] },
             "youths = \"2 dossiers\": een overdracht bevat precies één dossier"),
            (broken { $0.removeValue(forKey: "youths") }, "youths ontbreekt"),
            (broken { $0["settings"] = ["schemaVersion": 4, "contactDays": 0] }, "settings.contactDays = \"0\": 1 tot en met 365 dagen"),
        ]
        for (object, field) in cases {
            let path = try file(object)
            let refusal = message { _ = try CaseloadExport.read(from: path) }
            XCTAssertTrue(refusal.hasPrefix("\(path) kan niet worden geïmporteerd: ") && refusal.contains(field)
                          && refusal.hasSuffix("Er is niets geïmporteerd."), "\(field): \(refusal)")
        }
        for (text, reason) in [("", "het bestand is leeg"), ("{\"youths\": [", "het is geen geldige JSON"), ("{\"youths\": []}", "er staat geen schemaVersion in")] {
            let path = try file([:])
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertTrue(message { _ = try CaseloadExport.read(from: path) }.contains(reason))
        }
    }

    /// An export of schema 3 (`schemaVersion`, `exportedAt`, `youths`; no kind, no workplaces) is a
    /// backup of that caseload, and restores its youth as the loader reads the same youth's file.
    func testAnExportWrittenBySchema3Imports() throws {
        let sample = try XCTUnwrap(JSONSerialization.jsonObject(with: try DataFormatTests.sample(3)) as? [String: Any])
        let youth = try XCTUnwrap(sample["youth"] as? [String: Any])
        let path = try file(["schemaVersion": 3, "exportedAt": "2026-05-28T20:26:40Z", "youths": [youth]])
        let export = try CaseloadExport.read(from: path)
        XCTAssertEqual(export.kind, .backup)
        XCTAssertEqual(export.workplaces, [])
        XCTAssertNil(export.settings)

        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        let result = try target.importExport(export, replace: false)
        let id = try XCTUnwrap(youth["id"] as? String)
        XCTAssertEqual(result.added, [id])
        let loader = try CaseloadStore(directory: try directoryWithSample(version: 3))
        XCTAssertEqual(try target.youth(id: id), try loader.youth(id: id))
    }

    /// A data directory holding the sample youth file of `version`, untouched.
    private func directoryWithSample(version: Int) throws -> String {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
        let sample = try DataFormatTests.sample(version)
        let id = try XCTUnwrap(((JSONSerialization.jsonObject(with: sample) as? [String: Any])?["youth"] as? [String: Any])?["id"] as? String)
        try sample.write(to: URL(fileURLWithPath: "\(directory)/youths/\(id).json"))
        return directory
    }

    func testWorkplacesAreMergedByIdAMissingOneAddedADifferingOneKeptAndReported() throws {
        let source = try demo()
        let youth = try caseWithPlacements(in: source)
        let export = try roundTrip(try source.handover(youthID: youth.id, exportedAt: later))
        let (first, second) = (export.workplaces[0], export.workplaces[1])
        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        // The same workplace saved later elsewhere is the same; a renamed one differs.
        try target.save(first)
        var renamed = second
        renamed.name = "Andere naam hier"
        try target.save(renamed)

        let result = try target.importExport(export, replace: false)
        XCTAssertEqual(result.workplacesIdentical, 1)
        XCTAssertEqual(result.workplacesKept, ["De werkplek Andere naam hier (\(second.id.prefix(8))) staat hier al en verschilt van die in het bestand; "
            + "de werkplek hier is gehouden, niet overschreven."])
        XCTAssertEqual(result.workplacesAdded, export.workplaces.count - 2)
        XCTAssertEqual(target.workplace(id: second.id)?.name, "Andere naam hier")
        XCTAssertEqual(try CaseloadStore(directory: target.directory, mode: .readOnly).workplace(id: second.id)?.name, "Andere naam hier", "not overwritten on disk")
        XCTAssertEqual(target.workplace(id: first.id)?.updated, later.wholeSeconds, "the one here is kept as it is")
        XCTAssertTrue(result.summary.contains("1 al gelijk aanwezig, 1 hier gehouden"), result.summary)
    }

    // MARK: - Backup

    func testABackupRestoresIntoAnEmptyDirectoryByteForByte() throws {
        let source = try demo()
        var settings = source.settings
        settings.coachName = "Coach Kim"
        try settings.setTalkWeeks("5")
        try source.saveSettings(settings)
        let export = try source.backup(exportedAt: later)
        XCTAssertEqual(export.reviews?.count, 2)

        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        let result = try target.importExport(try roundTrip(export), replace: false)
        XCTAssertEqual(result.added.count, source.count)
        XCTAssertTrue(result.settings)
        func files(_ store: CaseloadStore, _ folder: String) throws -> [String: Data] {
            let names = try FileManager.default.contentsOfDirectory(atPath: store.directory + "/" + folder).filter { $0.hasSuffix(".json") }
            return try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: URL(fileURLWithPath: store.directory + "/" + folder + "/" + $0))) })
        }
        let youthFiles = try files(source, "youths")
        XCTAssertEqual(youthFiles.count, 13)
        XCTAssertEqual(try files(target, "youths"), youthFiles, "every youth file byte for byte")
        let restored = try CaseloadStore(directory: target.directory, mode: .readOnly)
        XCTAssertEqual(restored.settings, settings)
        XCTAssertEqual(restored.workplaces, source.workplaces)
        let weeks = [ReviewWeek(containing: today.adding(days: -7)), ReviewWeek(containing: today)]
        XCTAssertEqual(weeks.map { restored.review(of: $0) }, weeks.map { source.review(of: $0) })
        XCTAssertNotNil(restored.review(of: weeks[1]))
        XCTAssertEqual(Set(restored.summaries.map(\.id)), Set(source.summaries.map(\.id)))
        XCTAssertEqual(permissions(target.directory + "/youths/" + (youthFiles.keys.first ?? "")), 0o600)
    }

    func testABackupIntoADirectoryWithDataIsRefusedAndSettingsAloneDoNotCount() throws {
        let export = try roundTrip(try demo().backup(exportedAt: later))
        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        let one = try Youth(name: "Al Hier", now: now, today: today)
        try target.save(one)
        let refusal = message { try target.importExport(export, replace: false) }
        XCTAssertTrue(refusal.hasPrefix("Dit bestand is een back-up van een hele caseload, en de gegevensmap \(target.directory) bevat al gegevens. "
            + "Een back-up wordt alleen in een lege gegevensmap teruggezet"), refusal)
        XCTAssertEqual(try CaseloadStore(directory: target.directory, mode: .readOnly).count, 1)
        XCTAssertEqual(target.workplaces, [])
        XCTAssertTrue(message { try target.importExport(export, replace: true) }.hasPrefix("--replace hoort bij de overdracht van een dossier."))

        // A new laptop where the coach typed a name: the backup's settings are restored over it.
        let fresh = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        var name = fresh.settings
        name.coachName = "Nieuwe laptop"
        try fresh.saveSettings(name)
        XCTAssertEqual(try fresh.importExport(export, replace: false).added.count, 13)
    }

    // MARK: - The file itself

    func testTheExportFileIsWrittenOutsideTheDataDirectoryNeverThroughALink() throws {
        let source = try demo()
        let export = try source.handover(youthID: try caseWithPlacements(in: source).id, exportedAt: later)
        let folder = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.json", withDestinationPath: folder + "/target.json")
        XCTAssertTrue(message { try export.write(to: folder + "/link.json", outside: source.directory) }.contains("is een symbolische koppeling"))
        XCTAssertEqual(PrivateFiles.kind(of: folder + "/target.json"), .missing)
        XCTAssertTrue(message { try export.write(to: source.directory + "/youths/case.json", outside: source.directory) }
            .contains("ligt in de gegevensmap"))
        XCTAssertTrue(message { try export.write(to: source.directory + "/case.json", outside: source.directory) }.contains("ligt in de gegevensmap"))
        XCTAssertTrue(message { try export.write(to: folder + "/nowhere/case.json", outside: source.directory) }.hasPrefix("De map \(folder)/nowhere bestaat niet."))
        XCTAssertTrue(message { try export.write(to: folder, outside: source.directory) }.contains("is een map"))

        // Reading never follows a link either, and never reads past the limit.
        try export.write(to: folder + "/case.json", outside: source.directory)
        try FileManager.default.createSymbolicLink(atPath: folder + "/other.json", withDestinationPath: folder + "/case.json")
        XCTAssertTrue(message { _ = try CaseloadExport.read(from: folder + "/other.json") }.contains("symbolische koppeling"))
        XCTAssertEqual(try CaseloadExport.read(from: folder + "/case.json").youths, export.youths)
        // An existing file is replaced whole: a backup is made again under the same name.
        try export.write(to: folder + "/case.json", outside: source.directory)
        XCTAssertEqual(permissions(folder + "/case.json"), 0o600)
    }

    // MARK: - Nothing is written that the next start refuses

    /// A youth whose file would pass `FileLimits.youth`: texts at the page limit, each character
    /// 8 bytes (a flag), in enough journal entries. Built once: encoding 32 MB takes a moment.
    private static let oversized: Youth = {
        let page = String(repeating: "🇳🇱", count: TextLimits.page)
        let entries = FileLimits.youth / page.utf8.count + 2
        var youth = try! Youth(name: "Groot Dossier", now: Date(timeIntervalSince1970: 1_795_000_000), today: LocalDate(year: 2026, month: 11, day: 22)!)
        youth.journal = (0..<entries).map { number in
            var entry = JournalEntry(date: LocalDate(year: 2026, month: 11, day: 1)!, kind: .phone, id: "contact-\(number)")
            entry.text = page
            return entry
        }
        return youth
    }()

    func testAYouthLargerThanTheLoaderReadsIsNeitherSavedNorImported() throws {
        let youth = Self.oversized
        let store = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.now })
        XCTAssertThrowsError(try store.save(youth)) { error in
            guard case .tooLarge(let what, let size, let limit)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(what, "het dossier")
            XCTAssertGreaterThan(size, FileLimits.youth)
            XCTAssertEqual(limit, FileLimits.youth)
            XCTAssertTrue(error.localizedDescription.hasPrefix("Niet opgeslagen: het dossier zou ruim 32 MB worden, groter dan de 32 MB die Rode Loper "
                + "bij het starten leest"), error.localizedDescription)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.directory + "/youths"), [])
        XCTAssertEqual(store.count, 0)

        // Imported, it is refused before anything is written: not even the workplace comes.
        let workplace = try Workplace(name: "Bakkerij", now: now, id: "w1")
        let export = CaseloadExport(kind: .handover, youths: [youth], workplaces: [workplace], exportedAt: later)
        let refusal = message { try store.importExport(export, replace: false) }
        XCTAssertEqual(refusal, "Het dossier \(youth.id.prefix(8)) in het bestand is ruim 32 MB, groter dan de 32 MB die Rode Loper bij het starten "
            + "leest; het zou in quarantaine gaan. Er is niets geïmporteerd.")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: store.directory + "/youths"), [])
        XCTAssertEqual(PrivateFiles.kind(of: store.directory + "/workplaces/w1.json"), .missing)
        XCTAssertEqual(try CaseloadStore(directory: store.directory, mode: .readOnly).count, 0)
    }

    /// The documents beside the youths (reviews, workplaces, settings) are held to their own limit.
    func testADocumentLargerThanItsReadLimitIsNotWritten() throws {
        let store = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.now })
        let big = ["text": String(repeating: "x", count: FileLimits.document)]
        XCTAssertThrowsError(try store.writeDocument(big, folder: CaseloadStore.reviewsFolder, name: "2026-W48.json")) { error in
            XCTAssertEqual(error.localizedDescription, "Niet opgeslagen: de weekbespreking zou ruim 16 MB worden, groter dan de 16 MB die Rode Loper "
                + "bij het starten leest; het zou dan in quarantaine gaan. Er is niets veranderd.")
        }
        XCTAssertEqual(PrivateFiles.kind(of: store.directory + "/reviews/2026-W48.json"), .missing)
        XCTAssertThrowsError(try store.writeDocument(["name": String(repeating: "x", count: FileLimits.settings)], folder: ".", name: "settings.json"))
        XCTAssertEqual(PrivateFiles.kind(of: store.directory + "/settings.json"), .missing)
        XCTAssertNoThrow(try store.writeDocument(["text": "klein"], folder: CaseloadStore.reviewsFolder, name: "2026-W48.json"))
    }

    // MARK: - A backup holds everything or is refused

    func testABackupWithAFileItCannotHoldWholeIsRefusedNamingThePaths() throws {
        let source = try demo()
        let ids = source.summaries.map(\.id).sorted()
        let names = source.summaries.map(\.name)
        // One youth written by a newer version (its newer fields would be dropped), one unreadable,
        // a review of a newer schema.
        let newer = source.directory + "/youths/\(ids[0]).json"
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: newer))) as? [String: Any])
        object["schemaVersion"] = CaseloadStore.schemaVersion + 1
        object["future"] = ["kept": true]
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: newer))
        try Data("{".utf8).write(to: URL(fileURLWithPath: source.directory + "/youths/\(ids[1]).json"))
        let week = try XCTUnwrap(source.documentNames(in: CaseloadStore.reviewsFolder).first)
        let reviewPath = source.directory + "/reviews/" + week
        var review = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reviewPath))) as? [String: Any])
        review["schemaVersion"] = WeeklyReview.schemaVersion + 1
        try JSONSerialization.data(withJSONObject: review).write(to: URL(fileURLWithPath: reviewPath))

        // The quarantine log is not part of a backup: damaged, it does not block one.
        try Data("{".utf8).write(to: URL(fileURLWithPath: source.directory + "/quarantine.json"))

        let reader = try CaseloadStore(directory: source.directory, mode: .readOnly)
        let refusal = message { _ = try reader.backup(exportedAt: later) }
        XCTAssertTrue(refusal.hasPrefix("Geen back-up gemaakt: deze 3 bestanden kunnen er niet heel in"), refusal)
        XCTAssertTrue(refusal.contains("- youths/\(ids[0]).json: het is gemaakt door een nieuwere versie van Rode Loper (schema \(CaseloadStore.schemaVersion + 1))"), refusal)
        XCTAssertTrue(refusal.contains("- youths/\(ids[1]).json: het is geen geldige JSON"), refusal)
        XCTAssertTrue(refusal.contains("- reviews/\(week): het is gemaakt door een nieuwere versie"), refusal)
        XCTAssertTrue(refusal.contains("Start Rode Loper één keer gewoon (rodeloper)") && refusal.contains("maak de back-up dan met die versie")
                      && refusal.hasSuffix("Er is niets geschreven."), refusal)
        for name in names { XCTAssertFalse(refusal.contains(name), "no youth is named") }
    }

    func testABackupThroughALinkedFolderIsRefused() throws {
        let source = try demo()
        let outside = temporaryDirectory(self)
        try FileManager.default.moveItem(atPath: source.directory + "/reviews", toPath: outside)
        XCTAssertEqual(symlink(outside, source.directory + "/reviews"), 0)
        let reader = try CaseloadStore(directory: source.directory, mode: .readOnly)
        let refusal = message { _ = try reader.backup(exportedAt: later) }
        XCTAssertTrue(refusal.contains("- reviews/: reviews/ is een symbolische koppeling."), refusal)
    }

    // MARK: - A handover is one case

    func testPlacementsAtAWorkplaceThatDidNotComeAlongAreImportedAndCounted() throws {
        let source = try demo()
        let youth = try caseWithPlacements(in: source)
        var export = try source.handover(youthID: youth.id, exportedAt: later)
        export.workplaces.removeFirst()
        let missing = youth.placements.filter { !export.workplaces.map(\.id).contains($0.workplaceID) }.count
        XCTAssertGreaterThan(missing, 0)
        let target = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        let result = try target.importExport(try roundTrip(export), replace: false)
        XCTAssertEqual(result.placementsWithoutWorkplace, missing)
        XCTAssertEqual(try target.youth(id: youth.id), youth, "the case still arrives whole")
        let line = try XCTUnwrap(result.missingWorkplacesLine)
        XCTAssertTrue(line.hasPrefix("\(missing) plaatsing\(missing == 1 ? " verwijst" : "en verwijzen") naar een werkplek die niet in het bestand zat"), line)

        // Whole, the same file says nothing.
        let whole = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.later })
        XCTAssertNil(try whole.importExport(try source.handover(youthID: youth.id, exportedAt: later), replace: false).missingWorkplacesLine)
    }

    func testAYouthsOwnFileIsRecognisedAndTheWayToAnExportIsSaid() throws {
        let source = try demo()
        let id = try XCTUnwrap(source.summaries.first?.id)
        let path = source.directory + "/youths/\(id).json"
        XCTAssertEqual(message { _ = try CaseloadExport.read(from: path) },
                       "\(path) is een dossierbestand uit de gegevensmap (youths/NUMMER.json), geen export. Maak een export met "
                       + "rodeloper export --format json --youth NUMMER --out BESTAND en importeer dat bestand. Er is niets geïmporteerd.")
    }

    // MARK: - The backup written youth by youth

    /// The backup `writeBackup` writes to --out, youth by youth.
    private func streamedBackup(_ store: CaseloadStore, into folder: String) throws -> Data {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let count = try ExportFile.write(to: folder + "/backup.json", outside: store.directory, example: "b.json") {
            try store.writeBackup(exportedAt: later, to: $0)
        }
        XCTAssertEqual(count, store.count)
        XCTAssertEqual(permissions(folder + "/backup.json"), 0o600)
        return try Data(contentsOf: URL(fileURLWithPath: folder + "/backup.json"))
    }

    /// Written youth by youth, a backup is byte for byte the document encoded whole: the youths
    /// in name order (an accent folded, one name twice ordered by id), escaped characters in a
    /// name, workplaces, reviews, settings and pseudonyms. Also with no youth and with one.
    func testABackupWrittenYouthByYouthIsByteForByteTheWholeDocument() throws {
        let store = try demo()
        let model = try XCTUnwrap(store.allYouths().first)
        for (number, name) in ["Çelik, Ayla", "Celik, Ayla", "Celik, Ayla", "Bidi\u{202E}Naam\u{2028}", "aardappel"].enumerated() {
            var copy = model
            copy.id = "0b5e7c3a-9000-4000-8000-00000000000\(number)"
            copy.name = name
            try store.save(copy)
        }
        _ = try store.pseudonyms(create: true)
        let reader = try CaseloadStore(directory: store.directory, mode: .readOnly)
        XCTAssertGreaterThan(reader.workplaces.count, 1)
        let backup = try reader.backup(exportedAt: later)
        XCTAssertNotNil(backup.pseudonyms)
        XCTAssertFalse(backup.reviews?.isEmpty ?? true)
        // The whole document as it was made before: every youth at once, sorted by the export itself.
        let whole = try CaseloadExport(kind: .backup, youths: reader.allYouths(), workplaces: reader.workplaces, settings: backup.settings,
                                       reviews: backup.reviews, pseudonyms: backup.pseudonyms, exportedAt: later).json()
        XCTAssertEqual(try backup.json(), whole)
        let streamed = try streamedBackup(reader, into: temporaryDirectory(self))
        XCTAssertEqual(streamed, whole, String(decoding: streamed.prefix(2000), as: UTF8.self))

        for kept in [0, 1] {
            let small = try CaseloadStore(directory: temporaryDirectory(self), clock: { self.now })
            for youth in backup.youths.prefix(kept) { try small.save(youth, updatedAt: youth.updated) }
            let smallReader = try CaseloadStore(directory: small.directory, mode: .readOnly)
            let reference = try smallReader.backup(exportedAt: later)
            let expected = try CaseloadExport(kind: .backup, youths: smallReader.allYouths(), workplaces: [], settings: reference.settings,
                                              reviews: reference.reviews, pseudonyms: reference.pseudonyms, exportedAt: later).json()
            XCTAssertEqual(try streamedBackup(smallReader, into: temporaryDirectory(self)), expected, "\(kept) youths")
        }
    }

    /// A youth file that no longer reads by the time the backup reaches it (changed after the
    /// start) refuses the backup written youth by youth too: nothing at --out, no temporary file.
    func testABackupThatMeetsAnUnreadableFileWhileWritingLeavesNothing() throws {
        let store = try demo()
        let reader = try CaseloadStore(directory: store.directory, mode: .readOnly)
        let id = try XCTUnwrap(reader.summaries.map(\.id).sorted().last)
        try Data("{".utf8).write(to: URL(fileURLWithPath: store.directory + "/youths/\(id).json"))
        let folder = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let refusal = message {
            _ = try ExportFile.write(to: folder + "/backup.json", outside: store.directory, example: "b.json") { try reader.writeBackup(exportedAt: later, to: $0) }
        }
        XCTAssertTrue(refusal.hasPrefix("Geen back-up gemaakt: dit bestand kan er niet heel in") && refusal.contains("- youths/\(id).json: het is geen geldige JSON"), refusal)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "nothing written, no temporary file left")
    }
}
