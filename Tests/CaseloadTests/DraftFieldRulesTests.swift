@testable import Caseload
import Foundation
import XCTest

/// One rule for a draft's field: a field of a kind this version knows that does not parse (week
/// 53 of a year with 52, year 0000, a plan part that does not exist) goes to quarantine at start,
/// logged like every quarantined file; a field of a kind this version does not know at all (a
/// newer version's) is kept where it is. Every move to quarantine goes through one `setAside`.
final class DraftFieldRulesTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    private func caseload() throws -> (directory: String, id: String) {
        let directory = temporaryDirectory(self) + "/data"
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let youth = try Youth(name: "Zoë Çelik", now: now, today: today)
        try store.save(youth)
        store.saveIndex()
        try FileManager.default.createDirectory(atPath: directory + "/drafts", withIntermediateDirectories: true)
        return (directory, youth.id)
    }

    /// A draft file as another program (or a hostile hand) would leave it: mode 0644.
    private func writeDraft(_ directory: String, youthID: String, field: String) throws -> String {
        let name = "\(youthID)--\(field).json"
        let object: [String: Any] = ["youthID": youthID, "field": field, "text": "getypt", "saved": "2026-11-20T10:00:00Z"]
        let path = directory + "/drafts/" + name
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o644)
        return name
    }

    func testTheReadingOfEveryKindOfField() {
        XCTAssertEqual(DraftField.reading("changePlan.goal"), .field(.planPart(.goal)))
        XCTAssertEqual(DraftField.reading("review.2026-W53"), .field(.reviewNote(week: ReviewWeek(text: "2026-W53")!)))
        for invalid in ["review.2025-W53", "review.0000-W01", "review.2026-W00", "review.", "changePlan.nope", "changePlan",
                        "quickScan.situation-geen", "journal.", "meeting.m1", "meeting..x"] {
            guard case .invalid = DraftField.reading(invalid) else { return XCTFail("\(invalid): \(DraftField.reading(invalid))") }
        }
        for newer in ["workplace.notes", "match.2027", "coaching"] {
            XCTAssertEqual(DraftField.reading(newer), .unknownKind, newer)
        }
    }

    func testADraftOfAKnownKindThatDoesNotParseGoesToQuarantineAtStartLoggedAndPrivate() throws {
        let (directory, id) = try caseload()
        let fields = ["review.2025-W53", "review.0000-W01", "changePlan.nope", "quickScan.situation-geen"]
        let names = try fields.map { try writeDraft(directory, youthID: id, field: $0) }
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.drafts(), [], "none is offered")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/drafts"), [])
        for name in names {
            XCTAssertTrue(store.notices.contains { $0.message.contains("drafts/\(name) kon niet worden gelezen: het veld van het concept bestaat niet") },
                          "\(name): \(store.notices.map(\.message))")
            let entry = try XCTUnwrap(store.unseenQuarantined.first { $0.from == "drafts/" + name }, "logged: \(store.quarantined)")
            XCTAssertEqual(entry.youthName, "Zoë Çelik")
            XCTAssertEqual(permissions(directory + "/quarantine/" + entry.file), 0o600, "private like every quarantined file")
        }
        store.saveIndex()
    }

    func testAnInvalidDraftFieldIsReportedOnce() throws {
        let (directory, id) = try caseload()
        _ = try writeDraft(directory, youthID: id, field: "review.2025-W53")
        var store: CaseloadStore? = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store?.notices.count, 1)
        store = nil
        XCTAssertEqual(try CaseloadStore(directory: directory, clock: { self.now }).notices, [], "reported once")
    }

    func testADraftOfAFieldKindOnlyANewerVersionKnowsIsKeptWhereItIs() throws {
        let (directory, id) = try caseload()
        let name = try writeDraft(directory, youthID: id, field: "workplace.notes")
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.notices, [])
        let offered = try XCTUnwrap(store.drafts().first)
        XCTAssertNil(offered.key, "this version cannot open it")
        XCTAssertEqual(offered.file, name)
        XCTAssertEqual(store.quarantined, [])
        let path = directory + "/drafts/" + name
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "kept where it is, for the newer version")
        XCTAssertEqual(permissions(path), 0o600, "like every file at start, it only lost the rights of others")
    }

    func testADraftWhoseTextIsGoneIsSetAsideThroughTheLoggedQuarantine() throws {
        let (directory, id) = try caseload()
        let name = try writeDraft(directory, youthID: id, field: "journal.weg")
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        let draft = try XCTUnwrap(store.drafts().first)
        let place = try store.setAside(draft)
        let entry = try XCTUnwrap(store.quarantined.last)
        XCTAssertEqual(place, "quarantine/" + entry.file)
        XCTAssertEqual(entry.from, "drafts/" + name)
        XCTAssertEqual(entry.youthName, "Zoë Çelik")
        XCTAssertFalse(entry.seen, "the caseload announces it")
        XCTAssertEqual(permissions(directory + "/" + place), 0o600)
        XCTAssertEqual(try String(contentsOfFile: directory + "/" + place, encoding: .utf8).contains("getypt"), true, "the text is kept")
        XCTAssertEqual(store.drafts(), [])
        let log = try String(contentsOfFile: directory + "/quarantine.json", encoding: .utf8)
        XCTAssertTrue(log.contains("drafts/" + name), "written to quarantine.json: \(log)")
    }

    func testNotFoundNamesTheIdOnlyAndNoMatchExplainsThePrefix() {
        XCTAssertEqual(StoreError.notFound(id: "abcd-1234").localizedDescription, "Er is geen dossier met nummer abcd-1234.")
        XCTAssertTrue(StoreError.noMatch(typed: "ab").localizedDescription.contains("minstens 4 tekens"))
    }
}
