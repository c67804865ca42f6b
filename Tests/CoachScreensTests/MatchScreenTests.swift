@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The match list: the ranked workplaces, the reasons of the selected one in words, at every size;
/// what it says with no (active) workplaces; where Enter and o lead.
final class MatchScreenTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]

    /// Sem wishes to cook in the horeca; the goal asks for a stage. Three active workplaces and
    /// one inactive; Sem's place at the garage was stopped early by the employer, a stage at the
    /// café is planned, and Zara completed one there.
    private func prepared() throws -> Harness {
        try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            func workplace(_ name: String, _ sector: String, _ kinds: [PlaceKind], tasks: String? = nil, active: Bool = true) throws -> Workplace {
                var workplace = try Workplace(name: name, now: Harness.now)
                workplace.sector = sector
                workplace.kinds = kinds
                workplace.active = active
                if let tasks {
                    var scan = WorkplaceScan(date: today.adding(days: -30))
                    scan.tasks = tasks
                    workplace.scans = [scan]
                }
                return try store.save(workplace)
            }
            let cafe = try workplace("Café De Hoek", "Horeca en catering voor bedrijven en evenementen", [.internship, .job], tasks: "Koken, afwassen en de bar; klanten bedienen op het terras")
            let garage = try workplace("Garage Jansen met een heel lange naam die in geen kolom past", "Autotechniek", [.workExperience])
            _ = try workplace("Bakkerij Brood", "Bakkerij", [.job], tasks: "Brood bakken")
            _ = try workplace("Oude Zorgboerderij", "Zorg", [.dayActivity], active: false)
            var youth = try Youth(name: "Sem", now: Harness.now, today: today)
            youth.quickScan.wishes = "Koken in de horeca, met klanten; bakken, bedienen"
            youth.changePlan.goal = "Een stage in de keuken"
            var stopped = Placement(workplace: garage, kind: .workExperience, start: today.adding(days: -200))
            stopped.status = .ended
            stopped.end = today.adding(days: -150)
            stopped.ending = .stoppedByEmployer
            youth.placements = [stopped, Placement(workplace: cafe, kind: .internship, start: today.adding(days: 10))]
            try store.save(youth)
            var zara = try Youth(name: "Zara", now: Harness.now, today: today)
            var completed = Placement(workplace: cafe, kind: .internship, start: today.adding(days: -400))
            completed.status = .ended
            completed.end = today.adding(days: -300)
            completed.ending = .completed
            zara.placements = [completed]
            try store.save(zara)
        }
    }

    /// Sem's dossier, found by name (Zara is in the caseload too).
    private let sem: [Key] = [.char("/"), .char("s"), .char("e"), .char("m"), .enter]

    /// The screen's words in one line: a wrapped message reads as one text.
    private func flat(_ screen: String) -> String { screen.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    private func hintLine(_ harness: Harness) -> String { harness.canvas.line(harness.height - 1) }

    func testTheWorkplacesRankedWithTheReasonsOfTheSelectedOne() throws {
        let harness = try prepared()
        harness.press(sem + [.char("k")])
        XCTAssertEqual(harness.app.top.kind, .match)
        let screen = harness.screen
        XCTAssertTrue(screen.contains("Sem  ·  Match: 3 actieve werkplekken (1 niet actief)"), screen)
        XCTAssertTrue(screen.contains("Het doel vraagt om: stage."), screen)
        let order = ["Café De Hoek", "Bakkerij Brood", "Garage Jansen"].map { name in harness.rows(containing: name).first ?? "" }
        XCTAssertTrue(order[0].contains("1") && order[0].contains("+15"), order[0])
        XCTAssertTrue(order[1].contains("+2"), order[1])
        XCTAssertTrue(order[2].contains("-6") && order[2].contains("…"), "a name too long for its column ends in …: \(order[2])")
        XCTAssertFalse(screen.contains("Zorgboerderij"), "an inactive workplace is not proposed")
        XCTAssertTrue(hintLine(harness).contains("plaats hier") && hintLine(harness).contains("werkplek"), hintLine(harness))
        // Wide enough for each reason on one line.
        (harness.width, harness.height) = (200, 60)
        let wide = harness.screen
        XCTAssertTrue(wide.contains("Waarom Café De Hoek · Horeca en catering voor bedrijven en evenementen · stage, baan · 15 punten:"), wide)
        XCTAssertTrue(wide.contains("+2  Sector ‘Horeca en catering voor bedrijven en evenementen’ past bij wensen: horeca"), wide)
        XCTAssertTrue(wide.contains("+6  Taken in de scan passen bij wensen: koken, klanten, bedienen"), wide)
        XCTAssertTrue(wide.contains("+6  Biedt stage, waar het doel in het plan om vraagt"), wide)

        harness.press(.end)
        let garage = harness.screen
        XCTAssertTrue(garage.contains("Waarom Garage Jansen met een heel lange naam die in geen kolom past · Autotechniek"),
                      "the selected workplace in full under the list: \(garage)")
        XCTAssertTrue(garage.contains("-6  Eerder hier: werkervaringsplek"), garage)
        XCTAssertTrue(garage.contains("voortijdig gestopt door werkgever"), garage)
    }

    func testNothingIsCutWithoutAMarkAtEverySize() throws {
        let harness = try prepared()
        harness.press(sem + [.char("k")])
        for (width, height) in Self.sizes {
            (harness.width, harness.height) = (width, height)
            for row in [0, 2] {
                harness.press(row == 0 ? .home : .end)
                let canvas = harness.canvas
                XCTAssertEqual(canvas.silentCuts, [], "\(width)x\(height)")
                XCTAssertTrue(harness.screen.contains("Waarom "), "the reasons of the selected row at \(width)x\(height)")
                XCTAssertTrue(harness.screen.contains("Match: 3 actieve"), "\(width)x\(height)")
            }
        }
    }

    func testReasonsThatDoNotFitAreMarkedAndReadOnWithPgDn() throws {
        let harness = try prepared()
        (harness.width, harness.height) = (60, 16)
        harness.press(sem + [.char("k")])
        XCTAssertTrue(harness.screen.contains("▼"), harness.screen)
        XCTAssertTrue(hintLine(harness).contains("PgDn redenen"), hintLine(harness))
        XCTAssertFalse(harness.screen.contains("▲"), "nothing above yet")
        harness.press(.pageDown)
        XCTAssertTrue(harness.screen.contains("▲"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Biedt stage, waar het doel"), harness.screen)
        harness.press(.pageDown, .pageDown, .pageDown)
        XCTAssertFalse(hintLine(harness).contains("PgDn"), "at the end PgDn is not named: \(hintLine(harness))")
        XCTAssertTrue(hintLine(harness).contains("PgUp redenen"), hintLine(harness))
        harness.press(.down)
        XCTAssertTrue(harness.screen.contains("Waarom Bakkerij Brood"), "another workplace starts at its first line: \(harness.screen)")

        (harness.width, harness.height) = (200, 60)
        XCTAssertFalse(harness.screen.contains("▼"), harness.screen)
        XCTAssertFalse(hintLine(harness).contains("redenen"), "all reasons fit: no key to read on")
    }

    func testWithoutWorkplacesItSaysWhereTheyAreAdded() throws {
        let harness = try Harness(self, youths: ["Sem"])
        harness.press(sem + [.char("k")])
        for (width, height) in Self.sizes {
            (harness.width, harness.height) = (width, height)
            XCTAssertTrue(flat(harness.screen).contains("Nog geen werkplekken in de caseload"), harness.screen)
            XCTAssertTrue(flat(harness.screen).contains("Een werkplek toevoegen doet u met w op de caseload"), harness.screen)
            XCTAssertEqual(harness.canvas.silentCuts, [])
        }
        XCTAssertFalse(hintLine(harness).contains("plaats hier"), hintLine(harness))
        XCTAssertFalse(hintLine(harness).contains("werkplek"), hintLine(harness))
        harness.press(.enter, .char("o"))
        XCTAssertEqual(harness.app.top.kind, .match, "Enter and o do nothing on an empty list")
    }

    func testWithOnlyInactiveWorkplacesItSaysSo() throws {
        let harness = try Harness(self, youths: ["Sem"]) { store in
            var workplace = try Workplace(name: "Gesloten Garage", now: Harness.now)
            workplace.active = false
            try store.save(workplace)
        }
        harness.press(sem + [.char("k")])
        XCTAssertTrue(flat(harness.screen).contains("Geen actieve werkplekken: de enige werkplek staat op niet actief"), harness.screen)
        XCTAssertFalse(harness.screen.contains("Gesloten Garage"), harness.screen)
        XCTAssertFalse(hintLine(harness).contains("plaats hier"), hintLine(harness))
    }

    func testOOpensTheWorkplaceAndComingBackRanksAgain() throws {
        let harness = try prepared()
        harness.press(sem + [.char("k"), .down])
        harness.press(.char("o"))
        XCTAssertEqual(harness.app.top.kind, .workplace)
        // Meanwhile the café is set to inactive: back on the match, it is gone and Bakkerij stays selected.
        var cafe = try XCTUnwrap(harness.store.workplaces.first { $0.name == "Café De Hoek" })
        cafe.active = false
        try harness.store.save(cafe)
        harness.press(.escape)
        XCTAssertEqual(harness.app.top.kind, .match)
        XCTAssertTrue(harness.screen.contains("Match: 2 actieve werkplekken (2 niet actief)"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Waarom Bakkerij Brood"), harness.screen)
    }

    func testTheMatchOpensFromThePlan() throws {
        let harness = try prepared()
        harness.press(sem + [.char("p"), .char("k")])
        XCTAssertEqual(harness.app.top.kind, .match)
        harness.press(.escape)
        XCTAssertEqual(harness.app.top.kind, .changePlan)
    }
}

extension MatchScreenTests {
    /// Workplaces with control characters and texts at their limits, against the hostile youth:
    /// at every size nothing raw reaches the canvas and nothing is cut without a mark.
    func testHostileWorkplacesAreDrawnSafelyAtEverySize() throws {
        let harness = try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            for index in 0..<12 {
                var workplace = try Workplace(name: "Plek", now: Harness.now)
                workplace.name = String(("\(index) " + HostileScreensTests.hostileName + HostileScreensTests.long(" Wensen")).prefix(TextLimits.line))
                workplace.sector = HostileScreensTests.long("Wensen Talenten")
                workplace.kinds = Array(PlaceKind.allCases.prefix(index % 7))
                var scan = WorkplaceScan(date: today)
                for text in WorkplaceScan.Text.allCases { scan[text] = HostileScreensTests.page("Motivatie Wensen") }
                workplace.scans = [scan]
                try store.save(workplace)
            }
            try store.save(try HostileScreensTests.hostileYouth(today: today, now: Harness.now))
        }
        harness.press(.enter, .char("k"))
        XCTAssertEqual(harness.app.top.kind, .match)
        for (width, height) in Self.sizes {
            (harness.width, harness.height) = (width, height)
            for key: Key in [.home, .pageDown, .down, .end, .pageDown, .pageDown, .pageUp] {
                harness.press(key)
                let canvas = harness.canvas
                XCTAssertEqual(canvas.silentCuts, [], "\(width)x\(height) after \(key.name)")
                for row in 0..<canvas.height {
                    XCTAssertFalse(canvas.line(row).unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" },
                                   "raw control character on row \(row) at \(width)x\(height)")
                }
            }
            XCTAssertEqual(harness.app.top.kind, .match)
        }
    }
}

extension MatchScreenTests {
    /// On a read-only data directory the match is there to read, but Enter (a placement would be
    /// written) is neither named nor does anything; o still opens the workplace.
    func testReadOnlyTheMatchIsReadButNoPlacementIsOffered() throws {
        let prepared = try prepared()
        let store = try CaseloadStore(directory: prepared.directory, clock: { Harness.now }, simulate: .readOnlyDirectory)
        let app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
        for key in sem + [.char("k")] { app.handle(key) }
        var canvas = Canvas(width: 80, height: 24)
        app.render(into: &canvas)
        XCTAssertEqual(app.top.kind, .match)
        XCTAssertTrue(canvas.text.contains("Waarom Café De Hoek"), canvas.text)
        XCTAssertFalse(canvas.line(23).contains("plaats hier"), canvas.line(23))
        XCTAssertFalse(app.activeBindings.contains { $0.action == .placeHere })
        app.handle(.char("o"))
        XCTAssertEqual(app.top.kind, .workplace)
    }
}
