@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// What a page shows follows the data it shows: the review page's reasons after a change made
/// from it, the caseload's last column in scout, a new action's heading once it is saved.
final class PageStateTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    private var today: LocalDate { LocalDate(Harness.now, timeZone: testZone) }

    /// One youth with nothing to flag: a contact today, a 0-meting.
    private func quietYouth() throws -> Harness {
        try Harness(self, youths: ["Bas"]) { store in
            var youth = try store.youth(id: store.summaries[0].id)
            youth.save(JournalEntry(date: self.today, kind: .phone))
            var zero = ZRMMeasurement(date: self.today, moment: .zero, scoredBy: "coach", recordedOn: self.today)
            zero.scores["housing"] = DomainScore(score: 3)
            youth.measurements = [zero]
            try store.save(youth)
        }
    }

    func testAnActionAddedFromTheReviewPageShowsAmongItsReasons() throws {
        for (width, height) in Self.sizes {
            let harness = try quietYouth()
            (harness.width, harness.height) = (width, height)
            harness.press(.char("r"))
            XCTAssertTrue(harness.screen.contains("Niets bijzonders deze week."), harness.screen)
            harness.press(.char("n"))
            harness.type("Uitkering aanvragen")
            harness.press(.tab, .tab, .ctrl("u"))
            harness.type(today.adding(days: -3).text)
            harness.press(.enter, .escape)
            XCTAssertTrue(harness.app.top is ReviewScreen, harness.screen)
            harness.press(.home)
            XCTAssertFalse(harness.screen.contains("Niets bijzonders"), "\(width)x\(height)\n\(harness.screen)")
            XCTAssertTrue(harness.screen.contains("Actie te laat"), "\(width)x\(height)\n\(harness.screen)")
            let stored = try XCTUnwrap(harness.store.review(of: ReviewWeek(containing: today)))
            XCTAssertEqual(stored.items.first?.reasons.map(\.rule), [.overdueAction], "saved with the review, for its summary")

            // Ticked off from the page (a pop-up, no other screen): the reason goes again.
            harness.press(.char("x"), .enter, .enter)
            XCTAssertTrue(harness.screen.contains("Niets bijzonders deze week."), "\(width)x\(height)\n\(harness.screen)")
        }
    }

    /// Looking at the dossier from a discussed page without changing anything keeps the page's
    /// reasons as they were written down.
    func testOnlyLookingKeepsThePagesReasons() throws {
        let harness = try Harness(self, demo: true)
        harness.press(.char("r"))
        let week = ReviewWeek(containing: today)
        var stored = try XCTUnwrap(harness.store.review(of: week))
        stored.items[stored.position].reasons = [ReviewReason(.noContact, "zoals het toen was")]
        stored.items[stored.position].reviewed = true
        try harness.store.save(stored)
        let again = Harness(reopening: harness)
        again.press(.char("r"), .char("o"), .escape)
        XCTAssertTrue(again.screen.contains("zoals het toen was"), again.screen)
        XCTAssertEqual(try XCTUnwrap(again.store.review(of: week)).items[stored.position].reasons.map(\.detail), ["zoals het toen was"])
    }

    func testTheScoutViewTitlesItsColumnForTheAttempts() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, demo: true)
            (harness.width, harness.height) = (width, height)
            XCTAssertEqual(harness.screen.contains("Volgende actie"), width >= 80, harness.screen)
            harness.press(.char("s"))
            XCTAssertFalse(harness.screen.contains("Volgende actie"), harness.screen)
            XCTAssertEqual(harness.screen.contains("Pogingen · dagen"), width >= 80, "\(width)x\(height)\n\(harness.screen)")
            harness.press(.char("s"))
            XCTAssertEqual(harness.screen.contains("Volgende actie"), width >= 80, harness.screen)
        }
    }

    func testANewActionOnceSavedIsTitledAsAnAction() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, demo: true)
            (harness.width, harness.height) = (width, height)
            harness.press(KeyWalkTests.jesse + [.char("a"), .char("n")])
            XCTAssertTrue(harness.screen.contains("Nieuwe actie"), harness.screen)
            harness.type("Bellen")
            harness.press(.enter)
            XCTAssertFalse(harness.screen.contains("Nieuwe actie"), "\(width)x\(height)\n\(harness.screen)")
            XCTAssertTrue(harness.screen.contains("·  Actie"), harness.screen)
        }
    }

    // MARK: - Hidden, with a mark

    func testTheReviewHeaderShortensVisibly() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, demo: true)
            (harness.width, harness.height) = (width, height)
            harness.press(.char("r"), .right, .left)
            let heading = harness.screen.split(separator: "\n")[1]
            XCTAssertTrue(heading.contains("besproken · deze ook") || heading.hasSuffix("besproken …"), "\(width)x\(height): \(heading)")
            XCTAssertEqual(heading.contains("deze ook"), width >= 80, "\(width)x\(height): \(heading)")
        }
    }

    func testAnAgendaItemsNotesMarkSurvivesALongTitle() throws {
        let long = "Een heel lang agendapunt over school, werk, wonen en alles wat er verder nog besproken moet worden in dit overleg"
        for (width, height) in Self.sizes {
            let harness = try Harness(self, demo: true) { store in
                let id = try XCTUnwrap(store.summaries.first { $0.name == "Jesse Testman" }).id
                var youth = try store.youth(id: id)
                for index in youth.meetings.indices where !youth.meetings[index].agenda.isEmpty {
                    youth.meetings[index].agenda[0].title = long
                    youth.meetings[index].agenda[0].notes = "Al iets genoteerd"
                }
                try store.save(youth)
            }
            (harness.width, harness.height) = (width, height)
            harness.press(KeyWalkTests.jesse + [.char("o"), .enter] + Array(repeating: .down, count: 5) + [.enter])
            let row = try XCTUnwrap(harness.rows(containing: "1. Een heel lang").first, harness.screen)
            XCTAssertTrue(row.contains("✎"), "\(width)x\(height): \(row)")
            if width < 200 { XCTAssertTrue(row.contains("…"), row) }
        }
    }

    func testZRMHeadersNameEachMeasurementAlike() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, demo: true)
            (harness.width, harness.height) = (width, height)
            harness.press(KeyWalkTests.jesse + [.char("z")])
            let youth = try harness.store.youth(id: XCTUnwrap(harness.store.summaries.first { $0.name == "Jesse Testman" }).id)
            let dates = youth.chronologicalMeasurements.map { String(format: "%02d-%02d", $0.date.day, $0.date.month) }
            XCTAssertGreaterThanOrEqual(dates.count, 2)
            for date in dates { XCTAssertTrue(harness.screen.contains(date), "\(width)x\(height): \(date)\n\(harness.screen)") }
            harness.press(.char("c"))
            let header = try XCTUnwrap(harness.rows(containing: "Leefgebied").first)
            XCTAssertFalse(header.contains("…"), "\(width)x\(height): \(header)")
            for date in dates.suffix(2) { XCTAssertTrue(header.contains(date), "\(width)x\(height): \(header)") }
        }
    }

    func testAHintLineThatDoesNotFitSaysSo() throws {
        for (width, height) in Self.sizes {
            let harness = try Harness(self, demo: true)
            (harness.width, harness.height) = (width, height)
            harness.press(KeyWalkTests.jesse + [.char("o"), .enter] + Array(repeating: .down, count: 5) + [.enter, .down])
            let hints = harness.canvas.line(height - 1)
            let all = KeyTable.hints(from: harness.app.activeBindings).allSatisfy { hints.contains("\($0.key) \($0.label)") }
            XCTAssertEqual(hints.contains("… ? help"), !all, "\(width)x\(height): \(hints)")
            if width == 60 { XCTAssertFalse(all, hints) }
            if width == 200 { XCTAssertTrue(all, hints) }
        }
    }
}
