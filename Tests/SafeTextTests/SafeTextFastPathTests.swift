import Foundation
import SafeText
import XCTest

/// The fast paths of `SafeText` (plain ASCII decided without the Unicode tables) give exactly
/// what the scalar-by-scalar rule gave before them, over every character that is escaped and a
/// wide sample of the rest.
final class SafeTextFastPathTests: XCTestCase {
    /// The rule as it was before the fast paths: every scalar through the Unicode tables.
    private enum Reference {
        static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F: return true
            case 0x200C, 0x200D: return false
            default:
                switch scalar.properties.generalCategory {
                case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse: return true
                default: return false
                }
            }
        }

        static func escaped(_ text: String, keepingLineBreaks: Bool) -> String {
            guard text.unicodeScalars.contains(where: needsEscape) else { return text }
            var out: [UInt8] = []
            for scalar in text.unicodeScalars {
                if needsEscape(scalar) && !(keepingLineBreaks && scalar == "\n") {
                    out.append(contentsOf: SafeText.escape(scalar).utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        static func escapingJSON(_ data: Data) -> Data {
            guard let text = String(data: data, encoding: .utf8), text.unicodeScalars.contains(where: needsEscape) else { return data }
            var out: [UInt8] = []
            for scalar in text.unicodeScalars {
                guard needsEscape(scalar), scalar.value > 0x1F else {
                    UTF8.encode(scalar) { out.append($0) }
                    continue
                }
                for unit in String(scalar).utf16 {
                    out.append(contentsOf: String(format: "\\u%04x", unit).utf8)
                }
            }
            return Data(out)
        }
    }

    /// Every scalar of the first planes' busy start (all of ASCII, Latin-1 with C1 and the soft
    /// hyphen, the bidi marks, separators and invisible operators), every scalar anywhere that is
    /// a control, format or separator character, the specials and tags, and every 61st of the rest.
    private var corpus: [String] {
        var scalars: [Unicode.Scalar] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            if value < 0x3400 || (0xFE00...0xFFFF).contains(value) || (0xE0000...0xE0FFF).contains(value) || value % 61 == 0
                || [.control, .format, .lineSeparator, .paragraphSeparator].contains(category) {
                scalars.append(scalar)
            }
        }
        var texts = stride(from: 0, to: scalars.count, by: 48).map { start in
            // Each character between plain letters, as it stands in a name or a note.
            scalars[start..<min(start + 48, scalars.count)].map { "a" + String($0) }.joined() + " z"
        }
        texts += ["", "Jan de Vries", "Zoë Çelik, café", "één\ntwee\tdrie", "a\u{1B}]0;x\u{07}", "\u{202E}evil", "x\u{7F}", "\u{2028}",
                  "\u{200C}\u{200D}", String(repeating: "plain ascii ", count: 200), "emoji 👩‍👧 and flags 🇳🇱"]
        return texts
    }

    func testEscapedIsTheSameAsTheScalarRule() {
        for text in corpus {
            for keeping in [false, true] {
                XCTAssertEqual(SafeText.escaped(text, keepingLineBreaks: keeping), Reference.escaped(text, keepingLineBreaks: keeping),
                               text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
    }

    func testEscapingJSONIsByteForByteTheScalarRule() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let texts = corpus
        for text in texts {
            let data = try encoder.encode(["name": text, "notes": "plain"])
            XCTAssertEqual(SafeText.escapingJSON(data), Reference.escapingJSON(data))
        }
        let whole = try encoder.encode(texts)
        XCTAssertEqual(SafeText.escapingJSON(whole), Reference.escapingJSON(whole))
        // What is not UTF-8, or raw controls outside strings, is left as it came.
        for bytes: [UInt8] in [[0x7B, 0xFF, 0x7D], [0xC3], [0x0A, 0x09, 0x41, 0x7F], [0xE2, 0x80, 0xAE], [0xED, 0xA0, 0x80]] {
            XCTAssertEqual(SafeText.escapingJSON(Data(bytes)), Reference.escapingJSON(Data(bytes)), "\(bytes)")
        }
    }
}
