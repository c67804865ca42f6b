@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class ZRMScreenTests: XCTestCase {
    /// A youth in quick scan, opened, with the ZRM history on screen.
    private func zrmOf(_ name: String = "Zoë Çelik") throws -> Harness {
        let harness = try Harness(self) { store in
            var youth = try Youth(name: name, now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone))
            youth.move(to: .quickScan, on: LocalDate(Harness.now, timeZone: testZone), now: Harness.now)
            try store.save(youth)
        }
        harness.press(.enter, .char("z"))
        return harness
    }

    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id)
    }

    func testScoringWithDigitsMarksAcuteInTextAndSavesAtOnce() throws {
        let harness = try zrmOf()
        XCTAssertTrue(harness.screen.contains("Nog geen metingen. Druk op n voor de 0-meting."), harness.screen)
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("ZRM › 0-meting"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Financiën: Inkomen, schulden"), "the selected domain's hint shows")
        harness.press(.char("1"), .char("3"))
        let financesRow = try XCTUnwrap(harness.rows(containing: "Financiën ").first)
        XCTAssertTrue(financesRow.contains("1 ACUUT"), financesRow)
        XCTAssertEqual(harness.canvas[4 + 3, 33].style, .error, "acute also in colour (red), or reverse under NO_COLOR")
        XCTAssertTrue(harness.rows(containing: "Werk & opleiding").first?.contains("3 beperkt zelfredzaam") ?? false)
        XCTAssertTrue(harness.screen.contains("2 van 13 gescoord · 1 acuut"))
        let saved = try XCTUnwrap(try youth(harness).latestMeasurement)
        XCTAssertEqual(saved.score("finances"), 1)
        XCTAssertEqual(saved.score("workAndEducation"), 3)
        XCTAssertEqual(saved.moment, .zero)
    }

    func testArrowsStepTheScoreAndZeroClearsIt() throws {
        let harness = try zrmOf()
        harness.press(.char("n"), .right, .right, .right)
        XCTAssertEqual(try youth(harness).latestMeasurement?.score("finances"), 3)
        harness.press(.left)
        XCTAssertEqual(try youth(harness).latestMeasurement?.score("finances"), 2)
        harness.press(.char("0"))
        XCTAssertNil(try youth(harness).latestMeasurement?.score("finances"))
        XCTAssertTrue(harness.rows(containing: "Financiën ").first?.contains("nog niet gescoord") ?? false)
    }

    func testNoteIsTypedInPlaceAndLettersAreText() throws {
        let harness = try zrmOf()
        harness.press(.char("n"), .enter)
        harness.type("schulden 3x")
        XCTAssertTrue(harness.app.top.capturesKeys)
        harness.press(.enter)
        XCTAssertEqual(try youth(harness).latestMeasurement?.note("finances"), "schulden 3x", "the digit 3 was text, not a score")
        XCTAssertNil(try youth(harness).latestMeasurement?.score("finances"))
        XCTAssertTrue(harness.screen.contains("schulden 3x"))
    }

    func testNewMeasurementStartsFromThePreviousAndShowsTheDirection() throws {
        let harness = try zrmOf()
        harness.press(.char("n"), .char("2"), .char("4"), .escape)
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("ZRM › 1-meting"), harness.screen)
        let carried = try XCTUnwrap(harness.rows(containing: "Financiën ").first)
        XCTAssertTrue(carried.contains("2 niet zelfredzaam") && carried.contains("2 ="), carried)
        harness.press(.char("3"))
        let moved = try XCTUnwrap(harness.rows(containing: "Financiën ").first)
        XCTAssertTrue(moved.contains("3 beperkt zelfredzaam") && moved.contains("2 ↑"), moved)
        XCTAssertEqual(try youth(harness).measurements.count, 2)
    }

    func testHistoryChartAndComparison() throws {
        let harness = try zrmOf()
        harness.press(.char("n"), .char("1"), .char("2"), .escape)
        harness.press(.char("n"), .char("3"), .char("2"), .escape)
        let history = harness.screen
        XCTAssertTrue(history.contains("0m") && history.contains("1m"), history)
        let finances = try XCTUnwrap(harness.rows(containing: "Financiën").first)
        XCTAssertTrue(finances.contains("1 !") && finances.contains("3") && finances.contains("▁▄"), finances)
        let acute = try XCTUnwrap(harness.rows(containing: "Acuut").first)
        XCTAssertTrue(acute.contains("1") && acute.contains("0"), acute)
        XCTAssertTrue(harness.screen.contains("Gemiddelde"))

        harness.press(.char("c"))
        let comparison = harness.screen
        XCTAssertTrue(comparison.contains("ZRM vergelijken"), comparison)
        XCTAssertTrue(harness.rows(containing: "Financiën").first?.contains("↑ omhoog") ?? false)
        XCTAssertTrue(harness.rows(containing: "Werk & opleiding").first?.contains("= gelijk") ?? false)
        XCTAssertTrue(comparison.contains("1 omhoog · 0 omlaag · 1 gelijk"), comparison)
        XCTAssertTrue(comparison.contains("Gemiddeld 1,5 → 2,5 · acute leefgebieden 1 → 0"), comparison)
        XCTAssertTrue(comparison.contains("Maatschappelijke participatie "), "the longest name fits at 80 columns")
        harness.press(.left)
        XCTAssertTrue(harness.screen.contains("0 omhoog · 0 omlaag · 2 gelijk"), "← picks another measurement on the active side")
    }

    func testOnlyOneMeasurementCannotBeCompared() throws {
        let harness = try zrmOf()
        harness.press(.char("n"), .escape)
        // c is neither named nor bound with one measurement: nothing to compare it with.
        XCTAssertFalse(harness.app.activeBindings.contains { $0.action == .compare })
        XCTAssertFalse(harness.canvas.line(harness.height - 1).contains("vergelijk"))
        harness.press(.char("c"))
        XCTAssertTrue(harness.app.top is ZRMHistoryScreen)
    }

    func testCaseloadMarksAcuteAndMissingMeasurements() throws {
        let harness = try Harness(self, demo: true)
        XCTAssertTrue(harness.rows(containing: "Bilal Bedacht").first?.hasPrefix("!") ?? false, "acute domain in the latest ZRM")
        XCTAssertTrue(harness.rows(containing: "Noor Nepnaam").first?.hasPrefix("?") ?? false, "quick scan without ZRM")
        XCTAssertTrue(harness.rows(containing: "Daan Demo").first?.hasPrefix(" ") ?? false, "scout needs no ZRM yet")
        XCTAssertTrue(harness.screen.contains("! acuut  ? geen ZRM"))
    }

    func testQuickScanFieldsAndSkillImpression() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(.enter, .char("s"))
        XCTAssertTrue(harness.screen.contains("Beeld van de jongere"), harness.screen)
        // A text is written over several lines; Tab saves it and opens the next one.
        harness.press(.enter)
        harness.type("wil monteur worden")
        harness.press(.enter)
        harness.type("en rijles")
        harness.press(.tab)
        XCTAssertTrue(harness.screen.contains("Wensen en interesses"), "the next text is open: \(harness.screen)")
        harness.press(.escape)
        XCTAssertTrue(harness.rows(containing: "Motivatie").first?.contains("wil monteur worden ¶ en rijles") ?? false, harness.screen)
        // Past the other three texts and thirteen domains to the first basic skill; headings are skipped.
        for _ in 0..<16 { harness.press(.down) }
        XCTAssertTrue(harness.screen.contains("Basisvaardigheden: eerste indruk"))
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("aandachtspunt"), harness.screen)
        harness.press(.down, .enter)
        let scan = try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id).quickScan
        XCTAssertEqual(scan.motivation, "wil monteur worden\nen rijles")
        XCTAssertEqual(scan.basicSkills["onTime"], .attention)
        harness.press(.end, .up, .up, .up, .enter)
        XCTAssertTrue(harness.screen.contains("Vermoeden LVB") && harness.screen.contains("onbekend"), harness.screen)
        harness.press(.home, .enter)
        XCTAssertEqual(try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id).quickScan.suspectedIntellectualDisability,
                       .yes, "vermoeden LVB: ja")
        XCTAssertTrue(harness.rows(containing: "Vermoeden LVB").first?.contains("ja") ?? false, harness.screen)
        harness.press(.down, .enter, .down, .enter)
        XCTAssertEqual(try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first).id).quickScan.bsa.used, true,
                       "BSA afgenomen: ja")
        harness.press(.down, .enter)
        harness.type("31-11-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("31-11-2026 bestaat niet: november 2026 heeft 30 dagen."), harness.screen)
    }

    func testAQuickScanTextLeftByAHangupIsOfferedBackInItsField() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(.enter, .char("s"))
        for _ in 0..<4 { harness.press(.down) }   // past the four texts: the first life domain
        harness.press(.enter)
        harness.type("Schulden bij de zorgverzekeraar,")
        harness.press(.enter)
        harness.type("regeling loopt")
        harness.app.idle()
        let again = Harness(reopening: harness)
        XCTAssertTrue(again.screen.contains("\"financiën\" in de quick scan van Sem"), again.screen)
        again.press(.enter)
        XCTAssertTrue(again.screen.contains("Caseload › Sem › Quick scan"), again.screen)
        XCTAssertTrue(again.screen.contains("Situatie per leefgebied") && again.screen.contains("regeling loopt"), again.screen)
        again.press(.tab)
        let scan = try again.store.youth(id: try XCTUnwrap(again.store.summaries.first).id).quickScan
        XCTAssertEqual(scan.situation["finances"], "Schulden bij de zorgverzekeraar,\nregeling loopt")
        XCTAssertTrue(again.store.drafts().isEmpty)
    }
}
