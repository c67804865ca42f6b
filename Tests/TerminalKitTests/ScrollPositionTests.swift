@testable import TerminalKit
import XCTest

final class ScrollPositionTests: XCTestCase {
    func testScrollsByLineAndPageAndClampsAtBothEnds() {
        var scroll = ScrollPosition(count: 20, height: 5)
        XCTAssertEqual(scroll.visible, 0..<5)
        XCTAssertFalse(scroll.handle(.up), "at the top ↑ does not move")
        XCTAssertTrue(scroll.handle(.down))
        XCTAssertTrue(scroll.handle(.pageDown))
        XCTAssertEqual(scroll.top, 5, "a page is the window less one line")
        XCTAssertTrue(scroll.handle(.end))
        XCTAssertEqual(scroll.visible, 15..<20)
        XCTAssertFalse(scroll.handle(.char("j")))
        XCTAssertFalse(scroll.handle(.char("j"), letters: false) , "letters can be left to the caller")
        XCTAssertTrue(scroll.handle(.home))
        XCTAssertFalse(scroll.handle(.char("x")))
    }

    func testResizeKeepsTheTopLineWhereItCanAndNeverShowsAnEmptyWindow() {
        var scroll = ScrollPosition(count: 20, height: 5, top: 10)
        scroll.resize(count: 20, height: 8)
        XCTAssertEqual(scroll.top, 10)
        scroll.resize(count: 12, height: 8)
        XCTAssertEqual(scroll.top, 4)
        scroll.resize(count: 3, height: 8)
        XCTAssertEqual(scroll.top, 0)
        XCTAssertTrue(scroll.fits)
    }

    func testKeepVisibleMovesAsLittleAsPossible() {
        var scroll = ScrollPosition(count: 30, height: 5)
        scroll.keepVisible(line: 7)
        XCTAssertEqual(scroll.visible, 3..<8)
        scroll.keepVisible(10..<12)
        XCTAssertEqual(scroll.visible, 7..<12)
        scroll.keepVisible(line: 2)
        XCTAssertEqual(scroll.top, 2)
    }

    func testMarksShowWhatIsOutOfSight() {
        var canvas = Canvas(width: 4, height: 3)
        var scroll = ScrollPosition(count: 9, height: 3, top: 3)
        scroll.drawMarks(into: &canvas, rect: Rect(row: 0, col: 1, width: 3, height: 3), col: 0)
        XCTAssertEqual(canvas.line(0).first, "▲")
        XCTAssertEqual(canvas.line(2).first, "▼")
        canvas = Canvas(width: 4, height: 3)
        scroll.scroll(to: 0)
        scroll.drawMarks(into: &canvas, rect: Rect(row: 0, col: 1, width: 3, height: 3), col: 0)
        XCTAssertEqual(canvas.line(0).first, " ")
        XCTAssertEqual(canvas.line(2).first, "▼")
    }
}
