@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The workplaces of the caseload on screen: the list with its filter, a new one, the form that
/// saves each field, the quick scans (newest first, a new one beside the earlier) and the history
/// of placements derived from the youths, at the smallest, the usual and a large size.
final class WorkplaceScreensTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    let today = LocalDate(Harness.now, timeZone: testZone)

    /// Three workplaces (one inactive, one with a name longer than any column), and a youth placed
    /// twice at the bakery: once ended early, once lopend.
    private func harness() throws -> Harness {
        try Harness(self, youths: ["Bram"]) { store in
            var bakery = try Workplace(name: "Bakkerij De Korenschoof", now: Harness.now, id: "3f6c2a10-5b7e-4d2a-9c1e-000000000017")
            bakery.sector = "Voeding"
            bakery.kinds = [.job, .internship]
            bakery.save(WorkplaceScan(date: LocalDate(year: 2026, month: 3, day: 4)!))
            var later = WorkplaceScan(date: LocalDate(year: 2026, month: 10, day: 12)!)
            later.atmosphere = "Rustig en warm"
            bakery.save(later)
            try store.save(bakery)
            var cafe = try Workplace(name: "Café Ünal", now: Harness.now)
            cafe.sector = "Horeca"
            cafe.kinds = [.workExperience]
            cafe.active = false
            try store.save(cafe)
            var long = try Workplace(name: String(repeating: "Gemeentelijke Sociale Werkvoorziening ", count: 4), now: Harness.now)
            long.sector = "Overheid en maatschappelijke dienstverlening"
            long.kinds = PlaceKind.allCases
            try store.save(long)
            var youth = try Youth(name: "Sanne Voorbeeld", now: Harness.now, today: today)
            var ended = Placement(workplace: bakery, kind: .internship, start: LocalDate(year: 2025, month: 9, day: 1)!)
            ended.status = .ended
            ended.end = LocalDate(year: 2025, month: 12, day: 1)
            ended.ending = .stoppedByEmployer
            try youth.save(ended, now: Harness.now)
            var running = Placement(workplace: bakery, kind: .job, start: LocalDate(year: 2026, month: 10, day: 1)!)
            running.status = .running
            running.plannedEnd = LocalDate(year: 2027, month: 4, day: 1)
            try youth.save(running, now: Harness.now)
            try store.save(youth)
        }
    }

    private let bakeryID = "3f6c2a10-5b7e-4d2a-9c1e-000000000017"

    /// Draws at every size: nothing cut without "…" or a mark.
    private func assertFits(_ harness: Harness, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(what) at \(width)x\(height)", file: file, line: line)
        }
        (harness.width, harness.height) = (80, 24)
    }

    func testTheListShowsEveryWorkplaceAtEverySize() throws {
        let harness = try harness()
        harness.press(.char("w"))
        XCTAssertEqual(harness.app.top.kind, .workplaces)
        XCTAssertTrue(harness.screen.contains("3 werkplekken"), harness.screen)
        let bakery = try XCTUnwrap(harness.rows(containing: "Bakkerij").first)
        XCTAssertTrue(bakery.contains("Voeding") && bakery.contains("baan, stage") && bakery.contains("ja") && bakery.hasSuffix("2"), bakery)
        XCTAssertTrue(try XCTUnwrap(harness.rows(containing: "Café Ünal").first).contains("nee"), "an inactive one says so")
        assertFits(harness, "list")
        // The selected row shows in full what its cells cut.
        harness.press(.end)
        harness.width = 200
        XCTAssertTrue(harness.screen.contains("dienstverlening · baan, werkervaringsplek, stage, opleiding"), harness.screen)
        harness.press(.escape)
        XCTAssertEqual(harness.app.top.kind, .caseload)
    }

    func testTheFilterMatchesAsYouTypeWithoutCapitalsOrAccents() throws {
        let harness = try harness()
        harness.press(.char("w"), .char("/"))
        XCTAssertTrue(harness.app.top.capturesKeys)
        harness.type("cafe")
        XCTAssertEqual(harness.rows(containing: "Bakkerij"), [])
        XCTAssertEqual(harness.rows(containing: "Café Ünal").count, 1)
        harness.press(.ctrl("u"))
        harness.type("STAGE")
        XCTAssertTrue(harness.screen.contains("Bakkerij De Korensc"), "a kind offered matches: \(harness.screen)")
        XCTAssertTrue(harness.screen.contains("2 werkplekken") || harness.app.top.capturesKeys)
        XCTAssertEqual(harness.rows(containing: "Café"), [])
        harness.press(.ctrl("u"))
        harness.type("horeca")
        XCTAssertEqual(harness.rows(containing: "Café Ünal").count, 1, "the sector matches")
        assertFits(harness, "filter")
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .workplace)
        XCTAssertTrue(harness.screen.contains("Café Ünal  ·  niet actief"), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("1 werkplek gevonden voor \"horeca\""), harness.screen)
        harness.press(.char("/"), .ctrl("u"))
        harness.type("xyz")
        XCTAssertTrue(harness.screen.contains("Geen werkplek gevonden voor \"xyz\""), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("3 werkplekken"), "Esc in the filter clears it")
    }

    func testAnEmptyListSaysHowToAddOne() throws {
        let harness = try Harness(self, youths: ["Bram"])
        harness.press(.char("w"))
        XCTAssertTrue(harness.screen.contains("Nog geen werkplekken. Druk op n om de eerste toe te voegen."), harness.screen)
        XCTAssertFalse(harness.app.activeBindings.contains { $0.action == .open || $0.action == .filter }, "no Enter, no filter on nothing")
        assertFits(harness, "empty list")
    }

    func testNewMakesTheWorkplaceAndOpensIt() throws {
        let harness = try harness()
        harness.press(.char("w"), .char("n"))
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("De naam van de werkplek is verplicht."), harness.screen)
        harness.type("Garage Piet")
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .workplace)
        let made = try XCTUnwrap(harness.store.workplaces.first { $0.name == "Garage Piet" })
        XCTAssertTrue(FileManager.default.fileExists(atPath: "\(harness.directory)/workplaces/\(made.id).json"))
        XCTAssertEqual(harness.rows(containing: "nog geen").count, 2, "no scans, no placements yet: \(harness.screen)")
        assertFits(harness, "new workplace")
        harness.press(.escape)
        XCTAssertEqual(harness.rows(containing: "Garage Piet").count, 1)
    }

    /// Each confirmed field is on disk at once; a bad value is refused in Dutch and not saved.
    func testEditingAFieldSavesItAtOnce() throws {
        let harness = try harness()
        harness.press(.char("w"), .enter)
        XCTAssertTrue(harness.screen.contains("1 lopend"), "the summary counts the placements: \(harness.screen)")
        XCTAssertTrue(harness.screen.contains("2 scans, de laatste van 12-10-2026"), harness.screen)
        assertFits(harness, "workplace")
        harness.press(.down, .enter, .ctrl("u"))
        harness.type("Voeding en ambacht")
        harness.press(.enter)
        harness.press(.down, .down, .down, .down, .enter)   // e-mail
        harness.type("henk at bakkerij")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Een e-mailadres heeft de vorm naam@domein.nl."), harness.screen)
        harness.press(.ctrl("u"))
        harness.type("henk@korenschoof.nl")
        harness.press(.tab)   // confirms and opens the kinds' checklist
        harness.press(.down, .down, .down, .char(" "), .enter)   // education
        let saved = try XCTUnwrap(harness.store.workplace(id: bakeryID))
        XCTAssertEqual(saved.sector, "Voeding en ambacht")
        XCTAssertEqual(saved.contactEmail, "henk@korenschoof.nl")
        XCTAssertEqual(saved.kinds, [.job, .internship, .education])
        let file = try String(contentsOfFile: "\(harness.directory)/workplaces/\(bakeryID).json", encoding: .utf8)
        XCTAssertTrue(file.contains("\"sector\" : \"Voeding en ambacht\"") && file.contains("\"education\""), file)
        // Notes: a text over several lines, saved on Tab.
        harness.press(.down, .down, .enter)
        XCTAssertTrue(harness.app.top.capturesKeys)
        harness.type("Vroeg beginnen")
        harness.press(.enter)
        harness.type("Henk is streng maar eerlijk")
        harness.press(.tab)
        XCTAssertEqual(harness.store.workplace(id: bakeryID)?.notes, "Vroeg beginnen\nHenk is streng maar eerlijk")
        XCTAssertEqual(((try? FileManager.default.contentsOfDirectory(atPath: harness.directory + "/drafts")) ?? []).filter { $0.hasSuffix(".json") }, [],
                       "workplace texts keep no draft")
    }

    func testScansAreNewestFirstAndANewOneLeavesTheEarlier() throws {
        let harness = try harness()
        harness.press(.char("w"), .enter, .char("s"))
        XCTAssertEqual(harness.app.top.kind, .workplaceScans)
        let screen = harness.screen
        let later = try XCTUnwrap(screen.range(of: "12-10-2026")), earlier = try XCTUnwrap(screen.range(of: "04-03-2026"))
        XCTAssertLessThan(later.lowerBound, earlier.lowerBound, "newest first")
        XCTAssertTrue(try XCTUnwrap(harness.rows(containing: "12-10-2026").first).contains("Rustig en warm"))
        assertFits(harness, "scans")
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains(today.text), "today is filled in")
        harness.press(.ctrl("u"))
        harness.type("01-11-2026")
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .workplaceScan)
        XCTAssertTrue(harness.app.top.capturesKeys, "the first text is open for typing")
        harness.type("Druk maar gezellig")
        harness.press(.tab)
        harness.type("Deeg kneden")
        harness.press(.tab)
        assertFits(harness, "scan form")
        harness.press(.escape, .escape)
        let scans = try XCTUnwrap(harness.store.workplace(id: bakeryID)).scansNewestFirst
        XCTAssertEqual(scans.map(\.date.text), ["01-11-2026", "12-10-2026", "04-03-2026"])
        XCTAssertEqual([scans[0].atmosphere, scans[0].tasks], ["Druk maar gezellig", "Deeg kneden"])
        XCTAssertEqual(scans[1].atmosphere, "Rustig en warm", "the earlier scan is untouched")
        // A scan in the future is refused, in Dutch.
        harness.press(.char("n"), .ctrl("u"))
        harness.type("01-01-2099")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Een scan kan niet in de toekomst liggen"), harness.screen)
        harness.press(.escape)
        // Removal asks first; Enter means no, j removes only the chosen one.
        harness.press(.char("d"), .enter)
        XCTAssertEqual(harness.store.workplace(id: bakeryID)?.scans.count, 3)
        harness.press(.char("d"), .char("j"))
        XCTAssertEqual(harness.store.workplace(id: bakeryID)?.scansNewestFirst.map(\.date.text), ["12-10-2026", "04-03-2026"])
    }

    func testTheHistoryShowsThePlacementsOfTheYouths() throws {
        let harness = try harness()
        harness.press(.char("w"), .enter, .char("h"))
        XCTAssertEqual(harness.app.top.kind, .workplaceHistory)
        let running = try XCTUnwrap(harness.rows(containing: "baan").first)
        XCTAssertTrue(running.contains("Sanne Voorbeeld") && running.contains("01-10-2026") && running.contains("lopend"), running)
        harness.width = 200
        let ended = try XCTUnwrap(harness.rows(containing: "stage").first)
        XCTAssertTrue(ended.contains("01-12-2025") && ended.contains("beëindigd: voortijdig gestopt door werkgever"), ended)
        assertFits(harness, "history")
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .youth)
        XCTAssertTrue(harness.screen.contains("Sanne Voorbeeld"))
    }

    /// A workplace in quarantine or gone cannot be opened: the screen says why, and offers no edit.
    func testAWorkplaceThatIsGoneSaysSo() throws {
        let harness = try harness()
        let screen = WorkplaceScreen(session: Session(store: harness.store, clock: { Harness.now }, timeZone: testZone),
                                     id: "0b5e7c3a-0000-4000-8000-00000000dead")
        var canvas = Canvas(width: 60, height: 16)
        screen.resize(to: Rect(row: 1, col: 0, width: 60, height: 14))
        screen.render(into: &canvas, area: Rect(row: 1, col: 0, width: 60, height: 14))
        XCTAssertTrue(canvas.text.replacingOccurrences(of: "\n", with: " ").contains("niet gevonden en kan niet worden"), canvas.text)
        XCTAssertEqual(canvas.silentCuts, [])
        XCTAssertEqual(Set(screen.bindings.map(\.action)).intersection([.edit, .openScans, .openHistory, .move]), [])
        guard case .stay = screen.handle(.enter) else { return XCTFail("Enter opens nothing") }
    }

    /// A workplace a newer Rode Loper wrote is shown with a warning; a change is refused, in Dutch.
    func testANewerWorkplaceIsShownReadOnly() throws {
        let directory = NSTemporaryDirectory() + "rodeloper-screens-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/workplaces", withIntermediateDirectories: true)
        let file = #"{"schemaVersion": 2, "workplace": {"id": "w1", "name": "Drukkerij Nieuw", "created": "2026-11-22T12:00:00Z"}}"#
        try Data(file.utf8).write(to: URL(fileURLWithPath: directory + "/workplaces/w1.json"))
        let session = Session(store: try CaseloadStore(directory: directory, clock: { Harness.now }), clock: { Harness.now }, timeZone: testZone)
        let screen = WorkplaceScreen(session: session, id: "w1")
        let area = Rect(row: 1, col: 0, width: 80, height: 22)
        screen.resize(to: area)
        _ = screen.handle(.enter)
        _ = screen.handle(.ctrl("u"))
        "Anders".forEach { _ = screen.handle(.char($0)) }
        _ = screen.handle(.enter)
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, area: area)
        let text = canvas.text.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(text.contains("nieuwere versie van Rode Loper"), canvas.text)
        XCTAssertEqual(session.store.workplace(id: "w1")?.name, "Drukkerij Nieuw")
        XCTAssertEqual(try String(contentsOfFile: directory + "/workplaces/w1.json", encoding: .utf8), file, "not a byte changed")
    }
}

extension HostileScreensTests {
    /// A workplace with every text at its longest and full of control characters, forty scans, and
    /// ended placements of the hostile youth there (ended: they never clash with a lopende one).
    static func addHostileWorkplace(to store: CaseloadStore, today: LocalDate, now: Date) throws {
        var workplace = try Workplace(name: "placeholder", now: now)
        workplace.name = hostileName
        workplace.sector = long("Sector")
        workplace.address = long("Adres")
        workplace.contactName = long("Contact")
        workplace.contactPhone = "06 \u{1B}[2J 1234"
        workplace.contactEmail = long("mail")
        workplace.kinds = PlaceKind.allCases
        workplace.notes = page("Notitie")
        for index in 0..<40 {
            var scan = WorkplaceScan(date: today.adding(days: -7 * index))
            for text in WorkplaceScan.Text.allCases { scan[text] = page(text.rawValue) }
            workplace.save(scan)
        }
        workplace = try store.save(workplace)
        guard let summary = store.summaries.first(where: { $0.name == hostileName }) else { return }
        var youth = try store.youth(id: summary.id)
        for index in 0..<30 {
            var placement = Placement(workplace: workplace, kind: PlaceKind.allCases[index % 6], start: today.adding(days: -30 * index - 20))
            placement.status = .ended
            placement.end = today.adding(days: -30 * index)
            placement.ending = PlacementEnding.allCases[index % 4]
            try youth.save(placement, now: now)
        }
        try store.save(youth)
    }
}
