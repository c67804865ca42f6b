@testable import TerminalKit
import XCTest

/// The text area keeps its layout between keys and lays out again only around an edit: the lines
/// must always be exactly those of a layout of the whole text.
final class TextAreaLayoutTests: XCTestCase {
    /// A small deterministic generator, so a failure can be replayed.
    private struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func testTheKeptLayoutIsAlwaysTheLayoutOfTheWholeText() {
        let keys: [Key] = [.char("a"), .char("b"), .char(" "), .char(" "), .char("王"), .char("e\u{301}"), .enter, .backspace, .delete,
                           .left, .right, .up, .down, .home, .end, .ctrl("w"), .ctrl("u"), .ctrl("z"), .wordLeft,
                           .paste("een twee drie vier vijf zes zeven acht negen tien"), .paste("x\ny")]
        for width in [3, 8, 13, 40] {
            var generator = Generator(state: UInt64(width))
            var area = TextArea("Zoë wil graag monteur worden bij een garage in de buurt.\n\nEen tweede alinea.")
            for step in 0..<600 {
                let key = keys[generator.next(keys.count)]
                _ = area.handle(key, width: width, height: 5)
                let expected = TextArea.lines(area.characters, width: width)
                guard area.lineCount(width: width) == expected.count else {
                    XCTFail("width \(width), step \(step), after \(key): \(area.lineCount(width: width)) lines, expected \(expected.count)")
                    return
                }
                var kept = Canvas(width: width + 2, height: 5)
                area.render(into: &kept, rect: Rect(row: 0, col: 2, width: width, height: 5))
                var fresh = Canvas(width: width + 2, height: 5)
                area.withoutKeptLayout.render(into: &fresh, rect: Rect(row: 0, col: 2, width: width, height: 5))
                XCTAssertEqual(kept.text, fresh.text, "width \(width), step \(step), after \(key)")
                if kept.text != fresh.text { return }
            }
        }
    }

    func testTypingAndPastingPastTheLimitIsRefusedWholeNeverCut() {
        var area = TextArea("abc", limit: 5)
        XCTAssertEqual(area.handle(.char("d"), width: 20, height: 3), .changed)
        XCTAssertEqual(area.handle(.paste("ef"), width: 20, height: 3), .refused, "the whole paste, not a part")
        XCTAssertEqual(area.text, "abcd")
        XCTAssertEqual(area.handle(.enter, width: 20, height: 3), .changed)
        XCTAssertEqual(area.handle(.char("x"), width: 20, height: 3), .refused)
        XCTAssertEqual(area.text, "abcd\n")
        XCTAssertEqual(area.handle(.backspace, width: 20, height: 3), .changed, "deleting is always allowed")
        XCTAssertEqual(area.handle(.char("x"), width: 20, height: 3), .changed)
    }

    func testATextFieldRefusesTypingAndPastingPastItsLimit() {
        var field = TextField("abc", limit: 4)
        XCTAssertEqual(field.handle(.paste("de")), .refused, "the whole paste, not a part")
        XCTAssertEqual(field.handle(.char("d")), .changed)
        XCTAssertEqual(field.handle(.char("e")), .refused)
        XCTAssertEqual(field.text, "abcd")
        XCTAssertEqual(field.handle(.backspace), .changed)
        XCTAssertEqual(field.handle(.paste("x")), .changed)
        XCTAssertEqual(TextField(String(repeating: "a", count: 9), limit: 4).text.count, 9, "a longer stored text still opens; it can only shrink")
    }

    func testAKeyInAHugeTextLaysOutOnlyAroundTheEdit() {
        // One long paragraph of words of several lengths, as people write: a key in the middle
        // lays out a few lines again, not the text from its start or to its end.
        var generator = Generator(state: 7)
        let words = ["de", "jongere", "wil", "graag", "werken", "in", "een", "garage", "met", "begeleiding", "zo", "snel", "mogelijk"]
        let paragraph = (0..<40_000).map { _ in words[generator.next(words.count)] }.joined(separator: " ")
        var area = TextArea(paragraph)
        _ = area.handle(.home, width: 60, height: 20)
        for _ in 0..<100 { _ = area.handle(.pageUp, width: 60, height: 20) }
        let lines = area.lineCount(width: 60)
        for key in [Key.char("x"), .char("y"), .backspace, .delete, .paste("een twee"), .ctrl("w"), .enter, .backspace] {
            _ = area.handle(key, width: 60, height: 20)
            XCTAssertLessThan(area.laidOutByLastEdit, 20 * 60, "\(key): some lines, not \(paragraph.count) characters")
        }
        XCTAssertEqual(area.lineCount(width: 60), TextArea.lines(area.characters, width: 60).count)
        XCTAssertGreaterThan(area.lineCount(width: 60), lines - 2)
    }
}
