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
