@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class YouthScreenTests: XCTestCase {
    /// Opens the only youth of a fresh caseload.
    private func openedYouth(_ name: String = "Zoë Çelik") throws -> Harness {
        let harness = try Harness(self, youths: [name])
        harness.press(.enter)
        return harness
    }

    private func savedYouth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    func testProfileShowsEveryFieldAndThePhaseHistory() throws {
        let harness = try openedYouth()
        let screen = harness.screen
        for label in ["Naam", "Geboortedatum", "Gemeente", "Telefoon", "Vindplaats", "Aangemeld door", "Fase"] {
            XCTAssertTrue(screen.contains(label), label)
        }
        XCTAssertTrue(screen.contains("Scout sinds 22-11-2026"), screen)
        XCTAssertTrue(screen.contains("22-11-2026  start in Scout"))
        let hints = String(screen.split(separator: "\n").last!)
        XCTAssertTrue(hints.contains("v fase →") && hints.contains("z ZRM") && hints.hasSuffix("? help"), hints)
    }

    func testEditAFieldInPlaceSavesAtOnce() throws {
        let harness = try openedYouth()
        harness.press(.down, .down, .enter, .ctrl("u"))
        harness.type("Rotterdam")
        XCTAssertTrue(harness.app.top.capturesKeys)
        harness.press(.enter)
        XCTAssertTrue(harness.rows(containing: "Gemeente").first?.contains("Rotterdam") ?? false, harness.screen)
        XCTAssertEqual(try savedYouth(harness).municipality, "Rotterdam", "on disk without a save command")
    }

    func testEscCancelsAnEditAndLettersAreText() throws {
        let harness = try openedYouth()
        harness.press(.down, .down, .enter)
        harness.type("qv?")
        XCTAssertTrue(harness.rows(containing: "Gemeente").first?.contains("qv?") ?? false, "q, v and ? are text here")
        harness.press(.escape)
        XCTAssertEqual(try savedYouth(harness).municipality, "")
        XCTAssertTrue(harness.rows(containing: "Gemeente").first?.contains("–") ?? false)
    }

    func testImpossibleDateIsRefusedWithAReasonAndTheFieldStaysOpen() throws {
        let harness = try openedYouth()
        harness.press(.down, .enter)
        harness.type("30-02-2008")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("30-02-2008 bestaat niet: februari 2008 heeft 29 dagen."), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("07-03-2008")
        harness.press(.enter)
        XCTAssertTrue(harness.rows(containing: "Geboortedatum").first?.contains("07-03-2008 · 18 jaar") ?? false, harness.screen)
        XCTAssertEqual(try savedYouth(harness).dateOfBirth, LocalDate(year: 2008, month: 3, day: 7))
    }

    func testAgeOutsideTheRangeAsksForConfirmation() throws {
        let harness = try openedYouth()
        harness.press(.down, .enter)
        harness.type("01-01-1990")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Leeftijd 36 valt buiten 16-27 jaar"), harness.screen)
        harness.press(.char("n"))
        XCTAssertNil(try savedYouth(harness).dateOfBirth, "no means not saved")
        harness.press(.enter, .char("j"))
        XCTAssertEqual(try savedYouth(harness).dateOfBirth?.text, "01-01-1990")
        XCTAssertTrue(harness.rows(containing: "Geboortedatum").first?.contains("36 jaar (buiten 16-27)") ?? false)
    }

    func testPhaseMovesOnAndBackOnTheDayTheCoachGives() throws {
        let harness = try openedYouth()
        harness.press(.char("v"))
        XCTAssertTrue(harness.screen.contains("wijzigen van Scout naar Quick scan"), harness.screen)
        XCTAssertTrue(harness.rows(containing: "Datum (dd-mm-jjjj)").first?.contains("22-11-2026") ?? false, "today by default")
        harness.press(.escape)
        XCTAssertEqual(try savedYouth(harness).phase, .scout)
        harness.press(.char("v"), .enter)
        XCTAssertEqual(try savedYouth(harness).phase, .quickScan)
        XCTAssertTrue(harness.screen.contains("22-11-2026  Scout → Quick scan"), harness.screen)
        harness.press(.char("t"), .ctrl("u"))
        harness.type("23-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("kan niet in de toekomst liggen"), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("21-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("kan niet vóór de vorige liggen (22-11-2026)"), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("22-11-2026")
        harness.press(.enter)
        XCTAssertEqual(try savedYouth(harness).phaseHistory.map(\.to), [.scout, .quickScan, .scout])
        harness.press(.char("t"))
        XCTAssertTrue(harness.screen.contains("Scout is de eerste fase."))
    }

    func testWorkRecordedAfterwardsKeepsItsOwnDates() throws {
        let harness = try openedYouth()
        let startRow = 7   // "Start (gevonden op)", the eighth field
        for _ in 0..<startRow { harness.press(.down) }
        harness.press(.enter, .ctrl("u"))
        harness.type("01-02-2025")
        harness.press(.enter)
        harness.press(.char("v"), .ctrl("u"))
        harness.type("03-03-2025")
        harness.press(.enter)
        let history = try savedYouth(harness).phaseHistory
        XCTAssertEqual(history.map(\.date.text), ["01-02-2025", "03-03-2025"])
        XCTAssertTrue(harness.screen.contains("03-03-2025  Scout → Quick scan"), harness.screen)
        XCTAssertTrue(harness.screen.contains("01-02-2025  start in Scout"), harness.screen)
        harness.press(.enter, .ctrl("u"))
        harness.type("04-03-2025")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("kan niet na de eerste fasewissel liggen (03-03-2025)"), harness.screen)
    }

    func testAStepBackFromAClosedCaseGoesToThePhaseItWasClosedFrom() throws {
        let harness = try openedYouth()
        let phaseRow = 8   // "Fase"
        for _ in 0..<phaseRow { harness.press(.down) }
        harness.press(.enter, .down, .down, .down, .enter, .enter)   // picked, dated today
        XCTAssertEqual(try savedYouth(harness).phase, .coaching)
        harness.press(.enter, .end, .enter)                // Afgesloten (the phase list's End) opens the closing form
        harness.press(.enter, .home, .enter, .end, .enter, .char("j"))   // regulier werk, closed after the question
        XCTAssertEqual(try savedYouth(harness).phase, .closed)
        harness.press(.char("t"))
        XCTAssertEqual(harness.app.top.kind, .reopening)
        XCTAssertTrue(harness.screen.contains("terug naar Coachen"), harness.screen)
    }

    func testPickersForChannelAndPhase() throws {
        let harness = try openedYouth()
        harness.press(.down, .down, .down, .down, .enter)
        XCTAssertTrue(harness.screen.contains("Kapper / barbershop"), harness.screen)
        harness.press(.end, .up, .enter)
        XCTAssertEqual(try savedYouth(harness).foundAt, .barbershop)
        harness.press(.end, .up, .up, .enter, .down, .down, .enter)
        XCTAssertTrue(harness.screen.contains("naar Match & wrap-around"), harness.screen)
        harness.press(.enter)
        XCTAssertEqual(try savedYouth(harness).phase, .matchAndWrapAround)
    }

    /// A field's list is a pop-up, drawn over the whole screen: the ZRM line and the history
    /// under the form once showed through it and hid its last option.
    func testAFieldsListIsDrawnOverEverythingUnderTheForm() throws {
        let harness = try Harness(self, demo: true)
        harness.press([.char("/")] + "jesse".map { Key.char($0) } + [.enter])
        harness.press(.down, .down, .down, .down, .enter)
        let last = try XCTUnwrap(harness.rows(containing: "Anders").first, harness.screen)
        XCTAssertTrue(last.contains(#"│ Anders                             │"#), "the last option, inside its box: \(last)")
    }

    func testAFailedSaveKeepsTheEditAndSaysWhy() throws {
        let harness = try openedYouth()
        harness.press(.down, .down, .down, .enter)
        harness.type("06 1234 5678")
        harness.store.simulate = .diskFullWhileWriting
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("De schijf is vol"), harness.screen)
        XCTAssertTrue(harness.app.top.capturesKeys, "the edit stays open, nothing typed is lost")
        harness.store.simulate = nil
        harness.press(.enter)
        XCTAssertEqual(try savedYouth(harness).phone, "06 1234 5678")
    }

    func testHelpScrollsToItsLastLineInTheSmallestWindow() throws {
        let harness = try openedYouth()
        harness.width = 60
        harness.height = 16
        harness.press(.char("?"))
        XCTAssertTrue(harness.screen.contains("Wijzig het gekozen veld"), harness.screen)
        XCTAssertFalse(harness.screen.contains("opslaan-knop"))
        harness.press(.end)
        XCTAssertTrue(harness.screen.contains("opslaan-knop."), harness.screen)
        XCTAssertTrue(harness.screen.contains("Ctrl-C"))
        harness.press(.home)
        XCTAssertTrue(harness.screen.contains("PgUp"), "long key lists wrap, never cut")
        harness.press(.char("q"))
        XCTAssertTrue(harness.screen.contains("Fasegeschiedenis") || harness.screen.contains("Geboortedatum"))
    }

    func testTabConfirmsAndMovesOn() throws {
        let harness = try openedYouth()
        harness.press(.down, .down, .enter)
        harness.type("Utrecht")
        harness.press(.tab)
        XCTAssertTrue(harness.app.top.capturesKeys, "Tab opens the next field for typing")
        harness.type("06-12345678")
        harness.press(.enter)
        XCTAssertFalse(harness.app.top.capturesKeys)
        let youth = try savedYouth(harness)
        XCTAssertEqual([youth.municipality, youth.phone], ["Utrecht", "06-12345678"])
    }
}
