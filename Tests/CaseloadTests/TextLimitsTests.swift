@testable import Caseload
import Foundation
import XCTest

/// Every stored text has a limit: refused when typed, and a file holding a longer one is refused
/// on load with the field named (quarantine), never read into a screen that would freeze on it.
final class TextLimitsTests: XCTestCase {
    private let today = LocalDate(year: 2026, month: 11, day: 22)!
    private let now = Date(timeIntervalSince1970: 1_795_372_800)

    func testExceedsCountsCharactersNotBytesAndStopsAtTheLimit() {
        XCTAssertFalse(TextLimits.exceeds(String(repeating: "é", count: 500), 500), "500 characters of two bytes each")
        XCTAssertTrue(TextLimits.exceeds(String(repeating: "a", count: 501), 500))
        XCTAssertFalse(TextLimits.exceeds(String(repeating: "e\u{301}", count: 500), 500), "a combining mark is part of its character")
        XCTAssertFalse(TextLimits.exceeds("", 0))
    }

    func testTypedTextsPastTheirLimitAreRefusedWithTheFieldNamed() {
        XCTAssertNoThrow(try Youth.validName(String(repeating: "a", count: TextLimits.line)))
        XCTAssertThrowsError(try Youth.validName(String(repeating: "a", count: TextLimits.line + 1), field: "De voorzitter")) { error in
            XCTAssertEqual((error as? InputError)?.message, "De voorzitter is te lang: hoogstens 500 tekens.")
        }
        XCTAssertThrowsError(try Youth.validText(String(repeating: "a", count: TextLimits.line + 1), field: "De gemeente"))
        XCTAssertNoThrow(try Youth.validText(String(repeating: "a", count: TextLimits.coachName), field: "Uw naam", limit: TextLimits.coachName))
        XCTAssertThrowsError(try Youth.validText(String(repeating: "a", count: TextLimits.coachName + 1), field: "Uw naam",
                                                 limit: TextLimits.coachName))
        XCTAssertNoThrow(try ChangePlan.validText(String(repeating: "woord\n", count: TextLimits.page / 6)))
        XCTAssertThrowsError(try ChangePlan.validText(String(repeating: "a", count: TextLimits.page + 1))) { error in
            XCTAssertEqual((error as? InputError)?.message, "De tekst is te lang: hoogstens 20.000 tekens.")
        }
    }

    /// A youth with every text at its limit loads; one character more in any of them, and the file
    /// goes to quarantine naming that field.
    func testEveryStoredTextAtItsLimitLoadsAndOneMoreIsQuarantinedWithTheField() throws {
        let line = String(repeating: "x", count: TextLimits.line)
        let page = String(repeating: "y", count: TextLimits.page)
        var youth = try Youth(name: "Sem", now: now, today: today)
        youth.name = line
        youth.municipality = line
        youth.updatePlan(now: now, today: today, timeZone: TimeZone(identifier: "UTC")!) { plan in
            for part in ChangePlan.Part.allCases { plan[part] = page }
        }
        youth.quickScan.motivation = page
        youth.quickScan.situation["housing"] = page
        var person = try Person(kind: .network, name: "Anna")
        person.contributes = line
        youth.save(person)
        var entry = JournalEntry(date: today, kind: .phone)
        entry.text = page
        youth.journal.append(entry)
        XCTAssertNoThrow(try youth.validate(), "every text at its limit")

        let cases: [(String, (inout Youth) -> Void)] = [
            ("name", { $0.name += "x" }),
            ("changePlan.goal", { $0.changePlan.goal += "y" }),
            ("quickScan.situation.housing", { $0.quickScan.situation["housing"]! += "y" }),
            ("network[0].contributes", { $0.network[0].contributes += "x" }),
            ("journal[0].text", { $0.journal[0].text += "y" }),
        ]
        for (field, change) in cases {
            var longer = youth
            change(&longer)
            XCTAssertThrowsError(try longer.validate(), field) { error in
                let failure = error as? ValidationFailure
                XCTAssertEqual(failure?.field, field)
                XCTAssertFalse(failure?.text.contains("xxxx") ?? true, "the text itself is not quoted")
            }
        }
    }

    func testAFileWithATextPastItsLimitIsQuarantinedOnLoad() throws {
        let directory = temporaryDirectory(self)
        let youth = try Youth(name: "Sem", now: now, today: today)
        do {
            let store = try CaseloadStore(directory: directory, clock: { self.now })
            try store.save(youth)
        }
        // Edited by hand: the program itself refuses such a text.
        let path = "\(directory)/youths/\(youth.id).json"
        var record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var stored = try XCTUnwrap(record["youth"] as? [String: Any])
        var plan = try XCTUnwrap(stored["changePlan"] as? [String: Any])
        plan["remember"] = String(repeating: "z", count: TextLimits.page + 1)
        stored["changePlan"] = plan
        record["youth"] = stored
        try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: path))
        let reopened = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(reopened.count, 0)
        XCTAssertTrue(reopened.notices.first?.message.contains("changePlan.remember") ?? false, "\(reopened.notices)")
    }

    func testACoachNamePastItsLimitSendsTheSettingsToQuarantine() throws {
        let directory = temporaryDirectory(self)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let settings = #"{"schemaVersion": 2, "coachName": "\#(String(repeating: "c", count: TextLimits.coachName + 1))"}"#
        try Data(settings.utf8).write(to: URL(fileURLWithPath: directory + "/settings.json"))
        let store = try CaseloadStore(directory: directory, clock: { self.now })
        XCTAssertEqual(store.settings.coachName, "", "the defaults")
        XCTAssertTrue(store.notices.contains { $0.message.contains("coachName") }, "\(store.notices)")
    }

    func testADraftedAgendaTitleFromALongPlanIsALine() throws {
        var plan = ChangePlan()
        plan.goal = String(repeating: "doel ", count: 2_000)
        let agenda = WrapAroundMeeting.draftAgenda(plan: plan, actions: [], ownerName: { _ in "" })
        XCTAssertEqual(agenda.first?.title.count, TextLimits.line)
        XCTAssertEqual(agenda.first?.title.last, "…")
    }
}
