import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The review of the demo caseload on screen: a page taller than the window scrolls with ▲▼ and
/// every line of it can be reached; → marks a page discussed, PgDn/PgUp only browse.
final class ReviewScreenTests: XCTestCase {
    private let sizes = [(60, 16), (80, 24), (200, 60)]

    /// The demo's review opened at `width` x `height`, on Jesse's page (the fullest, page 1).
    private func jessesPage(width: Int, height: Int) throws -> Harness {
        let harness = try Harness(self, demo: true)
        harness.width = width
        harness.height = height
        harness.press(.char("r"))
        for _ in 0..<12 where !harness.screen.contains("Jesse Testman") { harness.press(.pageUp) }
        XCTAssertTrue(harness.screen.contains("1/11  ·  Jesse Testman"), harness.screen)
        return harness
    }

    private var review: (Harness) -> ReviewScreen? { { $0.app.top as? ReviewScreen } }

    /// The rows of the page's facts: under the heading, above last week's decision; the margin
    /// with the ▲▼ marks separately.
    private func facts(_ harness: Harness) -> (lines: [String], marks: String) {
        let rows = harness.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let end = rows.firstIndex { $0.contains("Vorige keer (week") } ?? rows.count
        let shown = rows[2..<end]
        return (shown.map { String($0.dropFirst()).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty },
                shown.map { String($0.prefix(1)) }.joined())
    }

    func testEveryLineOfJessesPageIsReachedByScrollingAtEverySize() throws {
        for (width, height) in sizes {
            // The whole page, drawn at this width in a window tall enough for all of it.
            let tall = try jessesPage(width: width, height: 80)
            let page = facts(tall)
            XCTAssertFalse(page.marks.contains("▲") || page.marks.contains("▼"), "all fits: no marks")
            XCTAssertTrue(page.lines.contains("Laatste contacten") && page.lines.contains { $0.hasPrefix("Volgend overleg:") }
                          && page.lines.contains { $0.hasPrefix("ZRM ") }, page.lines.joined(separator: "\n"))

            let harness = try jessesPage(width: width, height: height)
            XCTAssertFalse(harness.screen.contains("maak het venster hoger"), harness.screen)
            var seen = facts(harness).lines
            let fits = facts(harness).lines == page.lines
            XCTAssertEqual(facts(harness).marks.contains("▼"), !fits, "\(width)x\(height): ▼ when more is below\n\(harness.screen)")
            XCTAssertFalse(facts(harness).marks.contains("▲"), "\(width)x\(height): nothing above at the start")
            for _ in 0..<page.lines.count {
                harness.press(.down)
                seen += facts(harness).lines
            }
            for line in page.lines {
                XCTAssertTrue(seen.contains(line), "\(width)x\(height): \"\(line)\" was never in sight")
            }
            XCTAssertFalse(facts(harness).marks.contains("▼"), "\(width)x\(height): at the end nothing is below\n\(harness.screen)")
            XCTAssertEqual(facts(harness).marks.contains("▲"), !fits, "\(width)x\(height): ▲ when more is above")
            XCTAssertEqual(facts(harness).lines.last, page.lines.last, "\(width)x\(height): the last line in sight")
            harness.press(.home)
            XCTAssertEqual(facts(harness).lines.first, "Aanleiding", "\(width)x\(height): Home goes back to the top")
            if !fits {
                harness.press(.end)
                XCTAssertEqual(facts(harness).lines.last, page.lines.last, "\(width)x\(height): End goes to the end")
            }
        }
    }

    func testAt80x24JessesPageHidesNothingForGoodAndMarksWhatIsBelow() throws {
        let harness = try jessesPage(width: 80, height: 24)
        XCTAssertTrue(harness.rows(containing: "▼").count == 1, harness.screen)
        XCTAssertFalse(harness.screen.contains("Volgend overleg"), "out of sight at first: \(harness.screen)")
        harness.press(.end)
        XCTAssertTrue(harness.screen.contains("Volgend overleg: ") && harness.screen.contains("ZRM 1-meting")
                      && harness.screen.contains("Oom Karim gebeld"), harness.screen)
        XCTAssertTrue(harness.rows(containing: "▲").count == 1, harness.screen)
        XCTAssertTrue(harness.screen.contains("Vorige keer (week 46)") && harness.screen.contains("Notitie "), "the decision and the form stay")

        let fresh = try jessesPage(width: 80, height: 24)
        fresh.press(.char("j"))
        XCTAssertEqual(review(fresh)?.facts.top, 1, "j scrolls down")
        XCTAssertTrue(facts(fresh).marks.contains("▲"))
        fresh.press(.char("k"))
        XCTAssertEqual(review(fresh)?.facts.top, 0, "k scrolls up")
        XCTAssertFalse(facts(fresh).marks.contains("▲"))
    }

    func testBelowTheEndOfThePageTheArrowsChooseTheNoteOrTheNextStep() throws {
        let harness = try jessesPage(width: 80, height: 24)
        let screen = try XCTUnwrap(review(harness))
        XCTAssertEqual(screen.form.selection, 0)
        harness.press(.end, .down)
        XCTAssertEqual(screen.form.selection, 1, "↓ past the end of the page selects the next step")
        let top = screen.facts.top
        harness.press(.up)
        XCTAssertEqual(screen.form.selection, 0, "↑ goes back to the note first")
        XCTAssertEqual(screen.facts.top, top)
        harness.press(.up)
        XCTAssertEqual(screen.facts.top, top - 1, "then up the page")
        harness.press(.tab)
        XCTAssertEqual(screen.form.selection, 1, "Tab chooses the next step at once")
    }

    func testAPageOfACaseClosedSinceSaysSoAtTheTop() throws {
        for (width, height) in sizes {
            let harness = try jessesPage(width: width, height: height)
            XCTAssertFalse(harness.screen.contains("Afgesloten sinds"), harness.screen)
            harness.press(.right)
            let id = try XCTUnwrap(harness.store.summaries.first { $0.name == "Jesse Testman" }?.id)
            var youth = try harness.store.youth(id: id)
            let today = LocalDate(Harness.now, timeZone: testZone)
            try youth.close(ClosingInput(outcome: .regularWork, date: today), today: today, now: Harness.now)
            try harness.store.save(youth)
            harness.press(.escape, .char("r"))
            for _ in 0..<12 where !harness.screen.contains("Jesse Testman") { harness.press(.pageUp) }
            let flat = harness.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            XCTAssertTrue(flat.contains("Afgesloten sinds \(today.text) (\(Outcome.regularWork.label)); wat hieronder staat, is van vóór het afsluiten."),
                          "\(width)x\(height): \(harness.screen)")
            XCTAssertEqual(facts(harness).lines.first?.hasPrefix("Afgesloten sinds"), true, "\(width)x\(height): first on the page\n\(harness.screen)")
        }
    }

    func testTheScrollPositionIsClampedOnResizeAndStartsAtTheTopOfEachPage() throws {
        let harness = try jessesPage(width: 80, height: 24)
        let screen = try XCTUnwrap(review(harness))
        harness.press(.end)
        XCTAssertGreaterThan(screen.facts.top, 0)
        harness.height = 60
        XCTAssertEqual(screen.facts.top, 0, "the whole page fits now: clamped by the resize, before any frame")
        XCTAssertFalse(facts(harness).marks.contains("▲"))
        harness.height = 16
        harness.width = 60
        XCTAssertFalse(screen.facts.fits)
        harness.press(.down)
        XCTAssertEqual(screen.facts.top, 1, "the first ↓ after a resize scrolls")
        let before = harness.canvas
        XCTAssertEqual(harness.canvas, before, "drawing changes nothing")
        XCTAssertEqual(screen.facts.top, 1)
        harness.press(.pageDown)
        XCTAssertEqual(screen.facts.top, 0, "another page opens at its top")
    }

    // MARK: - Looking is not discussing

    func testPgDnAndPgUpBrowseWithoutMarkingAndRightMarksThePageDiscussed() throws {
        let harness = try Harness(self, demo: true)
        harness.press(.char("r"))
        XCTAssertTrue(harness.screen.contains("5/11") && harness.screen.contains("4 besproken"), harness.screen)
        let week = ReviewWeek(containing: LocalDate(Harness.now, timeZone: testZone))
        harness.press(.pageDown, .pageDown, .pageDown)
        XCTAssertTrue(harness.screen.contains("8/11") && harness.screen.contains("4 besproken"), "looking is not discussing: \(harness.screen)")
        harness.press(.pageUp)
        XCTAssertTrue(harness.screen.contains("7/11") && harness.screen.contains("4 besproken"), harness.screen)
        var stored = try XCTUnwrap(harness.store.review(of: week))
        XCTAssertEqual(stored.reviewedCount, 4)
        XCTAssertEqual(stored.position, 4, "looking writes nothing")
        harness.press(.escape, .char("r"))
        XCTAssertTrue(harness.screen.contains("5/11") && harness.screen.contains("4 besproken"), "resumed on the page last written: \(harness.screen)")
        harness.press(.pageDown, .pageDown)

        harness.press(.right)
        XCTAssertTrue(harness.screen.contains("8/11") && harness.screen.contains("5 besproken"), "→ marks and goes on: \(harness.screen)")
        stored = try XCTUnwrap(harness.store.review(of: week))
        XCTAssertEqual(stored.items.map(\.reviewed), [true, true, true, true, false, false, true, false, false, false, false])
        harness.press(.left)
        XCTAssertTrue(harness.screen.contains("7/11") && harness.screen.contains("5 besproken · deze ook"), harness.screen)

        // Browsing to the last page and on: nothing marked; → there names what is left.
        for _ in 0..<6 { harness.press(.pageDown) }
        XCTAssertTrue(harness.screen.contains("11/11") && harness.screen.contains("5 besproken"), harness.screen)
        harness.press(.right)
        XCTAssertTrue(harness.screen.contains("Nog niet besproken: pagina 5, 6, 8, 9, 10.") && harness.screen.contains("6 besproken"),
                      harness.screen)
        XCTAssertFalse(harness.screen.contains("Alle 11 besproken"))
    }

    func testTheHintLineAndTheHelpNameBothWaysOn() throws {
        for (width, height) in sizes {
            let harness = try Harness(self, demo: true)
            harness.width = width
            harness.height = height
            harness.press(.char("r"))
            let hints = harness.screen.split(separator: "\n").last.map(String.init) ?? ""
            XCTAssertTrue(hints.contains("→ besproken") && hints.contains("PgDn bladeren"), "\(width)x\(height): \(hints)")
        }
        let harness = try Harness(self, demo: true)
        harness.press(.char("r"))
        let hints = harness.screen.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(hints.hasPrefix(" Enter schrijf"), "the review's own keys first: \(hints)")
        harness.height = 60
        // On a middle page both ways are there (on the first, PgUp is not).
        harness.press(.pageDown, .char("?"))
        XCTAssertTrue(harness.screen.contains("PgDn PgUp") && harness.screen.contains("zonder iets als besproken te markeren"), harness.screen)
        XCTAssertTrue(harness.screen.contains("Deze jongere is besproken"), harness.screen)
        XCTAssertTrue(harness.screen.contains("↑ ↓ k j Home End"), harness.screen)
    }

    // MARK: - One opening

    func testTheScreenOpensTheReviewTheStoreOpens() throws {
        let harness = try Harness(self, demo: true)
        let today = LocalDate(Harness.now, timeZone: testZone)
        let opened = harness.store.openReview(today: today, now: Harness.now)
        harness.press(.char("r"))
        let screen = try XCTUnwrap(review(harness))
        XCTAssertEqual(screen.review, opened.review)
        XCTAssertFalse(harness.store.openReview(today: today, now: Harness.now).changed, "what the screen opened is stored")

        // The last youth turns acute after the review began: he comes right after the coach's page.
        let last = try XCTUnwrap(opened.review.items.last)
        XCTAssertTrue(last.reasons.isEmpty, "nothing to flag when the review began")
        var youth = try harness.store.youth(id: last.youthID)
        let latest = try XCTUnwrap(youth.measurements.firstIndex { $0 == youth.latestMeasurement })
        youth.measurements[latest].scores["housing"] = DomainScore(score: 1)
        try harness.store.save(youth)
        harness.press(.char("q"), .char("r"))
        XCTAssertTrue(harness.screen.contains("5/11") && harness.screen.contains("4 besproken"), harness.screen)
        harness.press(.pageDown)
        XCTAssertTrue(harness.screen.contains("6/11  ·  \(last.name)") && harness.screen.contains("Acuut leefgebied: Huisvesting"),
                      harness.screen)
    }
}
