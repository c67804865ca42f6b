@testable import Caseload
import XCTest

/// `Youth.isFileNameSafe` decides over bytes what the rule over characters decided: only ASCII
/// letters, digits and "-", never empty.
final class FileNameSafeTests: XCTestCase {
    func testTheByteRuleIsTheCharacterRule() {
        func byCharacters(_ id: String) -> Bool { !id.isEmpty && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
        var ids = ["", "-", "0b5e7c3a-0003-4000-8000-0000000000c1", "ABC-xyz-09", "a/b", "../etc", "a b", "a_b", "a.json", "é", "e\u{301}",
                   "Ⅻ", "٣", "１", "ß", "\r\n", "a\n", "a\u{0}", "ǅ", "𝟘", "a\u{202E}"]
        ids += (0...0x2FF).compactMap { Unicode.Scalar($0).map { "ab" + String($0) + "9" } }
        for id in ids {
            XCTAssertEqual(Youth.isFileNameSafe(id), byCharacters(id), id.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
        }
    }
}
