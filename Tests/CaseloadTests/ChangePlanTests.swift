@testable import Caseload
import XCTest

final class ChangePlanTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    func testEarlierVersionsAreKeptOncePerDayOfWork() throws {
        var youth = try Youth(name: "Zoë", now: now, today: today)
        let day1 = now.addingTimeInterval(-2 * 86_400)
        youth.updatePlan(now: day1, today: LocalDate(day1, timeZone: testZone), timeZone: testZone) { $0.goal = "werk" }
        youth.updatePlan(now: day1, today: LocalDate(day1, timeZone: testZone), timeZone: testZone) { $0.goal = "werk in de bouw" }
        XCTAssertTrue(youth.changePlanVersions.isEmpty, "changes on the first day are one version")
        youth.updatePlan(now: now, today: today, timeZone: testZone) { $0.strategy = .teach }
        youth.updatePlan(now: now, today: today, timeZone: testZone) { $0.remember = "houdt niet van bellen" }
        XCTAssertEqual(youth.changePlanVersions.map(\.goal), ["werk in de bouw"])
        XCTAssertNil(youth.changePlanVersions[0].strategy)
        XCTAssertEqual(youth.changePlan.strategy, .teach)
        XCTAssertEqual(youth.changePlan.changed, now)
        youth.updatePlan(now: now, today: today, timeZone: testZone) { $0.remember = "houdt niet van bellen" }
        XCTAssertEqual(youth.changePlanVersions.count, 1, "no change, no version")
    }

    func testPlanTextKeepsParagraphsAndRefusesControlCharacters() throws {
        XCTAssertEqual(try ChangePlan.validText("\n\nEen   \n\nTwee\n\n"), "Een\n\nTwee")
        XCTAssertThrowsError(try ChangePlan.validText("a\u{1B}b"))
    }

    func testMarkdownHasEveryPartAndAFileNameWithoutAccents() throws {
        var youth = try Youth(name: "Zoë Çelik", now: now, today: today)
        youth.updatePlan(now: now, today: today, timeZone: testZone) {
            $0.goal = "BBL-plek als monteur\n\nen een vast dagritme"
            $0.strategy = .coCreate
        }
        let markdown = PlanMarkdown.render(youth, today: today, timeZone: testZone)
        XCTAssertTrue(markdown.hasPrefix("# Veranderplan van Zoë Çelik\n"))
        XCTAssertTrue(markdown.contains("Hoofdstrategie: co-creëren"))
        XCTAssertTrue(markdown.contains("## Doel voor dagbesteding en andere leefgebieden\n\nBBL-plek als monteur\n\nen een vast dagritme\n"))
        XCTAssertEqual(ChangePlan.Part.allCases.filter { markdown.contains("## \($0.label)") }.count, 7)
        XCTAssertEqual(PlanMarkdown.fileName(for: youth, on: today), "veranderplan-zoe-celik-2026-11-22.md")
    }

    func testMarkdownKeepsTheCoachsLineBreaksAndMarksOverdueActions() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        youth.updatePlan(now: now, today: today, timeZone: testZone) { $0.goal = "werk in de bouw\nof techniek\n\nnieuwe alinea" }
        youth.save(try CaseAction(what: "cv maken", owner: .youth, due: today.adding(days: -1), created: today))
        youth.save(try CaseAction(what: "bellen", owner: .coach, due: today, created: today))
        let markdown = PlanMarkdown.render(youth, today: today, timeZone: testZone)
        XCTAssertTrue(markdown.contains("werk in de bouw\\\nof techniek\n\nnieuwe alinea\n"), markdown)
        XCTAssertTrue(markdown.contains("cv maken — Sem, vóór 21-11-2026 — **te laat**"), markdown)
        XCTAssertFalse(markdown.contains("bellen — coach, vóór 22-11-2026 — **te laat**"), "due today is not late")
    }

    func testDraftsAreKeptPrivatelyAndRemoved() throws {
        let directory = temporaryDirectory(self)
        let store = try CaseloadStore(directory: directory)
        try store.saveDraft(Draft(youthID: "abc", field: "changePlan.goal", text: "half af", saved: now))
        try store.saveDraft(Draft(youthID: "abc", field: "changePlan.goal", text: "half af, nu meer", saved: now))
        XCTAssertEqual(store.drafts().map(\.text), ["half af, nu meer"], "one draft per field, the latest")
        XCTAssertEqual(permissions(directory + "/drafts/abc--changePlan.goal.json"), 0o600)
        store.removeDraft(youthID: "abc", field: .planPart(.goal))
        XCTAssertTrue(store.drafts().isEmpty)
    }

    func testEveryDraftFieldHasOneStoredName() {
        let fields: [DraftField] = ChangePlan.Part.allCases.map { .planPart($0) } + [.agendaNotes(meetingID: "m1", itemID: "i1")]
            + [.motivation, .wishes, .talents, .network, .fileInformation, .bsaOutcome, .situation("justice")].map { .quickScan($0) }
        for field in fields { XCTAssertEqual(DraftField(stored: field.stored), field, field.stored) }
        XCTAssertEqual(DraftField.quickScan(.situation("justice")).stored, "quickScan.situation-justice")
        XCTAssertNil(DraftField(stored: "quickScan.situation-maan"), "not a life domain")
        XCTAssertNil(DraftField(stored: "quickScan.dromen"), "a text this version does not know")
        var scan = QuickScan()
        scan[.situation("justice")] = "boete betaald"
        scan[.bsaOutcome] = "geen LVB"
        XCTAssertEqual(scan.situation["justice"], "boete betaald")
        XCTAssertEqual(scan.bsa.outcome, "geen LVB")
        scan[.situation("justice")] = ""
        XCTAssertNil(scan.situation["justice"], "an empty situation is not stored")
    }

    func testShortNumbersResolveOnlyWhenUnique() throws {
        let store = try CaseloadStore(directory: temporaryDirectory(self))
        try store.save(try Youth(name: "A", now: now, today: today, id: "aaaa1111-0000"))
        try store.save(try Youth(name: "B", now: now, today: today, id: "aaaa2222-0000"))
        XCTAssertEqual(try store.resolveID("aaaa1"), "aaaa1111-0000")
        XCTAssertThrowsError(try store.resolveID("aaaa"), "two match") { XCTAssertEqual($0 as? StoreError, .ambiguous(typed: "aaaa", count: 2)) }
        XCTAssertThrowsError(try store.resolveID("aa"), "too short") { XCTAssertEqual($0 as? StoreError, .noMatch(typed: "aa")) }
        XCTAssertThrowsError(try store.youth(id: "../aaaa1111-0000"))
    }
}
