import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The retention list (`b` on the caseload) and erasing a dossier after its name is typed in full,
/// from the list and with `D` from the youth screen (AVG art. 17).
final class RetentionScreenTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    let today = LocalDate(Harness.now, timeZone: testZone)

    /// A caseload with an active youth and closed ones: `pastTerm` of them closed 30 months ago
    /// (past the default term of 24), one closed a month ago.
    func harness(pastTerm: Int = 1) throws -> Harness {
        try Harness(self, youths: ["Actief Aan het Werk"]) { store in
            let names = ["Noor Erasmus", "Bram Ander"].prefix(pastTerm).map { ($0, 30) } + [("Recent Afgesloten", 1)]
            for (name, months) in names {
                let closedOn = self.today.adding(months: -months)
                var youth = try Youth(name: name, now: Harness.now, today: closedOn.adding(days: -100))
                try youth.close(ClosingInput(outcome: name == "Bram Ander" ? .other : .regularWork, outcomeDetail: name == "Bram Ander" ? "verhuisd naar het buitenland, met een lange uitleg" : "",
                                             date: closedOn), today: closedOn, now: Harness.now)
                try store.save(youth)
            }
        }
    }

    private func assertDrawsAtEverySize(_ harness: Harness, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for (width, height) in Self.sizes {
            harness.width = width
            harness.height = height
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(context) at \(width)x\(height)", file: file, line: line)
        }
        harness.width = 80
        harness.height = 24
    }

    private func offersRetention(_ harness: Harness) -> Bool { harness.app.activeBindings.contains { $0.action == .openRetention } }

    func testTheCaseloadOffersTheListOnlyWhileACaseIsPastItsTerm() throws {
        let none = try harness(pastTerm: 0)
        XCTAssertFalse(offersRetention(none))
        XCTAssertNil(try XCTUnwrap(none.app.top as? CaseloadScreen).retentionLine)
        none.press(.char("b"))
        XCTAssertEqual(none.app.top.kind, .caseload, "b does nothing while no case is past its term")

        let two = try harness(pastTerm: 2)
        XCTAssertTrue(offersRetention(two))
        two.height = 40
        two.press(.char("?"))
        XCTAssertTrue(two.rows(containing: "Afgesloten dossiers waarvan de bewaartermijn").first?.contains("b  ") == true, "the caseload's help names b: \(two.screen)")
        two.press(.escape)
        two.height = 24
        XCTAssertEqual((two.app.top as? CaseloadScreen)?.retentionLine, "2 afgesloten dossiers voorbij de bewaartermijn (b)")
        two.press(.char("b"))
        XCTAssertEqual(two.app.top.kind, .retention)
        let screen = two.screen
        XCTAssertTrue(screen.contains("Afgesloten dossiers voorbij de bewaartermijn (24 maanden na afsluiten): 2"), screen)
        XCTAssertTrue(screen.contains("Noor Erasmus") && screen.contains("regulier werk") && screen.contains("6 mnd"), screen)
        XCTAssertFalse(screen.contains("Recent Afgesloten") || screen.contains("Actief"), screen)
        XCTAssertEqual(two.rows(containing: "Noor Erasmus").count, 1)
        assertDrawsAtEverySize(two, "the list")
        two.width = 60
        XCTAssertTrue(two.screen.contains("een lange uitleg · afgesloten op 22-05-2024"), "the selected row in full: \(two.screen)")
        two.width = 80
        two.press(.enter)
        XCTAssertEqual(two.app.top.kind, .youth, "Enter opens the youth")
        two.press(.char("q"))
        XCTAssertEqual(two.app.top.kind, .retention)
    }

    func testAWrongNameIsRefusedAndTheRightNameErases() throws {
        let harness = try harness()
        harness.press(.char("b"), .char("d"))
        XCTAssertTrue(harness.screen.contains("voorgoed"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Noor Erasmus"), harness.screen)
        assertDrawsAtEverySize(harness, "the name prompt")
        harness.type("noor erasmus")
        XCTAssertTrue(harness.screen.contains("Naam: noor erasmus"), harness.screen)
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Er is niets gewist"), harness.screen)
        assertDrawsAtEverySize(harness, "the refusal")
        XCTAssertEqual(harness.store.count, 3)
        harness.press(.ctrl("u"))
        harness.type("  Noor Erasmus ")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Het dossier is gewist"), harness.screen)
        XCTAssertEqual(harness.app.top.kind, .caseload, "the list is empty: back on the caseload before the notice")
        XCTAssertFalse(harness.screen.contains("Geen afgesloten dossiers"), harness.screen)
        XCTAssertEqual(harness.store.count, 2)
        XCTAssertEqual(harness.store.erasureCounts, [ErasureCount(date: today, count: 1)])
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .caseload, "the list is empty: back on the caseload")
        XCTAssertFalse(offersRetention(harness))
        harness.press(.char("a"))
        XCTAssertTrue(harness.screen.contains("Recent Afgesl"), harness.screen)
        XCTAssertFalse(harness.screen.contains("Noor Erasmus"), harness.screen)
    }

    func testEscapeErasesNothingAndCommandLettersInThePromptAreText() throws {
        let harness = try harness()
        harness.press(.char("b"), .delete)
        harness.type("qdDbx?a")
        XCTAssertEqual(harness.app.top.kind, .retention)
        XCTAssertTrue(harness.screen.contains("qdDbx?a"), harness.screen)
        harness.press(.escape)
        XCTAssertEqual(harness.app.top.kind, .retention)
        XCTAssertTrue(harness.screen.contains("Noor Erasmus"), harness.screen)
        XCTAssertEqual(harness.store.count, 3)
    }

    func testDOnTheYouthScreenErasesAnActiveCaseAndLeavesNoScreenHoldingIt() throws {
        let harness = try harness()
        let id = try XCTUnwrap(harness.store.summaries.first { $0.name == "Actief Aan het Werk" }?.id)
        harness.press(.enter)
        XCTAssertEqual(harness.app.top.kind, .youth)
        harness.press(.char("D"))
        XCTAssertTrue(harness.screen.contains("Typ de volledige naam"), harness.screen)
        harness.type("Actief aan het werk")
        harness.press(.enter)
        XCTAssertEqual(harness.store.count, 3, "a wrong case is refused")
        harness.press(.ctrl("u"))
        harness.type("Actief Aan het Werk")
        harness.press(.enter)
        XCTAssertEqual(harness.app.stack.map(\.kind), [.caseload], "the dossier is no longer drawn behind the notice")
        XCTAssertTrue(harness.screen.contains("Het dossier is gewist"), harness.screen)
        XCTAssertFalse(harness.screen.contains("Actief Aan het Werk"), harness.screen)
        harness.press(.enter)
        XCTAssertEqual(harness.app.stack.count, 1)
        XCTAssertEqual(harness.app.top.kind, .caseload)
        XCTAssertFalse(harness.screen.contains("Actief Aan het Werk"), harness.screen)
        XCTAssertThrowsError(try harness.store.youth(id: id))

        // From the youth opened in the retention list: back to a fresh caseload, not to the list.
        harness.press(.char("b"), .enter, .char("D"))
        harness.type("Noor Erasmus")
        harness.press(.enter)
        XCTAssertEqual(harness.app.stack.map(\.kind), [.caseload])
        XCTAssertFalse(harness.screen.contains("Noor Erasmus"), harness.screen)
        harness.press(.enter)
        XCTAssertEqual(harness.app.stack.map(\.kind), [.caseload])
        XCTAssertEqual(harness.store.erasureCounts, [ErasureCount(date: today, count: 2)])
    }

    /// Walked both ways: no key outside the list's rows does anything; each row's keys do what it says.
    func testEveryKeyOfTheListDoesWhatItsRowSaysAndNoOtherKeyAnything() throws {
        for key in HintsAndHelpTests.universe {
            let harness = try harness(pastTerm: 2)
            harness.press(.char("b"))
            let rows = harness.app.activeBindings
            let before = (harness.canvas, harness.app.stack.count, harness.app.popups.count)
            harness.press(key)
            let kind = harness.app.top.kind
            switch rows.action(for: key) {
            case nil:
                XCTAssertTrue(before == (harness.canvas, harness.app.stack.count, harness.app.popups.count), "\(key.name) does something")
            case .move?: XCTAssertEqual(kind, .retention, key.name)
            case .open?: XCTAssertEqual(kind, .youth, key.name)
            case .eraseCase?: XCTAssertTrue(harness.app.popups.last is PromptPopup, key.name)
            case .back?: XCTAssertEqual(kind, .caseload, key.name)
            case .help?: XCTAssertEqual(kind, .help, key.name)
            case .forceQuit?: XCTAssertTrue(harness.app.finished, key.name)
            case .redraw?, .quickContact?: break
            case let action?: XCTFail("\(key.name): a row the list does not handle: \(action)")
            }
        }
    }

    func testAReadOnlyDirectoryRefusesWithTheReason() throws {
        let harness = try harness()
        let readOnly = try CaseloadStore(directory: harness.directory, mode: .readOnly)
        let session = Session(store: readOnly, clock: { Harness.now }, timeZone: testZone)
        let popup = CaseErasure.popup(session: session, youthID: try XCTUnwrap(readOnly.summaries.first?.id), name: "x")
        var canvas = Canvas(width: 80, height: 24)
        popup.render(into: &canvas)
        XCTAssertTrue(canvas.text.contains("Niet gewist. Alleen lezen"), canvas.text)
    }
}
