@testable import Caseload
import Foundation
import XCTest

/// Drafts, hard links and read-only folders in a data directory made to hurt: a draft's contents
/// never name a path, an unreadable draft goes to quarantine with a notice, no mode is changed
/// through another name of a file, and a folder the coach made read-only stays so.
final class HostileDraftsTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let today = LocalDate(year: 2026, month: 11, day: 22)!

    /// A data directory inside a folder of its own, so that what lies beside it can be checked.
    private func setUp(youth name: String? = nil) throws -> (base: String, directory: String, youth: Youth?) {
        let base = temporaryDirectory(self)
        let directory = base + "/data"
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        var youth: Youth?
        if let name {
            youth = try Youth(name: name, now: now, today: today)
            try store.save(youth!)
        }
        store.saveIndex()
        try FileManager.default.createDirectory(atPath: directory + "/drafts", withIntermediateDirectories: true)
        return (base, directory, youth)
    }

    private func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }
    private func write(_ data: Data, to path: String) throws { try data.write(to: URL(fileURLWithPath: path)) }

    private func draftJSON(youthID: String, field: String, text: String = "getypt") -> String {
        let object: [String: Any] = ["youthID": youthID, "field": field, "text": text, "saved": "2026-11-20T10:00:00Z"]
        return String(data: try! JSONSerialization.data(withJSONObject: object), encoding: .utf8)!
    }

    private func quarantine(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")) ?? []).sorted()
    }

    // MARK: - A draft kept for later

    func testADraftKeptForLaterIsFoundWhenItsFieldIsOpenedAgain() throws {
        let (_, directory, youth) = try setUp(youth: "Zoë Çelik")
        let id = try XCTUnwrap(youth?.id)
        do {
            let first = try CaseloadStore(directory: directory, clock: { self.now })
            try first.keepDraft(Draft(youthID: id, field: .planPart(.goal), text: "half af", saved: now))
            XCTAssertEqual(first.keptDraft(youthID: id, field: .planPart(.goal))?.text, "half af", "kept in this session")
            first.flushDrafts()
        }
        // The program stops; the next start offers the draft and the coach keeps it for later.
        let later = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(later.drafts().map(\.text), ["half af"])
        XCTAssertEqual(later.keptDraft(youthID: id, field: .planPart(.goal))?.text, "half af", "found when the field opens")
        XCTAssertNil(later.keptDraft(youthID: id, field: .planPart(.mattersMost)), "only for its own field")
        XCTAssertEqual(later.drafts().count, 1, "still on disk until the text is confirmed or thrown away")
        later.removeDraft(youthID: id, field: .planPart(.goal))
        XCTAssertNil(later.keptDraft(youthID: id, field: .planPart(.goal)))
    }

    // MARK: - A draft's contents never name a path

    func testDraftsWhoseContentsNamePathsTouchNothingOutsideDrafts() throws {
        let (base, directory, youth) = try setUp(youth: "Zoë Çelik")
        let id = try XCTUnwrap(youth?.id)
        // What such drafts would have named: files beside and outside the data directory.
        let victims = [base + "/x--changePlan.goal.json", directory + "/youths/\(id).json", base + "/absoluut--changePlan.goal.json"]
        try write("niet aankomen", to: victims[0])
        try write("niet aankomen", to: victims[2])
        let before = try victims.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let hostile = [
            "terug.json": draftJSON(youthID: "../../x", field: "changePlan.goal"),
            "ander.json": draftJSON(youthID: id, field: "../../youths/\(id)"),
            "absoluut.json": draftJSON(youthID: base + "/absoluut", field: "changePlan.goal"),
            "\(id)--changePlan.goal.json": draftJSON(youthID: "../youths/\(id)", field: "changePlan.goal"),
        ]
        for (name, json) in hostile { try write(json, to: directory + "/drafts/" + name) }
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.drafts(), [], "none is offered")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/drafts"), [])
        XCTAssertEqual(quarantine(directory).filter { $0.contains("drafts-") }.count, 4, "each set aside, none deleted")
        XCTAssertEqual(store.notices.filter { $0.message.contains("de bestandsnaam past niet bij het dossier en het veld") }.count, 4,
                       store.notices.map(\.message).joined(separator: "\n"))
        // Throwing such a draft away, were it ever offered, acts on the file it came from only.
        var stray = Draft(youthID: "../../x", field: "changePlan.goal", text: "", saved: now)
        stray.file = "terug.json"
        store.discard(stray)
        XCTAssertThrowsError(try store.setAside(Draft(youthID: "../../x", field: "changePlan.goal", text: "", saved: now)))
        store.removeDraft(youthID: "../../x", field: .planPart(.goal))
        XCTAssertEqual(try victims.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }, before, "nothing outside drafts/ changed")
        XCTAssertEqual(try store.youth(id: id).name, "Zoë Çelik")
    }

    func testAStrayDraftForTheSameFieldDoesNotTouchTheCoachsOwn() throws {
        let (_, directory, youth) = try setUp(youth: "Zoë Çelik")
        let id = try XCTUnwrap(youth?.id)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            try store.saveDraft(Draft(youthID: id, field: .planPart(.goal), text: "van de coach", saved: now))
        }
        try write(draftJSON(youthID: id, field: "changePlan.goal", text: "vreemd"), to: directory + "/drafts/kopie.json")
        let reopened = try CaseloadStore(directory: directory, clock: { self.now })
        let offered = reopened.drafts()
        XCTAssertEqual(offered.map(\.text), ["van de coach"], "the stray one went to quarantine")
        XCTAssertEqual(offered.first?.file, "\(id)--changePlan.goal.json")
        XCTAssertTrue(quarantine(directory).contains { $0.hasSuffix("drafts-kopie.json") }, "\(quarantine(directory))")
        XCTAssertEqual(reopened.keptDraft(youthID: id, field: .planPart(.goal))?.text, "van de coach")
    }

    func testThrowingAwayAnOfferedDraftRemovesTheFileItWasReadFrom() throws {
        let (_, directory, youth) = try setUp(youth: "Zoë Çelik")
        let id = try XCTUnwrap(youth?.id)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        try store.saveDraft(Draft(youthID: id, field: .planPart(.goal), text: "doel", saved: now))
        try store.saveDraft(Draft(youthID: id, field: .planPart(.mattersMost), text: "situatie", saved: now))
        let offered = try XCTUnwrap(store.drafts().first { $0.text == "doel" })
        store.discard(offered)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/drafts"), ["\(id)--changePlan.mattersMost.json"])
    }

    // MARK: - Unreadable drafts

    func testUnreadableDraftsGoToQuarantineWithANoticeOnce() throws {
        let (_, directory, youth) = try setUp(youth: "Zoë Çelik")
        let id = try XCTUnwrap(youth?.id)
        let good = draftJSON(youthID: id, field: "changePlan.goal")
        let files: [(field: String, data: Data, reason: String)] = [
            ("changePlan.goal", Data(good.utf8.prefix(20)), "geen geldige JSON"),
            ("changePlan.mattersMost", Data(good.utf8) + Data([0, 0, 0]), "geen geldige JSON"),
            ("changePlan.youthDoes", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]), "geen geldige JSON"),
            ("changePlan.canLearn", Data(repeating: 0, count: 64), "het bestand is leeg"),
            ("changePlan.networkDoes", Data(#"{"youthID": 7}"#.utf8), "niet de verwachte vorm"),
        ]
        for file in files { try write(file.data, to: "\(directory)/drafts/\(id)--\(file.field).json") }
        var store: CaseloadStore? = try CaseloadStore(directory: directory, clock: { self.now })
        let notices = store?.notices ?? []
        XCTAssertEqual(store?.drafts(), [])
        store = nil
        for file in files {
            XCTAssertTrue(notices.contains { $0.message.contains("drafts/\(id)--\(file.field).json kon niet worden gelezen") && $0.message.contains(file.reason) },
                          "\(file.field): \(notices.map(\.message))")
        }
        XCTAssertTrue(notices.allSatisfy { $0.youthName == "Zoë Çelik" && $0.onScreen.hasPrefix("Dossier van Zoë Çelik: ") })
        XCTAssertFalse(notices.contains { $0.message.contains("Zoë") }, "the message itself (for stderr) holds no name")
        XCTAssertEqual(quarantine(directory).filter { $0.contains("drafts-") }.count, files.count)
        XCTAssertEqual(try CaseloadStore(directory: directory, clock: { self.now }).notices, [], "not offered or reported again")
    }

    // MARK: - Hard links

    func testAHardLinkedFileIsMovedAsideWithItsModeUnchanged() throws {
        let (base, directory, _) = try setUp()
        let outside = base + "/elders.txt"
        try write("iets van iemand anders", to: outside)
        chmod(outside, 0o644)
        XCTAssertEqual(link(outside, directory + "/youths/kapot.json"), 0)
        XCTAssertEqual(link(outside, directory + "/drafts/kapot--changePlan.goal.json"), 0)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(permissions(outside), 0o644, "the other name's mode is unchanged")
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "iets van iemand anders")
        let linked = store.notices.filter { $0.message.contains("harde koppeling") }
        XCTAssertEqual(linked.count, 2, store.notices.map(\.message).joined(separator: "\n"))
        for name in quarantine(directory) where name.hasSuffix("kapot.json") || name.hasSuffix("goal.json") {
            XCTAssertEqual(permissions(directory + "/quarantine/" + name), 0o644, name)
        }
        XCTAssertTrue(store.quarantined.allSatisfy { $0.reason.contains("harde koppeling") })
    }

    func testAHardLinkedLockIsMovedAsideAndANewOneMade() throws {
        let (base, directory, _) = try setUp()
        let outside = base + "/elders.txt"
        try write("niet van ons", to: outside)
        chmod(outside, 0o644)
        unlink(directory + "/.lock")
        XCTAssertEqual(link(outside, directory + "/.lock"), 0)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.mode, .readWrite)
        XCTAssertEqual(permissions(outside), 0o644)
        XCTAssertEqual(try String(contentsOfFile: outside, encoding: .utf8), "niet van ons")
        var info = stat()
        XCTAssertEqual(lstat(directory + "/.lock", &info), 0)
        XCTAssertEqual(info.st_nlink, 1, "a new lock of our own")
        XCTAssertEqual(permissions(directory + "/.lock"), 0o600)
        XCTAssertTrue(store.notices.contains { $0.message.contains(".lock") && $0.message.contains("rechten ervan zijn niet veranderd") })
        XCTAssertTrue(quarantine(directory).contains { $0.hasSuffix("-lock-met-andere-naam") })
        XCTAssertEqual(store.unseenQuarantined.map(\.from), [".lock"], "listed for the coach")
        XCTAssertThrowsError(try CaseloadStore(directory: directory), "the new lock holds")
    }

    // MARK: - Read-only folders

    func testAReadOnlyYouthsFolderStaysSoAndOpensReadOnly() throws {
        let (_, directory, youth) = try setUp(youth: "Lotte Oefen")
        chmod(directory + "/youths", 0o500)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(permissions(directory + "/youths"), 0o500, "never given back its write bit")
        XCTAssertEqual(store.mode, .readOnly)
        XCTAssertEqual(store.readOnlyReason?.hasPrefix("de map youths/ is alleen-lezen gemaakt"), true, store.readOnlyReason ?? "")
        XCTAssertEqual(try store.youth(id: try XCTUnwrap(youth?.id)).name, "Lotte Oefen", "viewing works")
        XCTAssertThrowsError(try store.save(try XCTUnwrap(youth)))
        chmod(directory, 0o500)
        let whole = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(whole.readOnlyReason?.hasPrefix("de gegevensmap is alleen-lezen gemaakt"), true, whole.readOnlyReason ?? "")
        XCTAssertEqual(permissions(directory), 0o500)
        chmod(directory, 0o700)
    }

    func testTighteningOnlyTakesAwayPermissions() throws {
        let (_, directory, _) = try setUp()
        chmod(directory + "/youths", 0o755)
        chmod(directory + "/drafts", 0o750)
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        try store.saveDraft(Draft(youthID: "abc", field: .planPart(.goal), text: "x", saved: now))
        XCTAssertEqual(permissions(directory + "/youths"), 0o700)
        XCTAssertEqual(permissions(directory + "/drafts"), 0o700)
        XCTAssertEqual(store.mode, .readWrite)
    }

    // MARK: - The quarantine list

    func testAQuarantinedDossierIsNamedAndListedUntilSeen() throws {
        let (_, directory, youth) = try setUp(youth: "Zoë Çelik")
        let id = try XCTUnwrap(youth?.id)
        try write("{ afgekapt", to: "\(directory)/youths/\(id).json")
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            let notice = try XCTUnwrap(store.notices.first)
            XCTAssertEqual(notice.youthName, "Zoë Çelik", "the cache knew the name")
            XCTAssertTrue(notice.onScreen.hasPrefix("Dossier van Zoë Çelik: youths/\(id).json kon niet worden gelezen"), notice.onScreen)
            XCTAssertEqual(store.unseenQuarantined.map(\.youthName), ["Zoë Çelik"])
            XCTAssertEqual(store.unseenQuarantined.first?.from, "youths/\(id).json")
            XCTAssertTrue(store.unseenQuarantined.first?.reason.contains("geen geldige JSON") ?? false)
            XCTAssertEqual(permissions(directory + "/quarantine.json"), 0o600)
        }
        do {
            let restarted = try CaseloadStore(directory: directory, clock: { self.now })
            XCTAssertEqual(restarted.unseenQuarantined.count, 1, "kept across a restart until seen")
            restarted.markQuarantineSeen()
        }
        let after = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(after.unseenQuarantined.count, 0)
        XCTAssertEqual(after.quarantined.count, 1, "still listed, no longer announced")
    }

    func testABrokenQuarantineLogIsItselfSetAside() throws {
        let (_, directory, _) = try setUp()
        try write("{", to: directory + "/quarantine.json")
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.unseenQuarantined.map(\.from), ["quarantine.json"])
        XCTAssertTrue(store.notices[0].message.contains("quarantine.json kon niet worden gelezen"))
    }
}
