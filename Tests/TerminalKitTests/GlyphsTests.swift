@testable import TerminalKit
import XCTest

final class GlyphsTests: XCTestCase {
    func testWidthOfAccentedCombiningAndWideText() {
        XCTAssertEqual(Glyphs.width(of: "Zoë Çelik"), 9)
        XCTAssertEqual(Glyphs.width(of: "Zoe\u{0308}"), 3, "e + combining diaeresis is one column")
        XCTAssertEqual(Glyphs.width(of: "王芳"), 4)
        XCTAssertEqual(Glyphs.width(of: "🙂"), 2)
        XCTAssertEqual(Glyphs.of("e\u{0301}").map(\.text), ["e\u{0301}"])
    }

    /// An emoji sequence joined by ZWJ is one grapheme: it is shown as its first emoji, in the
    /// columns wcwidth gives it, with no joiner in any cell (a terminal that joins emoji, such as
    /// tmux, would pull the next cell's character into a cell ending in a joiner and shift the
    /// row), and no emoji presentation selector (drawn two wide by some terminals, one by others).
    func testEmojiSequencesAreShownInTheColumnsWeCount() {
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}"
        XCTAssertEqual(family.count, 1, "one grapheme")
        XCTAssertEqual(Glyphs.of(family).map(\.text), ["\u{1F469}"])
        XCTAssertEqual(Glyphs.width(of: family), 2)
        XCTAssertEqual(Glyphs.width(of: family + "A"), 3)
        XCTAssertEqual(Glyphs.of("\u{2764}\u{FE0F}x").map(\.text), ["\u{2764}", "x"])
        XCTAssertEqual(Glyphs.width(of: "\u{2764}\u{FE0F}"), Glyphs.width(of: "\u{2764}"))
        XCTAssertEqual(Glyphs.of("\u{1F44D}\u{1F3FD}").map(\.text), ["\u{1F44D}"], "a skin tone is not drawn apart")
        for text in [family, family + family, "a\u{200D}b", "\u{200D}", "x\u{FE0F}\u{200D}\u{1F466}"] {
            let glyphs = Glyphs.of(text)
            XCTAssertFalse(glyphs.contains { $0.text.unicodeScalars.contains { Glyphs.neverDrawn.contains($0.value) } }, text.debugDescription)
            XCTAssertEqual(glyphs.reduce(0) { $0 + $1.width }, Glyphs.width(of: text))
        }
        var canvas = Canvas(width: 10, height: 1)
        canvas.put(family + "|b", row: 0, col: 0)
        XCTAssertEqual(canvas.text.trimmingCharacters(in: .whitespaces), "\u{1F469}|b")
    }

    func testControlCharactersAreShownEscapedNeverRaw() {
        let glyphs = Glyphs.of("A\u{1B}[2JB\u{07}\u{85}\u{202E}")
        let shown = glyphs.map(\.text).joined()
        XCTAssertEqual(shown, "A\\x1B[2JB\\x07\\x85\\u{202E}")
        XCTAssertFalse(glyphs.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
        XCTAssertTrue(glyphs[1].isEscape)
        XCTAssertFalse(glyphs[5].isEscape, "the [ after ESC is ordinary text")
    }

    func testTruncateAndWrapCountColumnsNotCharacters() {
        XCTAssertEqual(Glyphs.truncate("王芳王芳", to: 5), "王芳…")
        XCTAssertEqual(Glyphs.truncate("Zoë", to: 3), "Zoë")
        XCTAssertEqual(Glyphs.wrap("één twee drie vier", width: 9), ["één twee", "drie vier"])
        XCTAssertEqual(Glyphs.wrap("a\n\nb", width: 5), ["a", "", "b"])
        XCTAssertEqual(Glyphs.wrap("naar quarantine/2026-abc.json nu", width: 10),
                       ["naar", "quarantine", "/2026-abc.", "json nu"], "a long word is broken, never cut")
        XCTAssertEqual(Glyphs.wrap("王芳王芳", width: 3), ["王", "芳", "王", "芳"])
    }

    func testKeysFromCodePoints() {
        XCTAssertEqual(Key.fromCodePoint(0x0D), .enter)
        XCTAssertEqual(Key.fromCodePoint(0x03), .ctrl("c"))
        XCTAssertEqual(Key.fromCodePoint(0x1B), .escape)
        XCTAssertEqual(Key.fromCodePoint(0x7F), .backspace)
        XCTAssertEqual(Key.fromCodePoint(0xEB), .char("ë"))
        XCTAssertEqual(Key.fromCodePoint(0x85), .unknown, "C1 control is never text")
        XCTAssertEqual(Key.ctrl("c").name, "Ctrl-C")
    }
}
