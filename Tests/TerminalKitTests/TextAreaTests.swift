@testable import TerminalKit
import XCTest

final class TextAreaTests: XCTestCase {
    private func wrapped(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return TextArea.lines(characters, width: width).map { String(characters[$0]) }
    }

    func testWordWrapAtSeveralWidths() {
        let text = "Zoë wil graag monteur worden bij een garage."
        XCTAssertEqual(wrapped(text, width: 16), ["Zoë wil graag ", "monteur worden ", "bij een garage."])
        XCTAssertEqual(wrapped(text, width: 26), ["Zoë wil graag monteur ", "worden bij een garage."])
        XCTAssertEqual(wrapped(text, width: 80), [text])
        XCTAssertEqual(wrapped("eerste\n\nderde", width: 20), ["eerste", "", "derde"])
        XCTAssertEqual(wrapped("abcdefghij", width: 5), ["abcd", "efgh", "ij"], "a word longer than a line is broken")
    }

    func testWideAndCombiningCharactersWrapByColumns() {
        // Each 王 is two columns: four fit in 9 (8 used, one kept for the cursor).
        XCTAssertEqual(wrapped("王芳王芳王芳", width: 9), ["王芳王芳", "王芳"])
        XCTAssertEqual(wrapped("王芳 王芳 王芳", width: 10), ["王芳 王芳 ", "王芳"])
        // e + combining acute is one column.
        XCTAssertEqual(wrapped("e\u{301}e\u{301}e\u{301} abc", width: 6), ["e\u{301}e\u{301}e\u{301} ", "abc"])
    }

    func testCursorMovesByLineKeepingItsColumnAndByWord() {
        var area = TextArea("eerste regel\nkort\nderde regel hier")
        XCTAssertEqual(area.handle(.home, width: 40, height: 5), .moved)
        XCTAssertEqual(area.cursor, 18, "start of the third line")
        _ = area.handle(.end, width: 40, height: 5)
        _ = area.handle(.up, width: 40, height: 5)
        XCTAssertEqual(area.cursor, 17, "end of the short line")
        _ = area.handle(.up, width: 40, height: 5)
        XCTAssertEqual(area.cursor, 12, "the goal column comes back after a short line")
        _ = area.handle(.wordLeft, width: 40, height: 5)
        XCTAssertEqual(area.cursor, 7)
        _ = area.handle(.wordLeft, width: 40, height: 5)
        XCTAssertEqual(area.cursor, 0)
        _ = area.handle(.wordRight, width: 40, height: 5)
        XCTAssertEqual(area.cursor, 6)
        _ = area.handle(.pageDown, width: 40, height: 5)
        XCTAssertEqual(area.cursor, 24, "down a page lands on the last line")
    }

    func testSoftWrappedLinesAreLinesForUpAndDown() {
        var area = TextArea("één twee drie vier")
        _ = area.handle(.char("!"), width: 11, height: 5)   // lines: "één twee ", "drie vier!"
        XCTAssertEqual(area.lineCount(width: 11), 2)
        _ = area.handle(.up, width: 11, height: 5)
        XCTAssertEqual(area.cursor, 8, "the end of the first screen line, before its hanging space")
        _ = area.handle(.home, width: 11, height: 5)
        XCTAssertEqual(area.cursor, 0)
    }

    func testTypingDeletingAndUndoInSteps() {
        var area = TextArea("")
        for c in "Hallo wereld" { _ = area.handle(.char(c), width: 40, height: 5) }
        _ = area.handle(.backspace, width: 40, height: 5)
        _ = area.handle(.backspace, width: 40, height: 5)
        XCTAssertEqual(area.text, "Hallo were")
        _ = area.handle(.ctrl("z"), width: 40, height: 5)
        XCTAssertEqual(area.text, "Hallo wereld", "two backspaces are one step")
        _ = area.handle(.ctrl("z"), width: 40, height: 5)
        XCTAssertEqual(area.text, "Hallo ", "a typed word is one step")
        _ = area.handle(.ctrl("z"), width: 40, height: 5)
        XCTAssertEqual(area.text, "", "a word with its space is one step")
        XCTAssertEqual(area.handle(.ctrl("z"), width: 40, height: 5), .ignored)
        for c in "twee woorden" { _ = area.handle(.char(c), width: 40, height: 5) }
        _ = area.handle(.ctrl("w"), width: 40, height: 5)
        XCTAssertEqual(area.text, "twee ")
    }

    func testOneUndoTakesBackOneWord() {
        var area = TextArea("")
        for c in "een twee  drie" { _ = area.handle(.char(c), width: 40, height: 5) }
        var seen: [String] = []
        while area.handle(.ctrl("z"), width: 40, height: 5) == .changed { seen.append(area.text) }
        XCTAssertEqual(seen, ["een twee  ", "een ", ""])
    }

    func testAMultiLinePasteIsTextNeverCommands() {
        var area = TextArea("Doel: ")
        let paste = "werk\r\nin de bouw\tof techniek\u{1B}[2J\nq"
        XCTAssertEqual(area.handle(.paste(paste), width: 40, height: 5), .changed)
        XCTAssertEqual(area.text, "Doel: werk\nin de bouw of techniek[2J\nq")
        _ = area.handle(.ctrl("z"), width: 40, height: 5)
        XCTAssertEqual(area.text, "Doel: ", "a paste is one undo step")
        var field = TextField("a")
        _ = field.handle(.paste("b\nc"))
        XCTAssertEqual(field.text, "ab c", "a one-line field joins pasted lines")
    }

    func testRenderScrollsToTheCursorAndDrawsWideCharactersWhole() {
        var area = TextArea((1...10).map { "regel \($0)" }.joined(separator: "\n"))
        var canvas = Canvas(width: 20, height: 4)
        area.render(into: &canvas, rect: Rect(row: 0, col: 0, width: 20, height: 3))
        XCTAssertEqual(canvas.line(2).trimmingCharacters(), "regel 10")
        XCTAssertEqual(canvas.cursor?.row, 2)
        XCTAssertEqual(canvas.cursor?.col, 8)
        var wide = TextArea("王芳王芳王芳")
        var small = Canvas(width: 9, height: 2)
        wide.render(into: &small, rect: Rect(row: 0, col: 0, width: 9, height: 2))
        XCTAssertEqual(small.line(0), "王芳王芳 ")
        XCTAssertEqual(small.line(1), "王芳     ")
        XCTAssertEqual(small.cursor?.col, 4)
    }
}

private extension String {
    func trimmingCharacters() -> String { String(reversed().drop { $0 == " " }.reversed()) }
}
