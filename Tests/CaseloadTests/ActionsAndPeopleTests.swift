@testable import Caseload
import XCTest

final class ActionsAndPeopleTests: XCTestCase {
    let today = LocalDate(year: 2026, month: 11, day: 22)!
    let now = Date(timeIntervalSince1970: 1_795_372_800)

    func testOpenActionsComeFirstSoonestDueOnTopAndOverdueIsMarked() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        let later = try CaseAction(what: "cv maken", owner: .youth, due: today.adding(days: 7), created: today)
        let late = try CaseAction(what: "schuldhulp bellen", owner: .coach, due: today.adding(days: -2), created: today)
        let undated = try CaseAction(what: "sportclub zoeken", owner: .coach, due: nil, created: today)
        var done = try CaseAction(what: "intake", owner: .coach, due: today.adding(days: -10), created: today)
        done.setStatus(.done, on: today)
        for action in [undated, later, done, late] { youth.save(action) }
        XCTAssertEqual(youth.actionsInOrder.map(\.what), ["schuldhulp bellen", "cv maken", "sportclub zoeken", "intake"])
        XCTAssertEqual(youth.nextAction?.what, "schuldhulp bellen")
        XCTAssertTrue(late.isOverdue(on: today))
        XCTAssertFalse(done.isOverdue(on: today), "a done action is never late")
        XCTAssertEqual(done.closedOn, today)
        XCTAssertEqual(YouthSummary(youth).nextActionDue, today.adding(days: -2))
        XCTAssertThrowsError(try CaseAction(what: "  ", owner: .coach, due: nil, created: today))
    }

    func testAPersonWithOpenActionsCannotBeRemoved() throws {
        var youth = try Youth(name: "Sem", now: now, today: today)
        var mother = try Person(kind: .network, name: "Anna")
        mother.relation = "moeder"
        youth.save(mother)
        youth.save(try Person(kind: .professional, name: "Jan Jobhunter"))
        var action = try CaseAction(what: "meegaan naar gesprek", owner: .person(mother.id), due: nil, created: today)
        youth.save(action)
        XCTAssertEqual(youth.ownerName(action.owner), "Anna")
        XCTAssertThrowsError(try youth.remove(personID: mother.id)) { error in
            XCTAssertEqual((error as? InputError)?.message, "Deze persoon heeft nog 1 open actie; wijs die eerst iemand anders toe.")
        }
        action.owner = .coach
        youth.save(action)
        try youth.remove(personID: mother.id)
        XCTAssertEqual(youth.people.map(\.name), ["Jan Jobhunter"])
    }

    func testMarkdownListsTheActions() throws {
        var youth = try Youth(name: "Zoë", now: now, today: today)
        youth.save(try CaseAction(what: "cv maken", owner: .youth, due: today, created: today))
        let markdown = PlanMarkdown.render(youth, today: today, timeZone: testZone)
        XCTAssertTrue(markdown.contains("## Acties\n\n- [ ] cv maken — Zoë, vóór 22-11-2026\n"), markdown)
    }
}
