@testable import TerminalKit
import XCTest

final class CanvasTests: XCTestCase {
    func testWideCharactersTakeTwoCellsAndAreNotSplitAtTheEdge() {
        var canvas = Canvas(width: 5, height: 1)
        XCTAssertEqual(canvas.put("a王芳", row: 0, col: 0), 5)
        XCTAssertEqual(canvas.line(0), "a王芳")
        XCTAssertEqual(canvas[0, 2].width, 0)
        var clipped = Canvas(width: 4, height: 1)
        clipped.put("a王芳", row: 0, col: 0, clips: true)
        XCTAssertEqual(clipped.line(0), "a王 ", "half a wide character is never drawn")
        clipped.put("a王芳", row: 0, col: 0)
        XCTAssertEqual(clipped.line(0), "a王…", "a cut text ends in …")
        XCTAssertEqual(clipped.silentCuts, [])
        clipped.put("weg", row: 3, col: 0)
        XCTAssertEqual(clipped.silentCuts, ["weg"], "a row that is not there is a silent cut")
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("王芳", row: 0, col: 0)
        canvas.put("x", row: 0, col: 1)
        XCTAssertEqual(canvas.line(0), " x芳")
    }

    func testEscapedTextGetsItsOwnStyle() {
        var canvas = Canvas(width: 10, height: 1)
        canvas.put("a\u{1B}b", row: 0, col: 0, style: .selected)
        XCTAssertEqual(canvas.line(0), "a\\x1Bb    ")
        XCTAssertEqual(canvas[0, 0].style, .selected)
        XCTAssertEqual(canvas[0, 1].style, .escaped)
    }

    func testBoxAndDialogFit() {
        var canvas = Canvas(width: 30, height: 8)
        Chrome.dialog(&canvas, title: "Vraag", message: "Fase wijzigen van Scout naar Quick scan?", choices: "j ja   n nee")
        XCTAssertTrue(canvas.text.contains("Fase wijzigen van Scout"), canvas.text)
        XCTAssertTrue(canvas.text.contains("j ja   n nee"))
        XCTAssertTrue(canvas.text.contains("┌─ Vraag"), canvas.text)
    }

    func testHintLineShowsWhatFits() {
        var canvas = Canvas(width: 20, height: 2)
        Chrome.hintLine(&canvas, [.init("Enter", "open"), .init("q", "stop"), .init("?", "help")])
        XCTAssertEqual(canvas.line(1), " Enter open … ? help", "the last hint (help) stays; others go whole, marked by …")
        canvas = Canvas(width: 20, height: 2)
        Chrome.hintLine(&canvas, [.init("Enter", "open"), .init("q", "stop")])
        XCTAssertEqual(canvas.line(1), " Enter open  q stop ")
        canvas = Canvas(width: 18, height: 2)
        Chrome.hintLine(&canvas, [.init("Enter", "open"), .init("q", "stop")])
        XCTAssertEqual(canvas.line(1), " Enter open q stop", "one space between hints before any is dropped")
    }

    func testHeadlessTerminalQueuesKeysAndKeepsFrames() {
        let terminal = HeadlessTerminal(width: 10, height: 3)
        terminal.type(text: "ab")
        terminal.resize(width: 12, height: 4)
        XCTAssertEqual(terminal.nextKey(timeoutMilliseconds: 0), .char("a"))
        XCTAssertEqual(terminal.nextKey(timeoutMilliseconds: 0), .char("b"))
        XCTAssertEqual(terminal.nextKey(timeoutMilliseconds: 0), .resize)
        XCTAssertEqual(terminal.size.width, 12)
        XCTAssertNil(terminal.nextKey(timeoutMilliseconds: 0))
        terminal.present(Canvas(width: 12, height: 4))
        XCTAssertEqual(terminal.frames.count, 1)
    }

    func testEveryDrawIsClippedToTheCanvas() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.fill(Rect(row: 5, col: 0, width: 10, height: 4), style: .selected)     // below
        canvas.fill(Rect(row: -4, col: -4, width: 2, height: 2), style: .selected)    // above and left
        canvas.fill(Rect(row: 0, col: 12, width: 3, height: 1), style: .selected)     // right
        canvas.put("buiten", row: 7, col: 0)
        canvas.put("buiten", row: -1, col: 0)
        canvas.box(Rect(row: 2, col: 8, width: 6, height: 5), title: "doos")
        XCTAssertEqual(canvas[9, 9], .blank, "a cell outside reads as blank")
        XCTAssertEqual(canvas.line(-1), "")
        XCTAssertEqual(canvas[0, 0].style, .normal)
        XCTAssertEqual(canvas.line(2), "        ┌─")
    }
}
