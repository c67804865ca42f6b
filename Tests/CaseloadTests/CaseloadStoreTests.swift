@testable import Caseload
import XCTest

final class CaseloadStoreTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    private func makeYouth(_ name: String) throws -> Youth {
        try Youth(name: name, now: now, today: today)
    }

    func testRoundTripThroughTheFile() throws {
        let directory = temporaryDirectory(self)
        var youth = try makeYouth("Zoë Çelik")
        youth.dateOfBirth = try LocalDate.parse("03-04-2007")
        youth.foundAt = .barbershop
        youth.phone = "06 1234 5678"
        youth.move(to: .quickScan, on: today, now: now)
        let saved = try { () throws -> Youth in
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            return try store.save(youth)
        }()
        let reopened = try CaseloadStore(directory: directory)
        XCTAssertEqual(try reopened.youth(id: youth.id), saved)
        XCTAssertEqual(reopened.summaries, [YouthSummary(saved)])
        let text = try String(contentsOfFile: "\(directory)/youths/\(youth.id).json", encoding: .utf8)
        XCTAssertTrue(text.contains(#""schemaVersion" : \#(CaseloadStore.schemaVersion)"#), text)
        XCTAssertTrue(text.contains(#""dateOfBirth" : "2007-04-03""#), text)
    }

    func testCrashBetweenWriteAndRenameLeavesTheOldFileWhole() throws {
        let directory = temporaryDirectory(self)
        var youth = try makeYouth("Sem Verzonnen")
        var store: CaseloadStore! = try CaseloadStore(directory: directory)
        try store.save(youth)
        let path = "\(directory)/youths/\(youth.id).json"
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        youth.municipality = "Proefdorp"
        store.simulate = .crashBeforeRename
        XCTAssertThrowsError(try store.save(youth))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/youths").filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers.count, 1, "the crash leaves its temp file behind")

        // The next start sets the leftover aside and still opens the whole, older record.
        store = nil
        let next = try CaseloadStore(directory: directory)
        XCTAssertEqual(try next.youth(id: youth.id).municipality, "")
        XCTAssertEqual(next.notices.count, 1)
        XCTAssertTrue(next.notices[0].message.contains("onvoltooide opslag"), next.notices[0].message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(directory)/quarantine").count, 1)
    }

    func testFullDiskKeepsTheOldFileAndSaysSo() throws {
        let directory = temporaryDirectory(self)
        var youth = try makeYouth("Priya Proef")
        let store = try CaseloadStore(directory: directory)
        try store.save(youth)
        youth.phone = "06 1111 2222"
        store.simulate = .diskFullWhileWriting
        XCTAssertThrowsError(try store.save(youth)) { error in
            XCTAssertEqual(error as? StoreError, .diskFull)
            XCTAssertTrue(error.localizedDescription.hasPrefix("De schijf is vol"))
        }
        XCTAssertEqual(try store.youth(id: youth.id).phone, "")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: "\(directory)/youths").count, 1)
    }

    func testPermissionsArePrivateWhateverTheUmask() throws {
        let directory = temporaryDirectory(self)
        let old = umask(0)
        defer { umask(old) }
        let youth = try makeYouth("Noor Nepnaam")
        let store = try CaseloadStore(directory: directory)
        try store.save(youth)
        store.saveIndex()
        XCTAssertEqual(permissions(directory), 0o700)
        XCTAssertEqual(permissions("\(directory)/youths"), 0o700)
        XCTAssertEqual(permissions("\(directory)/youths/\(youth.id).json"), 0o600)
        XCTAssertEqual(permissions("\(directory)/index.cache"), 0o600)
        XCTAssertEqual(permissions("\(directory)/.lock"), 0o600)
    }

    func testASecondInstanceIsRefusedUntilTheFirstCloses() throws {
        let directory = temporaryDirectory(self)
        var first: CaseloadStore? = try CaseloadStore(directory: directory)
        XCTAssertThrowsError(try CaseloadStore(directory: directory)) { error in
            XCTAssertEqual(error as? StoreError, .lockedByOtherInstance(directory: directory))
            XCTAssertTrue(error.localizedDescription.contains("al geopend"))
        }
        XCTAssertNoThrow(try CaseloadStore(directory: directory, mode: .readOnly), "export reads alongside")
        XCTAssertNotNil(first)
        first = nil
        XCTAssertNoThrow(try CaseloadStore(directory: directory))
    }

    func testUnreadableFilesAreQuarantinedAndTheRestLoads() throws {
        let directory = temporaryDirectory(self)
        let keep = try makeYouth("Kevin Kunstmatig")
        let truncated = try makeYouth("Lotte Oefen")
        let future = try makeYouth("Timo Fantasie")
        do {
            let store = try CaseloadStore(directory: directory)
            for youth in [keep, truncated, future] { try store.save(youth) }
            store.saveIndex()
        }
        let truncatedPath = "\(directory)/youths/\(truncated.id).json"
        let full = try Data(contentsOf: URL(fileURLWithPath: truncatedPath))
        try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: truncatedPath))
        let futurePath = "\(directory)/youths/\(future.id).json"
        let newer = try String(contentsOfFile: futurePath, encoding: .utf8)
            .replacingOccurrences(of: #""schemaVersion" : \#(CaseloadStore.schemaVersion)"#, with: #""schemaVersion" : 999"#)
        try newer.write(toFile: futurePath, atomically: false, encoding: .utf8)

        let store = try CaseloadStore(directory: directory)
        XCTAssertEqual(store.summaries.map(\.name).sorted(), ["Kevin Kunstmatig", "Timo Fantasie"], "a newer file is shown")
        XCTAssertEqual(store.notices.count, 2)
        let messages = store.notices.map(\.message).joined(separator: "\n")
        XCTAssertTrue(messages.contains("youths/\(truncated.id).json kon niet worden gelezen: het is geen geldige JSON"), messages)
        XCTAssertTrue(messages.contains("nieuwere versie van Rode Loper (schema 999). Het dossier is hier alleen te lezen"), messages)
        XCTAssertFalse(messages.contains("Lotte"), "no personal data in messages")
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/quarantine")
        XCTAssertEqual(quarantined.count, 1, "the newer file stays where the newer program looks for it")
        XCTAssertEqual(try String(contentsOfFile: futurePath, encoding: .utf8), newer)
        let moved = try XCTUnwrap(quarantined.first { $0.hasSuffix(truncated.id + ".json") })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(directory)/quarantine/\(moved)")), full.prefix(full.count / 2),
                       "quarantined bytes are kept as they were")
        XCTAssertFalse(FileManager.default.fileExists(atPath: truncatedPath))
    }

    func testWrongShapeNamesTheField() throws {
        XCTAssertThrowsError(try CaseloadStore.decodeYouth(Data(#"{"schemaVersion": 1, "youth": {"id": "x"}}"#.utf8))) { error in
            guard case CaseloadStore.UnreadableReason.wrongShape(let field) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "youth.name ontbreekt")
        }
        XCTAssertThrowsError(try CaseloadStore.decodeYouth(Data())) { error in
            guard case CaseloadStore.UnreadableReason.empty = error else { return XCTFail("\(error)") }
        }
    }

    func testTheSummaryCacheIsCheckedAgainstTheFiles() throws {
        let directory = temporaryDirectory(self)
        var youth = try makeYouth("Bilal Bedacht")
        do {
            let store = try CaseloadStore(directory: directory)
            try store.save(youth)
            store.saveIndex()
        }
        // Another tool changes the file behind the cache's back: the cache entry no longer fits.
        youth.name = "Bilal B."
        let data = try CaseloadStore.encode(YouthRecord(youth: youth))
        try data.write(to: URL(fileURLWithPath: "\(directory)/youths/\(youth.id).json"))
        XCTAssertEqual(try CaseloadStore(directory: directory).summaries.map(\.name), ["Bilal B."])

        // A broken cache is rebuilt from the files.
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: "\(directory)/index.cache"))
        let rebuilt = try CaseloadStore(directory: directory)
        XCTAssertEqual(rebuilt.summaries.map(\.name), ["Bilal B."])
        XCTAssertTrue(rebuilt.notices.isEmpty)
    }

    /// The demo shows coaching on the job with data: workplaces with scans and history, a youth
    /// with a lopende placement and three talks, one whose placement ended early, a certificate.
    func testDemoHasWorkplacesPlacementsAndTalks() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        try DemoCaseload.write(into: store, today: today, now: now)
        let reopened = try CaseloadStore(directory: directory, mode: .readOnly)
        XCTAssertTrue(reopened.notices.isEmpty, "\(reopened.notices)")
        XCTAssertEqual(reopened.workplaces.count, 5)
        XCTAssertTrue(reopened.workplaces.contains { !$0.active })
        XCTAssertTrue(reopened.workplaces.contains { $0.scans.count >= 2 })
        XCTAssertTrue(reopened.workplaces.contains { reopened.placements(at: $0.id).count >= 2 }, "a workplace with a history")
        let youths = reopened.allYouths()
        let jesse = try XCTUnwrap(youths.first { $0.name == "Jesse Testman" })
        XCTAssertEqual(jesse.currentPlacement?.status, .running)
        XCTAssertEqual(jesse.progressTalks.count, 3)
        XCTAssertFalse(jesse.userManual.isEmpty)
        XCTAssertTrue(youths.contains { $0.placements.contains { $0.ending == .stoppedByEmployer || $0.ending == .stoppedByYouth } })
        XCTAssertTrue(youths.contains { $0.placements.contains { $0.certificateOn != nil } })
        XCTAssertTrue(youths.contains { $0.phase == .matchAndWrapAround && !$0.quickScan.wishes.isEmpty }, "someone to match")
    }

    func testDemoRefusesADirectoryWithData() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory)
        try DemoCaseload.write(into: store, today: today, now: now)
        XCTAssertEqual(store.count, 13)
        XCTAssertThrowsError(try DemoCaseload.write(into: store, today: today, now: now)) { error in
            XCTAssertEqual(error as? StoreError, .notEmpty(directory: directory))
        }
    }

    func testExportHoldsEveryYouthSortedByName() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory)
        for name in ["Zoë Çelik", "Ahmed", "Çan"] { try store.save(try makeYouth(name)) }
        let export = CaseloadExport(youths: store.allYouths(), exportedAt: now)
        XCTAssertEqual(export.youths.map(\.name), ["Ahmed", "Çan", "Zoë Çelik"])
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: try export.json()) as? [String: Any])
        XCTAssertEqual(json["schemaVersion"] as? Int, CaseloadStore.schemaVersion)
        XCTAssertEqual((json["youths"] as? [Any])?.count, 3)
    }

    /// The JSON export carries the workplaces too, and each youth's placements and talks.
    func testExportHoldsWorkplacesAndPlacements() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let bakery = try store.save(try Workplace(name: "Bakkerij De Korrel", now: now, id: "w-bakery"))
        try store.save(try Workplace(name: "Autogarage", now: now, id: "w-garage"))
        var youth = try makeYouth("Sem")
        let start = try XCTUnwrap(LocalDate(year: 2026, month: 9, day: 1))
        var placement = Placement(workplace: bakery, kind: .internship, start: start, id: "p1")
        placement.status = .running
        try youth.save(placement, now: now)
        youth.progressTalks = [youth.newTalk(placementID: "p1", on: start.adding(days: 14), id: "t1")]
        try store.save(youth)
        let reopened = try CaseloadStore(directory: directory, mode: .readOnly)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: try CaseloadExport(youths: reopened.allYouths(), workplaces: reopened.workplaces,
                                                                                        exportedAt: now).json()) as? [String: Any])
        XCTAssertEqual(json["workplaceSchemaVersion"] as? Int, Workplace.schemaVersion)
        XCTAssertEqual((json["workplaces"] as? [[String: Any]])?.compactMap { $0["name"] as? String }, ["Autogarage", "Bakkerij De Korrel"])
        let exported = try XCTUnwrap((json["youths"] as? [[String: Any]])?.first)
        XCTAssertEqual((exported["placements"] as? [[String: Any]])?.first?["workplaceID"] as? String, "w-bakery")
        XCTAssertEqual((exported["progressTalks"] as? [[String: Any]])?.first?["placementID"] as? String, "p1")
    }
}
