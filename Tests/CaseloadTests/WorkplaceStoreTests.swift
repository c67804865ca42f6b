@testable import Caseload
import Foundation
import XCTest

/// Workplace files (workplaces/<id>.json) have every guarantee youth files have, through the one
/// document mechanism: a round trip, private modes, quarantine with a notice for what cannot be
/// read, a newer version's file left alone, and a youth that still opens when its workplace is gone.
final class WorkplaceStoreTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    /// A workplace with every field filled and two scans, as in the sample.
    static func fullWorkplace() throws -> Workplace {
        var workplace = try Workplace(name: "Bakkerij De Korenschoof", now: Date(timeIntervalSince1970: 1_790_000_000),
                                      id: "3f6c2a10-5b7e-4d2a-9c1e-000000000017")
        workplace.sector = "Voeding en ambacht"
        workplace.address = "Molenstraat 12, 3511 AB Utrecht"
        workplace.contactName = "Henk Meelman"
        workplace.contactPhone = "030 123 4567"
        workplace.contactEmail = "henk@korenschoof.nl"
        workplace.kinds = [.job, .internship, .learnAndWork]
        workplace.notes = "Vroeg beginnen (5 uur).\nHenk neemt graag jongeren aan die van handwerk houden."
        workplace.active = false
        var first = WorkplaceScan(date: LocalDate(year: 2026, month: 3, day: 4)!, id: "a1b2c3d4-0000-4000-8000-000000000001")
        var second = WorkplaceScan(date: LocalDate(year: 2026, month: 10, day: 12)!, id: "a1b2c3d4-0000-4000-8000-000000000002")
        for text in WorkplaceScan.Text.allCases {
            first[text] = "Eerste scan: \(text.label.lowercased())."
            second[text] = "Tweede scan: \(text.label.lowercased()),\nop twee regels."
        }
        workplace.save(first)
        workplace.save(second)
        workplace.updated = Date(timeIntervalSince1970: 1_795_000_000)
        return workplace
    }

    private func store(_ directory: String) throws -> CaseloadStore { try CaseloadStore(directory: directory, clock: { self.now }) }

    private func path(_ directory: String, _ id: String) -> String { "\(directory)/workplaces/\(id).json" }

    /// A data directory with one saved workplace; returns it and the workplace.
    private func directoryWithWorkplace() throws -> (String, Workplace) {
        let directory = temporaryDirectory(self)
        let saved = try store(directory).save(try Self.fullWorkplace())
        return (directory, saved)
    }

    private func quarantined(_ directory: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine"))?.filter { !$0.hasPrefix(".") && $0 != "quarantine.json" } ?? []
    }

    func testAWorkplaceRoundTripsInAPrivateFile() throws {
        let (directory, saved) = try directoryWithWorkplace()
        XCTAssertEqual(saved.updated, now, "saving stamps the moment")
        XCTAssertEqual(permissions(path(directory, saved.id)), 0o600)
        XCTAssertEqual(permissions(directory + "/workplaces"), 0o700)
        let reopened = try store(directory)
        XCTAssertEqual(reopened.workplace(id: saved.id), saved)
        XCTAssertEqual(reopened.workplaces.map(\.id), [saved.id])
        XCTAssertTrue(reopened.notices.isEmpty, reopened.notices.map(\.message).joined())
        XCTAssertNil(reopened.workplaceReadOnlyReason(id: saved.id))
    }

    func testTheSampleLoadsAndWritesBackByteForByte() throws {
        let data = try Data(contentsOf: DataFormatTests.samples.appendingPathComponent("workplace-v\(Workplace.schemaVersion).json"))
        let record = try CaseloadStore.decoder.decode(WorkplaceRecord.self, from: data)
        XCTAssertEqual(record.workplace, try Self.fullWorkplace())
        XCTAssertEqual(record.workplace.scansNewestFirst.map(\.date.text), ["12-10-2026", "04-03-2026"])
        XCTAssertNoThrow(try record.validate())
        XCTAssertEqual(try CaseloadStore.encode(record), data, "what is written changed: raise Workplace.schemaVersion and add a sample")
        // Read from a data directory, through the document mechanism.
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory + "/workplaces", withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path(directory, record.workplace.id)))
        XCTAssertEqual(try store(directory).workplace(id: record.workplace.id), record.workplace)
        // Every key but the id, the name and the moment it was made may be missing.
        let bare = try CaseloadStore.decoder.decode(WorkplaceRecord.self, from: Data(
            #"{"schemaVersion": 1, "workplace": {"id": "w1", "name": "Kaal", "created": "2026-11-22T12:00:00Z"}}"#.utf8))
        XCTAssertEqual([bare.workplace.sector, bare.workplace.notes, bare.workplace.contactEmail], ["", "", ""])
        XCTAssertTrue(bare.workplace.active)
        XCTAssertEqual(bare.workplace.scans, [])
        XCTAssertEqual(bare.workplace.updated, bare.workplace.created)
    }

    /// Each way a workplace file cannot be read sends it to quarantine with a notice naming it.
    func testUnreadableWorkplaceFilesGoToQuarantineWithANotice() throws {
        let sample = try String(contentsOf: DataFormatTests.samples.appendingPathComponent("workplace-v1.json"), encoding: .utf8)
        let cases: [(name: String, contents: String, says: String)] = [
            ("corrupt", #"{"schemaVersion": 1, "workplace": {"#, "workplaces/"),
            ("unknown kind", sample.replacingOccurrences(of: #""learnAndWork""#, with: #""spaceStation""#), "workplaces/"),
            ("no name", sample.replacingOccurrences(of: #""name" : "Bakkerij De Korenschoof""#, with: #""name" : " ""#), "workplaces/"),
        ]
        for entry in cases {
            let (directory, saved) = try directoryWithWorkplace()
            try Data(entry.contents.utf8).write(to: URL(fileURLWithPath: path(directory, saved.id)))
            let reopened = try store(directory)
            XCTAssertNil(reopened.workplace(id: saved.id), entry.name)
            let notices = reopened.notices.map(\.message).joined(separator: "\n")
            XCTAssertTrue(notices.contains(entry.says + saved.id + ".json"), "\(entry.name): \(notices)")
            XCTAssertEqual(quarantined(directory).count, 1, entry.name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path(directory, saved.id)), entry.name)
            XCTAssertEqual(reopened.missingWorkplaceReason(id: saved.id), "in quarantaine", entry.name)
        }
    }

    func testAWorkplaceFileWhoseIdIsNotItsNameIsQuarantined() throws {
        let (directory, saved) = try directoryWithWorkplace()
        let other = path(directory, "0b5e7c3a-0000-4000-8000-00000000beef")
        XCTAssertEqual(rename(path(directory, saved.id), other), 0)
        let reopened = try store(directory)
        XCTAssertEqual(reopened.workplaces, [])
        XCTAssertTrue(reopened.notices.map(\.message).joined().contains("0b5e7c3a-0000-4000-8000-00000000beef.json"))
        XCTAssertEqual(quarantined(directory).count, 1)
    }

    func testAWorkplaceFileThatIsALinkIsQuarantinedWithoutTouchingItsTarget() throws {
        let (directory, saved) = try directoryWithWorkplace()
        let outside = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let target = outside + "/secret.json"
        try FileManager.default.copyItem(atPath: path(directory, saved.id), toPath: target)
        chmod(target, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        try FileManager.default.removeItem(atPath: path(directory, saved.id))
        XCTAssertEqual(symlink(target, path(directory, saved.id)), 0)
        let reopened = try store(directory)
        XCTAssertNil(reopened.workplace(id: saved.id))
        XCTAssertTrue(reopened.notices.map(\.message).joined().contains("symbolische koppeling"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: target)), before)
        XCTAssertEqual(permissions(target), 0o644)
        XCTAssertEqual(quarantined(directory).count, 1)
    }

    /// Far larger than the program writes (sparse: nothing is written): refused by its size, unread.
    func testAHugeWorkplaceFileIsQuarantinedUnread() throws {
        let (directory, saved) = try directoryWithWorkplace()
        XCTAssertEqual(truncate(path(directory, saved.id), FileLimits.document + 1), 0)
        let started = Date()
        let reopened = try store(directory)
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        XCTAssertNil(reopened.workplace(id: saved.id))
        XCTAssertTrue(reopened.notices.map(\.message).joined().contains("groter dan 16 MB"), reopened.notices.map(\.message).joined())
        XCTAssertEqual(quarantined(directory).count, 1)
    }

    func testANewerWorkplaceFileStaysInPlaceAndIsNeverWritten() throws {
        let (directory, saved) = try directoryWithWorkplace()
        let file = path(directory, saved.id)
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        json["schemaVersion"] = Workplace.schemaVersion + 1
        var record = try XCTUnwrap(json["workplace"] as? [String: Any])
        record["rating"] = 5   // something this version does not know
        json["workplace"] = record
        let newer = try JSONSerialization.data(withJSONObject: json)
        try newer.write(to: URL(fileURLWithPath: file))

        do {
            let reopened = try store(directory)
            var workplace = try XCTUnwrap(reopened.workplace(id: saved.id), "readable: shown, read-only")
            XCTAssertTrue(reopened.notices.map(\.message).joined().contains("nieuwere versie van Rode Loper"))
            XCTAssertEqual(reopened.workplaceReadOnlyReason(id: saved.id)?.contains("nieuwere versie"), true)
            workplace.notes = "Gewijzigd"
            XCTAssertThrowsError(try reopened.save(workplace))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), newer, "not a byte changed")
        XCTAssertEqual(quarantined(directory), [])

        // One this version cannot read at all: not shown, left in place, and the reason says why.
        let unreadable = Data(#"{"schemaVersion": 99, "workplace": {"id": 5}}"#.utf8)
        try unreadable.write(to: URL(fileURLWithPath: file))
        let again = try store(directory)
        XCTAssertNil(again.workplace(id: saved.id))
        XCTAssertEqual(again.missingWorkplaceReason(id: saved.id), "gemaakt met een nieuwere versie van Rode Loper")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), unreadable)
        XCTAssertEqual(quarantined(directory), [])
    }

    /// A youth refers to a workplace by id: when that file is in quarantine or gone, the youth
    /// still opens, its placement still names the workplace, and the reason is known.
    func testAYouthWhoseWorkplaceIsGoneStillOpens() throws {
        let (directory, workplace) = try directoryWithWorkplace()
        var youth = try Youth(name: "Sanne Voorbeeld", now: now, today: today)
        try youth.save(Placement(workplace: workplace, kind: .internship, start: today), now: now)
        do {
            let first = try store(directory)
            try first.save(youth)
            XCTAssertEqual(first.placements(at: workplace.id).map(\.youthName), ["Sanne Voorbeeld"])
        }

        try Data("{".utf8).write(to: URL(fileURLWithPath: path(directory, workplace.id)))
        do {
            let reopened = try store(directory)
            let opened = try reopened.youth(id: youth.id)
            XCTAssertEqual(opened.placements.first?.workplaceName, "Bakkerij De Korenschoof")
            XCTAssertNil(reopened.workplace(id: workplace.id))
            XCTAssertEqual(reopened.missingWorkplaceReason(id: workplace.id), "in quarantaine")
            XCTAssertEqual(reopened.placements(at: workplace.id).count, 1, "the history is derived from the youth, not the workplace file")
        }

        // A workplace removed by hand leaves the youth as readable; the reason says it is not found.
        var other = try Youth(name: "Noor Elders", now: now, today: today)
        var gone = try Workplace(name: "Verdwenen bv", now: now)
        gone.id = "0b5e7c3a-0000-4000-8000-00000000dead"
        try other.save(Placement(workplace: gone, kind: .job, start: today), now: now)
        try store(directory).save(other)
        let again = try store(directory)
        XCTAssertEqual(try again.youth(id: other.id).placements.first?.workplaceName, "Verdwenen bv")
        XCTAssertEqual(again.missingWorkplaceReason(id: gone.id), "niet gevonden")
    }

    /// The list's filter: name, sector and the kinds offered, capitals and accents not counting.
    func testTheFilterMatchesNameSectorAndKind() throws {
        var workplace = try Workplace(name: "Café Ünal", now: now)
        workplace.sector = "Horeca"
        workplace.kinds = [.workExperience]
        for query in ["", "cafe", "UNAL", " horeca ", "werkervaring", "Café ünal"] {
            XCTAssertTrue(workplace.matches(query), query)
        }
        for query in ["bakkerij", "stage", "x"] { XCTAssertFalse(workplace.matches(query), query) }
    }

    /// A later scan sits beside an earlier one; newest first; a removal takes only its own.
    func testScansAreKeptBesideEachOther() throws {
        var workplace = try Self.fullWorkplace()
        let earlier = workplace.scans
        let later = WorkplaceScan(date: LocalDate(year: 2026, month: 11, day: 20)!)
        workplace.save(later)
        XCTAssertEqual(workplace.scansNewestFirst.map(\.id), [later.id] + earlier.reversed().map(\.id))
        try workplace.remove(scanID: later.id)
        XCTAssertEqual(workplace.scans, earlier)
        XCTAssertThrowsError(try workplace.remove(scanID: later.id))
        XCTAssertThrowsError(try Workplace.validScanDate(today.adding(days: 1), today: today))
        XCTAssertEqual(try Workplace.validScanDate(today.adding(days: -400), today: today), today.adding(days: -400))
    }
}
