@testable import TerminalKit
import XCTest

final class WidgetTests: XCTestCase {
    func testTextFieldEditsAtTheCursor() {
        var field = TextField("Zoe")
        XCTAssertEqual(field.handle(.backspace), .changed)
        for key: Key in [.char("ë"), .home, .char("["), .end, .char("]"), .left, .left, .delete] {
            _ = field.handle(key)
        }
        XCTAssertEqual(field.text, "[Zo]")
        XCTAssertEqual(field.handle(.ctrl("u")), .changed)
        XCTAssertEqual(field.text, "]")
        XCTAssertEqual(field.handle(.enter), .ignored, "Enter belongs to the owner")
        XCTAssertEqual(field.handle(.char("q")), .changed, "letters are text, never commands")
    }

    /// The word keys the line-editing row lists: Ctrl-← and Ctrl-→ move a word, Ctrl-W deletes one.
    func testTextFieldMovesAndDeletesByWord() {
        var field = TextField("Bureau Jeugd  Zorg")
        XCTAssertEqual(field.handle(.wordRight), .ignored, "at the end")
        XCTAssertEqual(field.handle(.wordLeft), .moved)
        XCTAssertEqual(field.cursor, 14)
        XCTAssertEqual(field.handle(.wordLeft), .moved)
        XCTAssertEqual(field.cursor, 7)
        XCTAssertEqual(field.handle(.wordRight), .moved)
        XCTAssertEqual(field.cursor, 12)
        XCTAssertEqual(field.handle(.ctrl("w")), .changed)
        XCTAssertEqual(field.text, "Bureau   Zorg")
        XCTAssertEqual(field.cursor, 7)
        _ = field.handle(.home)
        XCTAssertEqual(field.handle(.ctrl("w")), .ignored)
        XCTAssertEqual(field.handle(.wordLeft), .ignored)
    }

    func testAListWindowMarksWhatItHides() {
        var list = ListState(count: 10)
        XCTAssertFalse(list.position(height: 4).hiddenAbove)
        XCTAssertTrue(list.position(height: 4).hiddenBelow, "the window says what it hides")
        _ = list.handle(.end, pageSize: 4)
        XCTAssertTrue(list.position(height: 4).hiddenAbove)
        XCTAssertFalse(list.position(height: 4).hiddenBelow)
        XCTAssertEqual(list.position(height: 20).visible, 0..<10, "a taller window shows all, without changing the list")
        XCTAssertEqual(list.top, 6)
    }

    func testTextFieldScrollsToKeepTheCursorVisible() {
        var canvas = Canvas(width: 6, height: 1)
        let field = TextField("王芳王芳王")
        field.render(into: &canvas, row: 0, col: 0, width: 6)
        XCTAssertEqual(canvas.line(0), "芳王  ")
        XCTAssertEqual(canvas.cursor?.col, 4)
    }

    func testListSelectionScrollsAndClamps() {
        var list = ListState(count: 10)
        XCTAssertEqual(list.visibleRange(height: 4), 0..<4)
        XCTAssertTrue(list.handle(.pageDown, pageSize: 4))
        XCTAssertEqual(list.selected, 3)
        XCTAssertTrue(list.handle(.end, pageSize: 4))
        XCTAssertEqual(list.visibleRange(height: 4), 6..<10)
        XCTAssertTrue(list.handle(.char("k"), pageSize: 4))
        XCTAssertEqual(list.selected, 8)
        list.setCount(3)
        XCTAssertEqual(list.selected, 2)
        XCTAssertFalse(list.handle(.char("x"), pageSize: 4))
    }
}

final class TitleLineTests: XCTestCase {
    func testALongPathLosesItsMiddleAndKeepsTheDate() {
        var canvas = Canvas(width: 60, height: 2)
        Chrome.titleLine(&canvas, path: ["Rode Loper · Caseload", "Aïcha van der Langenaam-Bouzid", "Overleg 03-12-2026", "Deelnemers"],
                         right: "01-12-2026")
        let line = canvas.line(0)
        XCTAssertTrue(line.hasPrefix(" Rode Loper · Caseload › … › "), line)
        XCTAssertTrue(line.contains("Deelnemers"), line)
        XCTAssertTrue(line.hasSuffix("01-12-2026 "), line)
        XCTAssertEqual(canvas.silentCuts, [])
    }

    func testAShortPathIsShownWhole() {
        XCTAssertEqual(Chrome.shortened(["Caseload", "Zoë"], width: 40), "Caseload › Zoë")
        let tight = Chrome.shortened(["Rode Loper · Caseload", String(repeating: "Langenaam ", count: 8)], width: 40)
        XCTAssertLessThanOrEqual(Glyphs.width(of: tight), 40)
        XCTAssertTrue(tight.hasSuffix("…"), tight)
    }
}

/// The line shown while the caseload is read: Dutch, counts with a thousands dot, centred, and
/// not redrawn more often than it can be read.
final class ProgressLineTests: XCTestCase {
    func testTheProgressLineSaysHowFarInDutch() {
        XCTAssertEqual(ProgressLine.text(done: 1_234, total: 10_000), "Caseload inlezen: 1.234 van 10.000 dossiers")
        XCTAssertEqual(ProgressLine.text(done: 0, total: 1), "Caseload inlezen: 0 van 1 dossier")
        XCTAssertEqual(ProgressLine.text(done: 999, total: 1_000_000), "Caseload inlezen: 999 van 1.000.000 dossiers")
        let terminal = HeadlessTerminal(width: 60, height: 5)
        let line = ProgressLine(terminal: terminal)
        line.show(done: 0, total: 50_000)
        for done in 1..<100 { line.show(done: done, total: 50_000) }
        line.show(done: 50_000, total: 50_000)
        XCTAssertLessThan(terminal.frames.count, 10, "throttled")
        XCTAssertEqual(terminal.frames.first?.line(2).trimmingCharacters(in: .whitespaces), "Caseload inlezen: 0 van 50.000 dossiers")
        XCTAssertEqual(terminal.lastFrame?.line(2).trimmingCharacters(in: .whitespaces), "Caseload inlezen: 50.000 van 50.000 dossiers")
        // Too narrow: cut to fit, never past the edge.
        let narrow = HeadlessTerminal(width: 12, height: 1)
        ProgressLine(terminal: narrow).show(done: 5, total: 10)
        XCTAssertEqual(narrow.lastFrame?.line(0).count, 12)
    }
}
