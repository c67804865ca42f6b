@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class ActionsAndPeopleScreenTests: XCTestCase {
    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    func testNewActionWithOwnerAndDeadlineAndOverdueMark() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik"])
        harness.press(.enter, .char("a"))
        XCTAssertTrue(harness.screen.contains("Nog geen acties. Druk op n"), harness.screen)
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("Zoë Çelik  ·  Nieuwe actie"), harness.screen)
        XCTAssertTrue(harness.app.top.capturesKeys, "a new action opens with its first field ready for typing")
        harness.press(.tab)
        XCTAssertTrue(harness.screen.contains("Wat er moet gebeuren is verplicht."), harness.screen)
        XCTAssertTrue(try youth(harness).actions.isEmpty, "nothing is made before its what is known")
        harness.type("schuldhulp bellen")
        harness.press(.tab)               // what confirmed, who opens as a list
        XCTAssertTrue(harness.screen.contains("Zoë Çelik (de jongere)"), harness.screen)
        harness.press(.up, .tab)          // the youth (coach is preselected); deadline opens for typing
        harness.type("20-11-2026")
        harness.press(.enter, .escape)
        let row = try XCTUnwrap(harness.rows(containing: "schuldhulp bellen").first)
        XCTAssertTrue(row.contains("[ ] 20-11-2026 TE LAAT") && row.contains("Zoë Çelik"), row)
        XCTAssertTrue(harness.screen.contains("1 open, 1 te laat"))
        let action = try XCTUnwrap(try youth(harness).actions.first)
        XCTAssertEqual(action.owner, .youth)
        XCTAssertEqual(action.due, LocalDate(year: 2026, month: 11, day: 20))
        harness.press(.char("x"), .enter)   // done today
        XCTAssertTrue(harness.rows(containing: "schuldhulp bellen").first?.contains("[x]") ?? false)
        XCTAssertEqual(try youth(harness).actions.first?.status, .done)
        harness.press(.escape, .escape)
        XCTAssertFalse(harness.rows(containing: "Zoë Çelik").first?.contains("schuldhulp") ?? true, "a done action is not next")
    }

    func testCaseloadShowsTheNextActionAndMarksItLate() throws {
        let harness = try Harness(self) { store in
            var youth = try Youth(name: "Sem", now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone))
            youth.save(try CaseAction(what: "bellen", owner: .coach, due: LocalDate(year: 2026, month: 11, day: 1), created: LocalDate(Harness.now, timeZone: testZone)))
            try store.save(youth)
        }
        let row = try XCTUnwrap(harness.rows(containing: "Sem").first)
        XCTAssertTrue(row.contains("01-11! bellen"), row)
        XCTAssertTrue(harness.screen.contains("Volgende actie"))
    }

    func testNetworkAndProfessionalsInTabs() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(.enter, .char("m"), .char("n"))
        harness.type("Anna")
        harness.press(.enter, .down, .enter)
        harness.type("moeder")
        harness.press(.enter, .escape)
        XCTAssertTrue(harness.rows(containing: "Anna").first?.contains("moeder") ?? false, harness.screen)
        harness.press(.tab)
        XCTAssertTrue(harness.screen.contains("Nog geen professionals"), harness.screen)
        harness.press(.char("n"))
        harness.type("Jan Jobhunter")
        harness.press(.enter, .escape)
        XCTAssertTrue(harness.screen.contains("Organisatie"))
        let youth = try youth(harness)
        XCTAssertEqual(youth.network.map(\.name), ["Anna"])
        XCTAssertEqual(youth.professionals.map(\.name), ["Jan Jobhunter"])
        harness.press(.char("d"))
        XCTAssertTrue(harness.screen.contains("\"Jan Jobhunter\" verwijderen uit de professionals?"), harness.screen)
        harness.press(.char("j"))
        XCTAssertTrue(try self.youth(harness).professionals.isEmpty)
    }
}
