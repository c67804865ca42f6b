@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class ChangePlanScreenTests: XCTestCase {
    private func planOf(_ name: String = "Zoë Çelik") throws -> Harness {
        let harness = try Harness(self, youths: [name])
        harness.press(.enter, .char("p"))
        return harness
    }

    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    func testWriteParagraphsConfirmWithTabAndSeeThemOnThePage() throws {
        let harness = try planOf()
        XCTAssertTrue(harness.screen.contains("Doel voor dagbesteding en andere leefgebieden"), harness.screen)
        harness.press(.enter)
        harness.type("Zoë wil een BBL-plek als monteur.")
        harness.press(.enter, .enter)
        harness.type("Eerst: vast dagritme, q en v zijn hier gewoon tekst.")
        XCTAssertTrue(harness.app.top.capturesKeys)
        XCTAssertTrue(harness.store.drafts().isEmpty && harness.store.hasPendingDrafts, "kept, not yet written: no fsync per key")
        harness.app.idle()
        XCTAssertEqual(harness.store.drafts().first?.text.hasSuffix("gewoon tekst."), true, "typed text is a draft on disk")
        harness.press(.tab)
        let plan = try youth(harness).changePlan
        XCTAssertEqual(plan.goal, "Zoë wil een BBL-plek als monteur.\n\nEerst: vast dagritme, q en v zijn hier gewoon tekst.")
        XCTAssertTrue(harness.store.drafts().isEmpty, "confirmed: the draft is gone")
        XCTAssertTrue(harness.app.top.capturesKeys, "Tab opened the next part for typing")
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("Zoë wil een BBL-plek als monteur."), harness.screen)
        XCTAssertTrue(harness.screen.contains("gewijzigd 22-11-2026"))
    }

    func testCtrlSSavesAndKeepsTheCoachWriting() throws {
        let harness = try planOf()
        harness.press(.enter)
        harness.type("Eerst")
        harness.press(.ctrl("s"))
        XCTAssertEqual(try youth(harness).changePlan.goal, "Eerst")
        XCTAssertTrue(harness.store.drafts().isEmpty, "saved: no draft left")
        XCTAssertTrue(harness.app.top.capturesKeys, "still writing")
        harness.type(" werk")
        harness.press(.tab)
        XCTAssertEqual(try youth(harness).changePlan.goal, "Eerst werk")
    }

    func testADraftThatCannotBeWrittenIsReportedOnEveryScreenUntilItCan() throws {
        let harness = try planOf()
        harness.press(.enter)
        harness.type("iets")
        harness.store.simulate = .diskFullWhileWriting
        harness.app.idle()
        XCTAssertTrue(harness.screen.contains("Concept niet bewaard"), harness.screen)
        XCTAssertTrue(harness.screen.contains("iets"), "the text stays on screen")
        harness.store.simulate = nil
        harness.type(" meer")
        harness.app.idle()
        XCTAssertFalse(harness.screen.contains("Concept niet bewaard"), harness.screen)
        XCTAssertEqual(harness.store.drafts().first?.text, "iets meer")
    }

    func testEscOnChangedTextAsksBeforeThrowingItAway() throws {
        let harness = try planOf()
        harness.press(.enter)
        harness.type("iets")
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("De tekst die u hier typte weggooien?"), harness.screen)
        harness.press(.char("n"))
        harness.type(" meer")
        harness.press(.escape, .char("j"))
        XCTAssertEqual(try youth(harness).changePlan.goal, "")
        XCTAssertTrue(harness.store.drafts().isEmpty)
        XCTAssertFalse(harness.app.top.capturesKeys)
    }

    func testStrategyPickerAndMarkdownExportFromTheScreen() throws {
        let harness = try planOf()
        harness.press(.end, .enter)
        XCTAssertTrue(harness.screen.contains("overnemen en structureren"), harness.screen)
        harness.press(.down, .down, .enter)
        XCTAssertEqual(try youth(harness).changePlan.strategy, .teach)
        harness.press(.char("e"))
        let path = harness.directory + "/exports/veranderplan-zoe-celik-2026-11-22-nr\(try youth(harness).id.prefix(8)).md"
        XCTAssertTrue(harness.screen.contains("Geëxporteerd naar"), harness.screen)
        XCTAssertTrue(try String(contentsOfFile: path, encoding: .utf8).contains("Hoofdstrategie: leren"))
        XCTAssertEqual(permissions(path), 0o600)
    }

    func testEarlierVersionsCanBeViewed() throws {
        let harness = try Harness(self) { store in
            var youth = try Youth(name: "Sem", now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone))
            let before = Harness.now.addingTimeInterval(-86_400)
            youth.updatePlan(now: before, today: LocalDate(before, timeZone: testZone), timeZone: testZone) { $0.goal = "oude versie" }
            youth.updatePlan(now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone), timeZone: testZone) { $0.goal = "nieuwe versie" }
            try store.save(youth)
        }
        harness.press(.enter, .char("p"))
        XCTAssertTrue(harness.screen.contains("nieuwe versie") && harness.screen.contains("1 eerdere versie"), harness.screen)
        harness.press(.char("h"))
        XCTAssertTrue(harness.screen.contains("Eerdere versie 1 van 1 zoals op 21-11-2026"), harness.screen)
        XCTAssertTrue(harness.screen.contains("oude versie"))
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("nieuwe versie"))
    }

    func testADraftLeftByAHangupIsOfferedBackAtTheNextStart() throws {
        let harness = try planOf()
        harness.press(.enter)
        harness.type("Half af toen de verbinding wegviel")
        // The connection drops: no confirm; the run loop's way out writes the kept draft.
        harness.app.idle()
        let restarted = App(session: Session(store: harness.store, clock: { Harness.now }, timeZone: testZone))
        var canvas = Canvas(width: 80, height: 24)
        restarted.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("Niet bevestigde tekst"), canvas.text)
        XCTAssertTrue(canvas.text.contains("veranderplan van Zoë Çelik"))
        restarted.handle(.enter)
        canvas = Canvas(width: 80, height: 24)
        restarted.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("Caseload › Zoë Çelik › Veranderplan"), canvas.text)
        XCTAssertTrue(canvas.text.contains("Half af toen de verbinding wegviel"))
        restarted.handle(.char("."))
        restarted.handle(.tab)
        XCTAssertEqual(try youth(harness).changePlan.goal, "Half af toen de verbinding wegviel.")
    }
}
