@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The placements of a youth, the placement form with its agreements, the move to Coachen, the
/// user manual and the handout export, headless at 60x16, 80x24 and 200x60.
final class PlacementScreensTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    let today = LocalDate(Harness.now, timeZone: testZone)

    /// Sem in Match & wrap-around; Bakkerij Jansen (baan, stage) active, Garage Oud not; with
    /// `placed`, a lopende baan at the bakery from a week ago and one at a workplace that is gone.
    private func harness(placed: Bool = false) throws -> Harness {
        try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            var bakery = try Workplace(name: "Bakkerij Jansen", now: Harness.now, id: "bakkerij")
            bakery.kinds = [.job, .internship]
            bakery.sector = "Voeding"
            bakery.contactName = "Ans de Vries"
            bakery.contactPhone = "06 12345678"
            try store.save(bakery)
            var old = try Workplace(name: "Garage Oud", now: Harness.now, id: "garage")
            old.active = false
            try store.save(old)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today.adding(days: -90))
            youth.move(to: .quickScan, on: today.adding(days: -60), now: Harness.now)
            youth.move(to: .matchAndWrapAround, on: today.adding(days: -30), now: Harness.now)
            if placed {
                var placement = try youth.addPlacement(at: bakery, kind: .job, start: today.adding(days: -7), today: today, now: Harness.now,
                                                       id: "p-bakkerij").placement
                placement.agreement.workingHours = "ma-vr 8:00-12:00, lange tekst " + String(repeating: "over de werktijden ", count: 10)
                try youth.save(placement, now: Harness.now)
                var gone = Placement(workplace: try Workplace(name: "Verdwenen BV", now: Harness.now, id: "verdwenen"), kind: .internship,
                                     start: today.adding(days: -200), id: "p-weg")
                gone.setStatus(.ended, today: today.adding(days: -100))
                gone.ending = .stoppedByEmployer
                try youth.save(gone, now: Harness.now)
            }
            try store.save(youth)
        }
    }

    private func youth(_ harness: Harness) throws -> Youth {
        try harness.store.youth(id: try XCTUnwrap(harness.store.summaries.first?.id))
    }

    private func assertDrawsAtEverySize(_ harness: Harness, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            let canvas = harness.canvas
            XCTAssertEqual(canvas.silentCuts, [], "\(context) at \(width)x\(height)", file: file, line: line)
        }
        harness.width = 80
        harness.height = 24
    }

    func testANewPlacementAtAnActiveWorkplaceRunsAndOffersCoachen() throws {
        let harness = try harness()
        harness.press(.enter, .char("w"))
        XCTAssertEqual(harness.app.top.kind, .placements)
        XCTAssertTrue(harness.screen.contains("Nog geen plaatsingen"), harness.screen)
        assertDrawsAtEverySize(harness, "empty list")
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("Bakkerij Jansen (Voeding)"), harness.screen)
        XCTAssertFalse(harness.screen.contains("Garage Oud"), "only active workplaces")
        harness.press(.enter)
        // The workplace's own kinds only.
        XCTAssertTrue(harness.screen.contains("stage"), harness.screen)
        XCTAssertFalse(harness.screen.contains("dagbesteding"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("22-11-2026"), "the start asked, today filled in")
        harness.press(.ctrl("u"))
        harness.type("15-11-2026")
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .placement)
        XCTAssertTrue(harness.screen.contains("Naar Coachen"), harness.screen)
        assertDrawsAtEverySize(harness, "the Coachen question")
        harness.press(.char("j"))
        let saved = try youth(harness)
        XCTAssertEqual(saved.phase, .coaching)
        XCTAssertEqual(saved.phaseHistory.last?.date, LocalDate(year: 2026, month: 11, day: 15))
        XCTAssertEqual(saved.placements.map(\.status), [.running])
        XCTAssertEqual(saved.placements.first?.kind, .job)
        XCTAssertTrue(harness.screen.contains("Het dossier staat nu in Coachen"), harness.screen)
        // Back on the list: the new one is there, marked as the current one.
        harness.press(.escape)
        XCTAssertEqual(harness.rows(containing: "Bakkerij Jansen").count, 1, harness.screen)
        XCTAssertTrue(harness.screen.contains("›"), harness.screen)
    }

    func testAPlannedPlacementOffersNothingAndTheStatusFieldOffersItOnceItRuns() throws {
        let harness = try harness()
        harness.press(.enter, .char("w"), .char("n"), .enter, .enter, .ctrl("u"))
        harness.type("01-12-2026")
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .placement)
        XCTAssertTrue(harness.app.popups.isEmpty, "a planned placement asks nothing")
        XCTAssertEqual(try youth(harness).placements.first?.status, .planned)
        // Status: down to it and choose lopend: refused while the start lies ahead.
        for _ in 0..<5 { harness.press(.down) }
        harness.press(.enter, .down, .enter)
        XCTAssertTrue(harness.screen.contains("Een lopende plaatsing kan niet later beginnen dan vandaag"), harness.screen)
        XCTAssertEqual(try youth(harness).placements.first?.status, .planned)
        XCTAssertTrue(harness.app.popups.isEmpty, "the list closed, the refusal shows under the form")
        // It started after all, two days ago: then lopend, and the move to Coachen is offered.
        for _ in 0..<2 { harness.press(.up) }
        harness.press(.enter, .ctrl("u"))
        harness.type("20-11-2026")
        harness.press(.enter, .down, .down, .enter, .down, .enter)
        XCTAssertTrue(harness.screen.contains("Naar Coachen"), harness.screen)
        harness.press(.char("n"))
        let saved = try youth(harness)
        XCTAssertEqual(saved.placements.first?.status, .running)
        XCTAssertEqual(saved.phase, .matchAndWrapAround, "no means no")
    }

    func testTheFormSavesEachFieldAndTabFlowsThroughTheAgreements() throws {
        let harness = try harness(placed: true)
        harness.press(.enter, .char("w"))
        XCTAssertTrue(harness.rows(containing: "Bakkerij Jansen").first?.hasPrefix("›") == true, "opens on the current one: \(harness.screen)")
        // The gone workplace shows its kept name and why (in full when selected).
        harness.press(.home)
        XCTAssertTrue(harness.screen.contains("Verdwenen BV (werkplek niet gevonden)"), harness.screen)
        assertDrawsAtEverySize(harness, "list")
        harness.press(.end, .enter)
        XCTAssertEqual(harness.app.top.kind, .placement)
        XCTAssertTrue(harness.screen.contains("Ans de Vries · 06 12345678"), harness.screen)
        assertDrawsAtEverySize(harness, "form")
        // Werktijden is the first agreement: down past the nine rows of the placement.
        for _ in 0..<9 { harness.press(.down) }
        harness.press(.enter, .ctrl("u"))
        harness.type("ma-do 9-17")
        harness.press(.tab)
        harness.type("deeg kneden")
        harness.press(.tab)
        harness.type("WML")
        harness.press(.enter)
        let agreement = try XCTUnwrap(try youth(harness).placements.first { $0.id == "p-bakkerij" }?.agreement)
        XCTAssertEqual(agreement.workingHours, "ma-do 9-17")
        XCTAssertEqual(agreement.tasks, "deeg kneden")
        XCTAssertEqual(agreement.income, "WML")
        // An end before the start is refused in Dutch, and nothing changes.
        harness.press(.home)
        for _ in 0..<6 { harness.press(.down) }
        harness.press(.enter, .ctrl("u"))
        harness.type("01-01-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("De einddatum ligt vóór de start"), harness.screen)
        harness.press(.escape)
        XCTAssertEqual(try youth(harness).placements.first { $0.id == "p-bakkerij" }?.status, .running)
        harness.press(.end)
        assertDrawsAtEverySize(harness, "form at its end")
    }

    func testTheScreenExportIsTheHandoutAndTheLetterSaysWhenThereIsNoTalk() throws {
        let harness = try harness(placed: true)
        harness.press(.enter, .char("w"), .end, .enter)
        harness.press(.char("e"))
        let saved = try youth(harness)
        let file = "exports/handout-sem-bakkerij-jansen-2026-11-22-nr\(saved.id.prefix(8)).md"
        XCTAssertTrue(harness.screen.contains(file), harness.screen)
        let written = try String(contentsOfFile: harness.directory + "/" + file, encoding: .utf8)
        let placement = try XCTUnwrap(saved.placements.first { $0.id == "p-bakkerij" })
        XCTAssertEqual(written, Handout.markdown(saved, placement: placement, workplace: harness.store.workplace(id: "bakkerij"), on: today))
        XCTAssertTrue(written.contains("weggelaten"), "no consent: the manual is left out")
        harness.press(.char("b"))
        XCTAssertTrue(harness.screen.contains("Nog geen voortgangsgesprek"), harness.screen)
    }

    func testAPlacementWithTalksIsNotRemoved() throws {
        let harness = try harness(placed: true)
        var youth = try youth(harness)
        youth.progressTalks.append(youth.newTalk(placementID: "p-bakkerij", on: today))
        _ = try harness.store.save(youth)
        harness.press(.enter, .char("w"), .end, .char("d"))
        XCTAssertTrue(harness.screen.contains("hoort 1 voortgangsgesprek"), harness.screen)
        XCTAssertTrue(harness.app.popups.isEmpty)
        harness.press(.home, .char("d"))
        XCTAssertTrue(harness.screen.contains("Plaatsing verwijderen"), harness.screen)
        harness.press(.char("j"))
        XCTAssertEqual(try self.youth(harness).placements.map(\.id), ["p-bakkerij"])
    }

    func testTheUserManualIsWrittenWithADraftThatReopensItsScreen() throws {
        let harness = try harness(placed: true)
        harness.press(.enter, .char("u"))
        XCTAssertEqual(harness.app.top.kind, .userManual)
        XCTAssertTrue(harness.screen.contains("Nog niet geschreven"), harness.screen)
        harness.press(.enter)
        harness.type("Sem werkt graag met zijn handen.")
        harness.press(.enter)
        harness.type("Tweede regel.")
        assertDrawsAtEverySize(harness, "writing")
        // Tab saves, and the coach writes on in the one text; Esc closes it.
        harness.press(.tab)
        XCTAssertEqual(try youth(harness).userManual, "Sem werkt graag met zijn handen.\nTweede regel.")
        XCTAssertTrue(harness.screen.contains("Opgeslagen."), harness.screen)
        harness.press(.escape)
        XCTAssertFalse(harness.app.top.capturesKeys)
        XCTAssertTrue(harness.screen.contains("Tweede regel."), harness.screen)
        assertDrawsAtEverySize(harness, "reading")
        // Typed but not confirmed: the draft reopens this screen with its text.
        harness.press(.enter)
        harness.type(" Meer.")
        harness.app.idle()
        let draft = try XCTUnwrap(harness.store.drafts().first { $0.key == .userManual })
        guard case .screens(let screens) = try DraftRestore.open(draft, session: harness.app.session) else { return XCTFail("opens") }
        XCTAssertTrue(screens.last is UserManualScreen)
        XCTAssertTrue(screens.last?.capturesKeys == true, "open for writing")
    }

    /// Until the demo has a placement for `HintsAndHelpTests` to walk: no key outside the rows of
    /// the placement screen (browsing, a field open, a list open) does anything.
    func testNoKeyOutsideThePlacementScreensRowsDoesAnything() throws {
        var failures: [String] = []
        for (name, keys) in [("placement", [Key.enter, .char("w"), .end, .enter]), ("placement field", [.enter, .char("w"), .end, .enter, .down, .down, .down, .enter]),
                             ("placement status", [.enter, .char("w"), .end, .enter, .down, .down, .down, .down, .down, .enter]),
                             ("placement removal", [.enter, .char("w"), .char("d")])] {
            var harness = try harness(placed: true)
            harness.press(keys)
            for key in HintsAndHelpTests.universe where !harness.app.activeBindings.contains(where: { $0.covers(key) }) {
                let before = (harness.canvas, harness.app.stack.count, harness.app.top.capturesKeys)
                harness.press(key)
                if before != (harness.canvas, harness.app.stack.count, harness.app.top.capturesKeys) {
                    failures.append("\(name): \(key.name)")
                    harness = try self.harness(placed: true)
                    harness.press(keys)
                }
            }
        }
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }
}
