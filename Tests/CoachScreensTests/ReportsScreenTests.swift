import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The reports screen (`R` on the caseload): the lines `rodeloper report` prints, scrolled, over a
/// period, as the coach's own figures or as shared, and the research export into exports/.
final class ReportsScreenTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (200, 60)]
    let today = LocalDate(Harness.now, timeZone: testZone)

    /// Twelve youths in every phase with a 0- and 1-meting; nine gave consent for research, two are closed.
    func harness() throws -> Harness {
        try Harness(self) { store in
            for index in 0..<12 {
                let start = self.today.adding(days: -300 + index * 10)
                var youth = try Youth(name: "Jongere \(index + 1)", now: Harness.now, today: start)
                let phases: [Phase] = [.quickScan, .matchAndWrapAround, .coaching]
                for (step, phase) in phases.prefix(index % 4).enumerated() { youth.move(to: phase, on: start.adding(days: 30 * (step + 1)), now: Harness.now) }
                for (offset, moment) in [MeasurementMoment.zero, .one].enumerated() {
                    let day = start.adding(days: 20 + 90 * offset)
                    var measurement = ZRMMeasurement(date: day, moment: moment, scoredBy: "Coach", recordedOn: day)
                    for (d, domain) in Catalog.lifeDomains.enumerated() { measurement.scores[domain.code] = DomainScore(score: 1 + (d + index + offset) % 5) }
                    youth.measurements.append(measurement)
                }
                if index < 9 { youth.save(Consent.research(from: start)) }
                if index >= 10 {
                    try youth.close(ClosingInput(outcome: .regularWork, outcomeDetail: "", date: self.today.adding(days: -5)),
                                    today: self.today.adding(days: -5), now: Harness.now)
                }
                try store.save(youth)
            }
        }
    }

    /// The report the command line prints for this data directory.
    private func expected(_ harness: Harness, shared: Bool = false, from: LocalDate? = nil, to: LocalDate? = nil) throws -> String {
        let (data, _) = try harness.store.researchData(forSharing: shared, today: today)
        return ResearchReport(data: data, period: ReportPeriod(from: from, to: to ?? today), shared: shared).render(.text)
    }

    /// The lines a terminal shows of what the command prints (the last line break ends a line).
    private func printed(_ text: String) -> [String] {
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return body.isEmpty ? [] : body.components(separatedBy: "\n")
    }

    private func reports(_ harness: Harness) throws -> ReportsScreen { try XCTUnwrap(harness.app.top as? ReportsScreen) }

    /// The first row of the report: after the heading and its empty row.
    private func reportRow(_ canvas: Canvas) throws -> Int {
        try XCTUnwrap((2..<canvas.height).first { canvas.line($0).allSatisfy { $0 == " " } }) + 1
    }

    /// The report's lines on screen, from column 2 (the marks are in column 0).
    private func shownLines(_ harness: Harness) throws -> [String] {
        let canvas = harness.canvas
        let start = try reportRow(canvas)
        return trimmed((start..<start + (try reports(harness)).scroll.visible.count).map { String(canvas.line($0).dropFirst(2)) })
    }

    private func trimmed(_ lines: some Sequence<String>) -> [String] {
        lines.map { $0.replacingOccurrences(of: #" +$"#, with: "", options: .regularExpression) }
    }

    private func assertDrawsAtEverySize(_ harness: Harness, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        for (width, height) in Self.sizes {
            (harness.width, harness.height) = (width, height)
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(context) at \(width)x\(height)", file: file, line: line)
        }
        (harness.width, harness.height) = (80, 24)
    }

    func testROnTheCaseloadShowsExactlyTheLinesTheCommandPrints() throws {
        let harness = try harness()
        harness.press(.char("R"))
        let screen = try reports(harness)
        let text = try expected(harness)
        XCTAssertEqual(screen.lines, printed(text), "the screen holds the command's text, line for line")
        XCTAssertFalse(screen.lines.isEmpty)
        for (width, height) in Self.sizes {
            (harness.width, harness.height) = (width, height)
            XCTAssertTrue(harness.screen.contains("Rapportage  ·  vanaf het begin t/m 22-11-2026 (vandaag)"), harness.screen)
            XCTAssertTrue(harness.screen.contains("Uw eigen cijfers"), harness.screen)
            XCTAssertEqual(harness.canvas.silentCuts, [], "\(width)x\(height)")
            // Page by page to the end: every line shows once, in order, as printed.
            harness.press(.home)
            var seen: [String] = []
            while true {
                let top = try reports(harness).scroll.top
                let shown = try shownLines(harness)
                seen += shown.dropFirst(seen.count - top)
                harness.press(.pageDown)
                if try reports(harness).scroll.top == top { break }
            }
            XCTAssertEqual(seen, trimmed(screen.lines), "every line at \(width)x\(height)")
        }
    }

    /// A report longer than the window (given to the screen as its text) scrolls, with ▲ and ▼.
    func testALongReportScrollsWithMarksAndCutsOnlyWithAnEllipsis() throws {
        let harness = try harness()
        let long = (1...90).map { "Regel \($0)" + ($0 == 3 ? String(repeating: " breed", count: 12) : "") }
        let screen = ReportsScreen(session: harness.app.session) { _ in long.joined(separator: "\n") + "\n" }
        XCTAssertEqual(screen.lines, long)
        for (width, height) in Self.sizes {
            let area = Rect(row: 1, col: 0, width: width, height: height - 2)
            screen.resize(to: area)
            func draw() -> Canvas {
                var canvas = Canvas(width: width, height: height)
                screen.render(into: &canvas, area: area)
                return canvas
            }
            _ = screen.handle(.home)
            var canvas = draw()
            XCTAssertEqual(canvas.silentCuts, [], "\(width)x\(height)")
            let first = try reportRow(canvas)
            XCTAssertEqual(canvas.line(first).trimmingCharacters(in: .whitespaces), "Regel 1")
            XCTAssertFalse(canvas.line(first).hasPrefix("▲"), "nothing above the first line")
            let last = first + screen.scroll.height - 1
            XCTAssertTrue(canvas.line(last).hasPrefix("▼"), "more below at \(width)x\(height): \(canvas.text)")
            XCTAssertTrue(screen.bindings.contains { $0.action == .move }, "the arrows work while it does not fit")
            if width < 70 { XCTAssertTrue(canvas.text.contains("breed…"), "a line wider than the window ends in …: \(canvas.text)") }
            _ = screen.handle(.down)
            canvas = draw()
            XCTAssertTrue(canvas.line(first).hasPrefix("▲"), "one line scrolled up out of sight")
            XCTAssertTrue(canvas.line(first).contains("Regel 2"))
            _ = screen.handle(.pageDown)
            XCTAssertEqual(screen.scroll.top, min(1 + screen.scroll.page, screen.scroll.lastTop))
            _ = screen.handle(.end)
            canvas = draw()
            XCTAssertTrue(canvas.line(last).contains("Regel 90"), canvas.text)
            XCTAssertFalse(canvas.line(last).hasPrefix("▼"), "nothing below the last line")
            XCTAssertTrue(canvas.line(first).hasPrefix("▲"))
            _ = screen.handle(.pageUp)
            XCTAssertEqual(screen.scroll.top, max(0, screen.scroll.lastTop - screen.scroll.page))
        }
        // A report that fits has no arrows to name.
        let short = ReportsScreen(session: harness.app.session) { _ in "Kort\n" }
        short.resize(to: Rect(row: 1, col: 0, width: 80, height: 22))
        XCTAssertFalse(short.bindings.contains { $0.action == .move })
    }

    func testSShowsTheFiguresAsSharedAndBack() throws {
        let harness = try harness()
        harness.press(.char("R"))
        XCTAssertTrue(harness.canvas.line(harness.height - 1).contains("s zoals gedeeld"), harness.canvas.line(harness.height - 1))
        harness.press(.char("s"))
        let screen = try reports(harness)
        XCTAssertTrue(screen.shared)
        XCTAssertEqual(screen.lines, printed(try expected(harness, shared: true)), "the shared report, as report --share prints it")
        let (_, leftOut) = try harness.store.researchData(forSharing: true, today: today)
        harness.width = 200
        XCTAssertTrue(harness.screen.contains("Zoals gedeeld: alleen met toestemming voor onderzoek, kleine aantallen als <\u{00A0}5; "
                                              + (leftOut == 0 ? "alle jongeren meegeteld." : "\(leftOut) jongeren zonder toestemming voor onderzoek niet meegeteld.")),
                      harness.screen)
        XCTAssertFalse(harness.screen.contains("Uw eigen cijfers"))
        XCTAssertTrue(harness.canvas.line(harness.height - 1).contains("s eigen cijfers"), "the hint says where s goes")
        harness.width = 80
        assertDrawsAtEverySize(harness, "the shared view")
        harness.press(.char("s"))
        XCTAssertFalse(try reports(harness).shared)
        XCTAssertTrue(harness.screen.contains("Uw eigen cijfers"), harness.screen)
        XCTAssertEqual(try reports(harness).lines, printed(try expected(harness)))
    }

    func testPSetsThePeriodAndRefusesAnEndBeforeTheStart() throws {
        let harness = try harness()
        harness.press(.char("R"), .char("p"))
        XCTAssertTrue(harness.screen.contains("Vanaf welke dag"), harness.screen)
        assertDrawsAtEverySize(harness, "the first day")
        harness.type("01-01-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Tot en met welke dag? Leeg: tot en met vandaag (22-11-2026)."), harness.screen)
        // While the day is typed no letter is a command.
        harness.type("s")
        XCTAssertFalse(try reports(harness).shared)
        harness.press(.backspace)
        harness.type("30-06-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.app.popups.isEmpty)
        XCTAssertTrue(harness.screen.contains("Rapportage  ·  01-01-2026 t/m 30-06-2026"), harness.screen)
        XCTAssertEqual(try reports(harness).lines,
                       printed(try expected(harness, from: XCTUnwrap(LocalDate(year: 2026, month: 1, day: 1)), to: XCTUnwrap(LocalDate(year: 2026, month: 6, day: 30)))))

        // An end before the start is refused in Dutch; Esc keeps the period as it was.
        harness.press(.char("p"))
        XCTAssertTrue(harness.screen.contains("Vanaf (dd-mm-jjjj): 01-01-2026"), "the period as it is: \(harness.screen)")
        harness.press(.ctrl("u"))
        harness.type("31-12-2026")
        harness.press(.enter, .ctrl("u"))
        harness.type("01-12-2026")
        harness.press(.enter)
        XCTAssertTrue(harness.screen.contains("Tot en met 01-12-2026 ligt vóór vanaf 31-12-2026."), harness.screen)
        assertDrawsAtEverySize(harness, "the refusal")
        harness.press(.ctrl("u"), .enter)
        XCTAssertTrue(harness.screen.contains("Tot en met vandaag (22-11-2026) ligt vóór vanaf 31-12-2026."), harness.screen)
        harness.press(.escape)
        XCTAssertTrue(harness.app.popups.isEmpty)
        XCTAssertTrue(harness.screen.contains("Rapportage  ·  01-01-2026 t/m 30-06-2026"), harness.screen)

        // A day that is none is refused; empty both: from the beginning up to today.
        harness.press(.char("p"), .ctrl("u"))
        harness.type("32-13-2026")
        harness.press(.enter)
        XCTAssertEqual(harness.app.popups.count, 1, "refused, still asking")
        harness.press(.ctrl("u"), .enter, .ctrl("u"), .enter)
        XCTAssertTrue(harness.screen.contains("Rapportage  ·  vanaf het begin t/m 22-11-2026 (vandaag)"), harness.screen)
        XCTAssertEqual(try reports(harness).lines, printed(try expected(harness)))
    }

    func testXWritesTheResearchExportIntoExportsEachTimeANewFolder() throws {
        let harness = try harness()
        harness.press(.char("R"), .char("x"))
        let folder = harness.directory + "/exports/onderzoek-2026-11-22"
        harness.width = 200
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/jongeren.csv"), harness.screen)
        let (data, leftOut) = try harness.store.researchData(forSharing: true, today: today)
        // The message names the folder by its full path: a coach need not know where the data directory is.
        let message = "Export: \(data.youths.count) jongeren, \(leftOut) zonder toestemming weggelaten; in \(folder)"
        XCTAssertTrue(harness.screen.contains(message), harness.screen)
        // A second export goes into a new folder, the first is never written over; a link counts as taken.
        try FileManager.default.createSymbolicLink(atPath: folder + "-2", withDestinationPath: "/nergens")
        harness.press(.char("x"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "-3/jongeren.csv"), harness.screen)
        harness.width = 80
        assertDrawsAtEverySize(harness, "the export's message")
        // The message goes with the next command, not with scrolling.
        harness.press(.down)
        XCTAssertTrue(harness.screen.contains("Export: "), harness.screen)
        harness.press(.char("s"))
        XCTAssertFalse(harness.screen.contains("Export: "), harness.screen)
    }

    /// On a small screen the message takes at most two lines, the report keeps the rest; what
    /// does not fit ends in "…", and a larger screen shows all of it.
    func testTheExportMessageLeavesRoomForTheReport() throws {
        let harness = try harness()
        harness.press(.char("R"))
        let rowsBefore = try reports(harness).scroll.visible.count
        (harness.width, harness.height) = (60, 16)
        harness.press(.char("x"))
        let lines = harness.screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("  Export: ") }, harness.screen)
        let messageLines = lines[first..<(lines.count - 1)].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        XCTAssertLessThanOrEqual(messageLines.count, 2, harness.screen)
        let folder = harness.directory + "/exports/onderzoek-2026-11-22"
        let shown = messageLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        XCTAssertTrue(shown.hasSuffix("…") || shown.replacingOccurrences(of: " ", with: "").hasSuffix(folder.replacingOccurrences(of: " ", with: "")), harness.screen)
        XCTAssertGreaterThanOrEqual(try reports(harness).scroll.visible.count, 6, harness.screen)
        XCTAssertEqual(harness.canvas.silentCuts, [])
        (harness.width, harness.height) = (200, 60)
        XCTAssertTrue(harness.screen.contains("; in \(folder)"), harness.screen)
        XCTAssertGreaterThan(rowsBefore, 0)
    }

    /// After a new period or view the report is read from its top, wherever it stood.
    func testANewPeriodOrViewStartsAtTheTop() throws {
        let harness = try harness()
        harness.press(.char("R"), .end)
        XCTAssertGreaterThan(try reports(harness).scroll.top, 0, "the report is longer than the screen")
        harness.press(.char("s"))
        XCTAssertEqual(try reports(harness).scroll.top, 0)
        XCTAssertTrue(harness.screen.contains("Rapportage actieonderzoek"), harness.screen)
        harness.press(.end, .char("s"))
        XCTAssertEqual(try reports(harness).scroll.top, 0)
        harness.press(.end, .char("p"), .enter, .enter)
        XCTAssertTrue(harness.app.popups.isEmpty)
        XCTAssertEqual(try reports(harness).scroll.top, 0)
        // A period asked and given up (Esc) changes nothing, the place in the report neither.
        harness.press(.end)
        let bottom = try reports(harness).scroll.top
        harness.press(.char("p"), .escape)
        XCTAssertEqual(try reports(harness).scroll.top, bottom)
    }

    func testAFailedExportSaysWhyInDutch() throws {
        let harness = try harness()
        // exports/ is a file: nothing can be made in it.
        try Data().write(to: URL(fileURLWithPath: harness.directory + "/exports"))
        harness.press(.char("R"), .char("x"))
        harness.width = 200
        XCTAssertTrue(harness.screen.contains("Er is geen export voor onderzoek gemaakt: "), harness.screen)
    }

    /// A refusal says what to do about it: shown whole, not cut after two lines (at 60x16 a long
    /// one still ends in "…": the window has no room for more).
    func testARefusalShowsWholeWithWhatToDo() throws {
        let harness = try harness()
        harness.press(.char("R"), .char("x"))
        try FileManager.default.removeItem(atPath: harness.directory + "/research.json")
        harness.press(.char("x"))
        for (width, height) in [(80, 24), (200, 60)] {
            harness.width = width
            harness.height = height
            let text = harness.screen.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(text.contains("ontbreekt") && text.contains("Er is niets geschreven."), "\(width)x\(height): \(harness.screen)")
        }
    }

    func testTheHintsNameOnlyKeysThatWorkAndQGoesBack() throws {
        let harness = try harness()
        XCTAssertTrue(harness.app.activeBindings.contains { $0.action == .openReports })
        harness.press(.char("R"))
        let hints = harness.canvas.line(harness.height - 1)
        for hint in ["p periode", "s zoals gedeeld", "x export onderzoek"] { XCTAssertTrue(hints.contains(hint), hints) }
        let rows = harness.app.activeBindings.map(\.action)
        XCTAssertEqual(rows.contains(.move), !(try reports(harness)).scroll.fits, "the arrows are named only when the report does not fit")
        harness.press(.char("q"))
        XCTAssertEqual(harness.app.top.kind, .caseload)
    }
}
