import Foundation
import SafeText
import XCTest

final class SafeTextTests: XCTestCase {
    /// ESC, an OSC title change, BEL, C1 CSI, a bidi override, NUL, DEL, a line separator.
    let hostile = "a\u{1B}]0;PWNED\u{07}b\u{9B}c\u{202E}d\u{0}e\u{7F}f\u{2028}g"

    func testEveryUnsafeCharacterBecomesVisibleText() {
        XCTAssertEqual(SafeText.escaped(hostile), "a\\x1B]0;PWNED\\x07b\\x9Bc\\u{202E}d\\x00e\\x7Ff\\u{2028}g")
        XCTAssertEqual(SafeText.escaped("Zoë Çelik, café"), "Zoë Çelik, café", "ordinary letters stay")
        XCTAssertEqual(SafeText.escaped("één\ntwee\tdrie", keepingLineBreaks: true), "één\ntwee\\x09drie")
        XCTAssertEqual(SafeText.escaped("één\ntwee"), "één\\x0Atwee")
    }

    func testQuotedValuesAreShortAndEscaped() {
        XCTAssertEqual(SafeText.quoted("9\u{1B}"), "\"9\\x1B\"")
        XCTAssertEqual(SafeText.quoted(String(repeating: "x", count: 100)).count, 42)
    }

    func testJSONGetsUEscapesAndReadsBackUnchanged() throws {
        let encoded = try JSONEncoder().encode(["name": hostile])
        let safe = SafeText.escapingJSON(encoded)
        XCTAssertTrue(safe.allSatisfy { $0 >= 0x20 && $0 < 0x7F } || !String(decoding: safe, as: UTF8.self).unicodeScalars.contains(where: SafeText.needsEscape))
        let text = String(decoding: safe, as: UTF8.self)
        for raw in ["\u{9B}", "\u{202E}", "\u{2028}", "\u{7F}", "\u{1B}"] { XCTAssertFalse(text.contains(raw), "raw \(raw.unicodeScalars.first!.value) left") }
        XCTAssertTrue(text.contains("\\u009b") && text.contains("\\u202e") && text.contains("\\u2028") && text.contains("\\u007f"), text)
        XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: safe)["name"], hostile)
        // Above U+FFFF: a surrogate pair.
        let tag = SafeText.escapingJSON(try JSONEncoder().encode(["t": "\u{E0001}"]))
        XCTAssertEqual(try JSONDecoder().decode([String: String].self, from: tag)["t"], "\u{E0001}")
    }
}
