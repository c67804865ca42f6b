import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

final class CaseloadScreenTests: XCTestCase {
    func testListShowsNameAgePhaseAndDaysSortedByName() throws {
        let harness = try Harness(self, demo: true)
        let screen = harness.screen
        XCTAssertTrue(screen.hasPrefix(" Rode Loper · Caseload"), screen)
        XCTAssertTrue(screen.contains("Naam") && screen.contains("Leeftijd") && screen.contains("Fase") && screen.contains("Gewijzigd"))
        let lines = screen.split(separator: "\n").map(String.init)
        let first = try XCTUnwrap(lines.firstIndex { $0.contains("Bilal Bedacht") })
        XCTAssertTrue(lines[first + 1].contains("Daan Demo"), "sorted by name")
        XCTAssertTrue(lines[first].contains("21") && lines[first].contains("Quick scan") && lines[first].contains("4 dagen"), lines[first])
        XCTAssertFalse(screen.contains("Sanne Schijn"), "closed cases are hidden by default")
        XCTAssertTrue(screen.contains("2 afgesloten verborgen"))
        // The demo has a closed case past its retention term: its key comes first.
        XCTAssertTrue(lines.last!.hasPrefix(" b bewaartermijn") && lines.last!.contains("? help"), lines.last!)
        harness.press(.char("a"))
        XCTAssertTrue(harness.screen.contains("Sanne Schijn"))
    }

    func testSlashFiltersAsYouTypeIgnoringCaseAndAccents() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik", "Zoran Peters", "Ahmed Celik"])
        harness.press(.char("/"))
        harness.type("celik")
        var screen = harness.screen
        XCTAssertTrue(screen.contains("Zoë Çelik") && screen.contains("Ahmed Celik"), screen)
        XCTAssertFalse(screen.contains("Zoran"))
        harness.type(" z")
        XCTAssertEqual(harness.rows(containing: "Celik").count + harness.rows(containing: "Çelik").count, 0)
        harness.press(.backspace, .backspace, .escape)
        screen = harness.screen
        XCTAssertTrue(screen.contains("Zoran") && screen.contains("Ahmed"), "Esc clears the filter")
    }

    func testEnterInSearchOpensTheMatch() throws {
        let harness = try Harness(self, youths: ["Zoë Çelik", "Zoran Peters"])
        harness.press(.char("/"))
        harness.type("pet")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.hasPrefix(" Rode Loper · Caseload › Zoran Peters"), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("1 jongere gevonden voor \"pet\""), "the filter stays after opening")
    }

    func testNewAsksForANameCreatesAndOpens() throws {
        let harness = try Harness(self, youths: ["Ahmed"])
        harness.press(.char("n"))
        XCTAssertTrue(harness.screen.contains("Nieuwe jongere"))
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Een naam is verplicht."), harness.screen)
        harness.type("Zoë Çelik q")
        harness.press(.backspace, .backspace, .enter)
        XCTAssertTrue(harness.screen.hasPrefix(" Rode Loper · Caseload › Zoë Çelik"), harness.screen)
        XCTAssertEqual(Set(harness.store.summaries.map(\.name)), ["Ahmed", "Zoë Çelik"])
        harness.press(.char("q"))
        XCTAssertTrue(harness.rows(containing: "Zoë Çelik").first?.contains("Scout") ?? false)
    }

    func testNameWithEscapeCharacterIsShownEscaped() throws {
        let harness = try Harness(self) { store in
            var youth = try Youth(name: "Evil", now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone))
            youth.name = "Evil\u{1B}[2J\u{07}Name"  // as if edited outside the program
            try store.save(youth)
        }
        let canvas = harness.canvas
        XCTAssertTrue(canvas.text.contains("Evil\\x1B[2J\\x07Name"), canvas.text)
        XCTAssertFalse(canvas.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } })
    }

    func testTooSmallTerminalShowsANoticeAndIgnoresKeys() throws {
        let harness = try Harness(self, youths: ["Ahmed"])
        harness.width = 50
        harness.height = 12
        XCTAssertTrue(harness.screen.contains("Terminal te klein"), harness.screen)
        XCTAssertTrue(harness.screen.contains("minimaal 60x16, nu 50x12"))
        harness.press(.char("n"))
        harness.width = 80
        harness.height = 24
        XCTAssertFalse(harness.screen.contains("Nieuwe jongere"), "a key pressed blind does nothing")
        harness.press(.ctrl("c"))
        XCTAssertTrue(harness.app.finished)
    }

    func testHelpListsEveryKeyOfTheScreen() throws {
        let harness = try Harness(self, youths: ["Ahmed"])
        harness.height = 40
        harness.press(.char("?"))
        let screen = harness.screen
        XCTAssertTrue(screen.contains("Caseload › Help"), screen)
        // The quarantine list's key is there only while files are unseen (QuarantineScreenTests),
        // the closed files' key only while there are closed files (HintsDoSomethingTests), the
        // retention list's only while cases are past their term (RetentionScreenTests).
        for binding in KeyTable.bindings(for: .caseload) where ![.help, .openQuarantine, .toggleClosed, .openRetention].contains(binding.action) {
            XCTAssertTrue(screen.contains(binding.keyNames), "help lists \(binding.keyNames) on one line at 80 columns")
            XCTAssertTrue(screen.contains(String(binding.help.prefix(20))), "help explains \(binding.keyNames)")
        }
        XCTAssertTrue(screen.contains("Zoek op naam terwijl u typt"))
        harness.press(.escape)
        XCTAssertTrue(harness.screen.contains("Ahmed"))
    }

    func testFirstRunOffersEmptyOrDemoCaseload() throws {
        let harness = try Harness(self)
        XCTAssertTrue(harness.screen.contains("Welkom bij Rode Loper"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Hoe heet u?"), "the first run asks for the coach's name")
        harness.press(.escape)
        harness.press(.char("d"))
        XCTAssertTrue(harness.screen.contains("Daan Demo"), harness.screen)
        XCTAssertEqual(harness.store.count, 13)

        let empty = try Harness(self)
        empty.press(.escape, .enter)
        XCTAssertTrue(empty.screen.contains("Nog geen jongeren. Druk op n"), empty.screen)
    }

    func testTheCoachsNameIsAskedOnceAndFillsInScorerAndChair() throws {
        let harness = try Harness(self)
        harness.type("Anna de Coach")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Uw naam: Anna de Coach"), harness.screen)
        XCTAssertEqual(permissions(harness.directory + "/settings.json"), 0o600)
        harness.press(.enter, .char("n"))
        harness.type("Sem")
        harness.press(.enter, .char("z"), .char("n"))
        XCTAssertTrue(harness.rows(containing: "Gescoord door").first?.contains("Anna de Coach") ?? false, harness.screen)
        harness.press(.escape, .escape, .char("o"), .char("n"))
        XCTAssertTrue(harness.rows(containing: "Voorzitter").first?.contains("Anna de Coach") ?? false, harness.screen)

        let again = Harness(reopening: harness)
        XCTAssertFalse(again.screen.contains("Hoe heet u?"), "asked once")
        again.press(.char("i"))
        XCTAssertTrue(again.rows(containing: "Uw naam").first?.contains("Anna de Coach") ?? false, "changeable in the settings: \(again.screen)")
        again.press(.enter, .ctrl("u"))
        again.type("Anna")
        again.press(.enter)
        XCTAssertEqual(try CaseloadStore(directory: harness.directory, mode: .readOnly).settings.coachName, "Anna")
    }

    func testAnUnreadableSettingsFileGoesToQuarantineWithANotice() throws {
        let directory = NSTemporaryDirectory() + "rodeloper-screens-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Data(#"{"schemaVersion": 1, "coachName": "a\u001bb"}"#.utf8).write(to: URL(fileURLWithPath: directory + "/settings.json"))
        let store = try CaseloadStore(directory: directory, clock: { Harness.now })
        XCTAssertEqual(store.settings, CoachSettings(), "defaults are used")
        XCTAssertTrue(store.notices.first?.message.hasPrefix("settings.json kon niet worden gelezen: de inhoud klopt niet: coachName") ?? false,
                      "\(store.notices)")
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: directory + "/quarantine")
        XCTAssertTrue(quarantined.contains { $0.hasSuffix("-settings.json") }, "\(quarantined)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/settings.json"))
    }

    func testQuarantinedFileIsReportedBeforeTheList() throws {
        let directory = NSTemporaryDirectory() + "rodeloper-screens-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/youths", withIntermediateDirectories: true)
        try Data("{\"schemaVersion\": 1, \"yo".utf8).write(to: URL(fileURLWithPath: directory + "/youths/broken.json"))
        let store = try CaseloadStore(directory: directory, clock: { Harness.now })
        try store.save(try Youth(name: "Ahmed", now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone)))
        let app = App(session: Session(store: store, clock: { Harness.now }, timeZone: testZone))
        var canvas = Canvas(width: 80, height: 24)
        app.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("Let op"), canvas.text)
        XCTAssertTrue(canvas.text.contains("youths/broken.json kon niet"), canvas.text)
        app.handle(.char("n"))
        app.handle(.enter)
        canvas = Canvas(width: 80, height: 24)
        app.render(into: &canvas)
        XCTAssertFalse(canvas.text.contains("Let op"))
        XCTAssertFalse(canvas.text.contains("Nieuwe jongere"), "keys other than Enter do not pass the notice")
        XCTAssertTrue(canvas.text.contains("Ahmed"))
    }

    func testAnAgeOutsideTheMethodIsMarkedInTheList() throws {
        let harness = try Harness(self) { store in
            let today = LocalDate(Harness.now, timeZone: testZone)
            for (name, years) in [("Oud Genoeg", -36), ("Precies Goed", -20)] {
                var youth = try Youth(name: name, now: Harness.now, today: today)
                youth.dateOfBirth = today.adding(years: years)
                try store.save(youth)
            }
        }
        harness.width = 100
        XCTAssertTrue(harness.rows(containing: "Oud Genoeg").first?.contains("36*") ?? false, harness.screen)
        XCTAssertTrue(harness.rows(containing: "Precies Goed").first?.contains("20 ") ?? false, harness.screen)
        XCTAssertTrue(harness.screen.contains("* leeftijd buiten 16-27"), harness.screen)
    }
}
