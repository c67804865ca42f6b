@testable import Caseload
@testable import CoachScreens
import TerminalKit
import XCTest

/// Every scrolled screen shows what it hides: ▲▼ where lines are out of sight, and every line
/// can be reached with the keys, at the smallest, the usual and a large terminal.
final class ScrollMarksTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    static let jesse: [Key] = [.char("/")] + "jesse".map { Key.char($0) } + [.enter]

    /// Presses `key` until the screen stops changing, collecting every screen on the way.
    private func screens(_ harness: Harness, pressing key: Key, limit: Int = 200) -> [String] {
        var seen = [harness.screen]
        var last = harness.canvas
        for _ in 0..<limit {
            harness.press(key)
            // The canvas, styles and all: a selection that moves changes no text.
            if harness.canvas == last { break }
            last = harness.canvas
            seen.append(harness.screen)
        }
        return seen
    }

    private func sized(_ harness: Harness, _ size: (Int, Int)) {
        harness.width = size.0
        harness.height = size.1
    }

    private func hasMark(_ screen: String, _ mark: Character) -> Bool { screen.contains(mark) }

    func testEveryDomainOfTheZRMOverviewIsReachableAndMarked() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true)
            sized(harness, size)
            harness.press(Self.jesse + [.char("z")])
            let first = harness.screen
            let names = Catalog.lifeDomains.map(\.name)
            let allInSight = names.allSatisfy { first.contains($0) }
            XCTAssertEqual(hasMark(first, "▼"), !allInSight, "\(size): ▼ exactly when domains are out of sight\n\(first)")
            XCTAssertFalse(hasMark(first, "▲"), "\(size): nothing above the first page")
            let walked = screens(harness, pressing: .pageDown)
            for name in names { XCTAssertTrue(walked.contains { $0.contains(name) }, "\(size): \(name) reachable") }
            XCTAssertTrue(walked.contains { $0.contains("Middelengebruik") && $0.contains("1 !") }, "\(size): the acute score is reached")
            if !allInSight {
                XCTAssertTrue(hasMark(harness.screen, "▲"), "\(size): ▲ at the end\n\(harness.screen)")
                XCTAssertFalse(hasMark(harness.screen, "▼"), "\(size): nothing below the last page")
            }
        }
    }

    func testEveryDomainOfTheZRMComparisonIsReachableAndMarked() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true)
            sized(harness, size)
            harness.press(Self.jesse + [.char("z"), .char("c")])
            let first = harness.screen
            let allInSight = Catalog.lifeDomains.allSatisfy { first.contains($0.name.prefix(14)) }
            XCTAssertEqual(hasMark(first, "▼"), !allInSight, "\(size)\n\(first)")
            XCTAssertTrue(first.contains("1 omhoog · 1 omlaag"), "\(size): the totals stay")
            let walked = screens(harness, pressing: .down)
            for domain in Catalog.lifeDomains {
                XCTAssertTrue(walked.contains { $0.contains(domain.name.prefix(14)) }, "\(size): \(domain.name) reachable")
            }
            XCTAssertEqual(hasMark(harness.screen, "▲"), !allInSight, "\(size)")
        }
    }

    /// An acute score out of sight is flagged beside the mark: ▼! until it scrolls into view.
    func testAHiddenAcuteScoreIsFlagged() throws {
        let harness = try Harness(self, demo: true)
        sized(harness, (60, 16))
        harness.press(Self.jesse + [.char("z")])
        XCTAssertFalse(harness.screen.contains("Middelengebruik"))
        XCTAssertEqual(harness.rows(containing: "▼!").count, 1, harness.screen)
        harness.press(.end)
        XCTAssertFalse(harness.screen.contains("Middelengebruik"))
        XCTAssertEqual(harness.rows(containing: "▲!").count, 1, harness.screen)
        harness.press(.pageUp)
        XCTAssertTrue(harness.screen.contains("Middelengebruik"), harness.screen)
        XCTAssertFalse(harness.screen.contains("▲!") || harness.screen.contains("▼!"), harness.screen)
    }

    /// A picker taller than the screen pages by what it shows, and its window stays where the
    /// keys left it (it used to jump so that the selection was always at the bottom).
    func testAPickerPagesByWhatShows() throws {
        let harness = try Harness(self, demo: true)
        sized(harness, (60, 16))
        harness.press(Self.jesse + Array(repeating: .down, count: 4) + [.enter])
        XCTAssertTrue(harness.screen.contains("─ Vindplaats"), harness.screen)
        harness.press(.home)
        XCTAssertTrue(harness.screen.contains("▼") && !harness.screen.contains("Anders"), harness.screen)
        harness.press(.pageDown)
        XCTAssertTrue(harness.screen.contains("– (geen)"), "one page down stays on the first page\n\(harness.screen)")
        harness.press(.pageDown)
        XCTAssertTrue(harness.screen.contains("Anders") && !harness.screen.contains("– (geen)"), harness.screen)
        let end = harness.screen
        harness.press(.up)
        XCTAssertEqual(harness.screen, end, "the window stays; only the selection moves")
    }

    /// PgDn works before any frame is drawn: the overview scrolls from its size, not from a frame.
    func testTheZRMOverviewScrollsBeforeItIsDrawn() throws {
        let harness = try Harness(self, demo: true)
        sized(harness, (60, 16))
        harness.press(Self.jesse + [.char("z"), .pageDown, .pageDown, .pageDown])
        XCTAssertTrue(harness.screen.contains("Justitie"), harness.screen)
    }

    func testEveryCaseloadRowIsReachableWithAMark() throws {
        let extra = (1...50).map { String(format: "Zz Jongere %02d", $0) }
        for size in Self.sizes {
            let harness = try Harness(self, demo: true) { store in
                for name in extra { try store.save(try Youth(name: name, now: Harness.now, today: LocalDate(Harness.now, timeZone: testZone))) }
            }
            sized(harness, size)
            let names = harness.store.summaries.filter { $0.phase != .closed }.map(\.name)
            XCTAssertTrue(hasMark(harness.screen, "▼"), "\(size): more below is marked\n\(harness.screen)")
            XCTAssertFalse(hasMark(harness.screen, "▲"), "\(size)")
            let walked = screens(harness, pressing: .down)
            // A name may be cut to fit its column: the selected row is shown in full under the table.
            for name in names { XCTAssertTrue(walked.contains { $0.contains(name) }, "\(size): \(name) reachable") }
            XCTAssertTrue(hasMark(harness.screen, "▲"), "\(size): more above is marked at the end")
            XCTAssertFalse(hasMark(harness.screen, "▼"), "\(size): nothing below the last row")
        }
    }

    func testTheCaseloadLegendShowsAtEveryWidth() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true)
            sized(harness, size)
            XCTAssertTrue(harness.screen.contains(CaseloadScreen.legend), "\(size)\n\(harness.screen)")
            XCTAssertTrue(harness.screen.contains("afgesloten verborgen (a toont)"), "\(size)")
            // A long count line wraps: what hides the others and the keys that show them stay.
            harness.press([.char("/")] + HintsAndHelpTests.typed("zzz") + [.enter])
            for part in ["(Esc wist)", "afgesloten", CaseloadScreen.legend] {
                XCTAssertTrue(harness.screen.contains(part), "\(size): \(part)\n\(harness.screen)")
            }
        }
    }

    /// A question whose choices do not fit on one line shows them all, on more lines.
    func testDialogChoicesWrapInsteadOfBeingCut() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true)
            sized(harness, size)
            harness.press(Self.jesse + [.char("p"), .enter, .char("x"), .escape])
            for choice in ["j  ja, weggooien", "n  nee, verder schrijven", "Enter  nee, verder schrijven"] {
                XCTAssertTrue(harness.screen.contains(choice), "\(size): \(choice)\n\(harness.screen)")
            }
        }
    }

    func testHelpPagesScrollWithMarks() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true)
            sized(harness, size)
            harness.press(Self.jesse + [.char("?")])
            let fits = harness.screen.contains("geen opslaan-knop")
            XCTAssertEqual(hasMark(harness.screen, "▼"), !fits, "\(size)\n\(harness.screen)")
            let walked = screens(harness, pressing: .down)
            XCTAssertTrue(walked.last?.contains("geen opslaan-knop") ?? false, "\(size): the end of the help is reached")
            // The rows of Jesse's own screen: some keys depend on the state of the case (b only in Borgen).
            let jesse = try XCTUnwrap(harness.store.summaries.first { $0.name == "Jesse Testman" })
            for row in try YouthScreen(session: harness.app.session, id: jesse.id).bindings {
                let start = row.help.split(separator: " ").prefix(2).joined(separator: " ")
                XCTAssertTrue(walked.contains { $0.contains(start) }, "\(size): \(row.keyNames) reachable")
            }
            if !fits { XCTAssertTrue(hasMark(harness.screen, "▲"), "\(size)") }
        }
    }

    func testThePlanHeaderKeepsItsVersions() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true)
            sized(harness, size)
            harness.press(Self.jesse + [.char("p")])
            XCTAssertTrue(harness.screen.contains("gewijzigd "), "\(size)\n\(harness.screen)")
            XCTAssertTrue(harness.screen.contains("eerdere versie"), "\(size)\n\(harness.screen)")
        }
    }

    func testThePhaseHistoryOpensInFull() throws {
        for size in Self.sizes {
            let harness = try Harness(self, demo: true) { store in
                let today = LocalDate(Harness.now, timeZone: testZone)
                var youth = try Youth(name: "Faas Wissel", now: Harness.now, today: today.adding(days: -200))
                for step in 1...30 { youth.move(to: step % 2 == 1 ? .quickScan : .scout, on: today.adding(days: -200 + step * 5), now: Harness.now) }
                try store.save(youth)
            }
            sized(harness, size)
            harness.press([.char("/")] + "faas".map { Key.char($0) } + [.enter])
            let youthScreen = harness.screen
            let allShown = youthScreen.contains("start in Scout")
            XCTAssertEqual(youthScreen.contains("eerdere · f toont alle"), !allShown, "\(size): the youth screen names the key\n\(youthScreen)")
            XCTAssertTrue(size.0 > 80 || !allShown, "\(size): the history does not fit")
            harness.press(.char("f"))
            XCTAssertTrue(harness.screen.contains("31 faseovergangen"), harness.screen)
            let fits = harness.screen.contains("start in Scout")
            XCTAssertEqual(hasMark(harness.screen, "▼"), !fits, "\(size)\n\(harness.screen)")
            let walked = screens(harness, pressing: .pageDown)
            XCTAssertTrue(walked.last?.contains("start in Scout") ?? false, "\(size): the first change is reached")
            harness.press(.char("q"))
            XCTAssertEqual(harness.screen, youthScreen, "\(size): q goes back to the youth")
        }
    }
}
