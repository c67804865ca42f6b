@testable import TerminalKit
import XCTest

final class EscapeSequenceTests: XCTestCase {
    private func codes(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    /// Reads what follows an Esc from `sent`, as if all of it were already in the terminal's buffer.
    private func read(_ sent: String) -> (isEscape: Bool, unread: String) {
        var queue = codes(sent)
        var waits: [Int] = []
        let result = EscapeSequence.read { wait in
            waits.append(wait)
            return queue.isEmpty ? nil : queue.removeFirst()
        }
        XCTAssertEqual(waits.first, 0, "what came with the Esc is read without waiting")
        let unread = String(String.UnicodeScalarView(result.unread.compactMap(Unicode.Scalar.init)))
        return (result.isEscape, unread + String(String.UnicodeScalarView(queue.compactMap(Unicode.Scalar.init))))
    }

    func testALoneEscIsAKey() {
        XCTAssertEqual(read("").isEscape, true)
        XCTAssertEqual(read("").unread, "")
    }

    /// Alt-j (or Mac Option as Meta) sends Esc j in one burst: read as Esc then j, the Esc asked
    /// to throw a text away and the j said yes. An Alt-key is swallowed with its key.
    func testAnEscWithAKeyInTheSameBurstIsAnAltKeyAndIsSwallowed() {
        for following in ["j", "v", "n", "\r", "\u{7F}", "é", "1", "\t"] {
            let result = read(following + "rest")
            XCTAssertFalse(result.isEscape, "Alt-\(following.debugDescription) is no Esc")
            XCTAssertEqual(result.unread, "rest", "only the Alt-key goes; what follows it is read again")
        }
        XCTAssertFalse(read("j").isEscape)
        XCTAssertEqual(read("j").unread, "")
    }

    /// Esc Esc in one burst (Alt-Esc) is swallowed; with a sequence after it (Alt-↑ in rxvt) the
    /// whole is swallowed; anything else after it is read again.
    func testEscEscIsSwallowedWithTheSequenceAfterIt() {
        XCTAssertFalse(read("\u{1B}").isEscape)
        XCTAssertEqual(read("\u{1B}").unread, "")
        XCTAssertEqual(read("\u{1B}[Anaam").unread, "naam")
        XCTAssertEqual(read("\u{1B}naam").unread, "naam")
        XCTAssertEqual(read("\u{1B}\u{1B}").unread, "\u{1B}", "the third Esc is read again")
    }

    func testUnknownCSISequencesAreSwallowedWhole() {
        for sequence in ["[200~", "[201~", "[1;5A", "[?2004h", "[38;5;196m", "[I", "[O", "[<0;12;5M", "[>1;2c"] {
            let result = read(sequence + "naam")
            XCTAssertFalse(result.isEscape, sequence)
            XCTAssertEqual(result.unread, "naam", "the letters after \(sequence) are text")
        }
    }

    func testOSCAndOtherStringSequencesEndAtBELOrST() {
        XCTAssertEqual(read("]0;x\u{07}naam").unread, "naam")
        XCTAssertEqual(read("]0;titel met spaties\u{1B}\\naam").unread, "naam")
        XCTAssertEqual(read("]8;;https://example.org\u{07}n").unread, "n")
        XCTAssertEqual(read("P1$r0m\u{1B}\\q").unread, "q", "DCS")
        XCTAssertEqual(read("_apc\u{9C}v").unread, "v", "APC ended by the one-byte ST")
        XCTAssertFalse(read("]0;x\u{07}").isEscape)
        // An Esc that is not ST ends the string before it; that Esc is read again.
        XCTAssertEqual(read("]0;x\u{1B}[Anaam").unread, "\u{1B}[Anaam")
    }

    func testSS3AndShortSequences() {
        XCTAssertEqual(read("OPx").unread, "x")
        XCTAssertEqual(read("(Bx").unread, "x")
        XCTAssertFalse(read("(B").isEscape)
    }

    func testABrokenCSIEndsBeforeTheByteThatCannotBeInIt() {
        let result = read("[12\rnaam")
        XCTAssertFalse(result.isEscape)
        XCTAssertEqual(result.unread, "\rnaam")
    }

    func testAnUnfinishedSequenceWaitsShortlyForItsRestThenIsSwallowed() {
        var waits: [Int] = []
        var parts = codes("]0;ti")
        let result = EscapeSequence.read { wait in
            waits.append(wait)
            return parts.isEmpty ? nil : parts.removeFirst()
        }
        XCTAssertFalse(result.isEscape, "half a sequence is no Esc")
        XCTAssertEqual(result.unread, [])
        XCTAssertEqual(waits.last, EscapeSequence.restWaitMilliseconds)
    }

    func testARunawayStringSequenceIsCutOffAtTheLongest() {
        var sent = 0
        let result = EscapeSequence.read { _ in
            sent += 1
            return sent == 1 ? 0x5D : 0x61
        }
        XCTAssertFalse(result.isEscape)
        XCTAssertEqual(sent, EscapeSequence.longest)
    }

    func testScanIsPure() {
        XCTAssertEqual(EscapeSequence.scan([]), .unfinished)
        XCTAssertEqual(EscapeSequence.scan(codes("[2")), .unfinished)
        XCTAssertEqual(EscapeSequence.scan(codes("[2~")), .sequence(length: 3))
        XCTAssertEqual(EscapeSequence.scan(codes("x")), .sequence(length: 1))
        XCTAssertEqual(EscapeSequence.scan(codes("\u{1B}")), .unfinished)
        XCTAssertEqual(EscapeSequence.scan(codes("\u{1B}x")), .sequence(length: 1))
    }

    func testAPasteWithCRLFLineEndsGivesOneLineBreakPerLine() {
        XCTAssertEqual(NcursesTerminal.pastedText(codes("een\r\ntwee\r\n\r\ndrie")), "een\ntwee\n\ndrie")
        XCTAssertEqual(NcursesTerminal.pastedText(codes("een\rtwee\ndrie")), "een\ntwee\ndrie")
        var area = TextArea()
        _ = area.handle(.paste("een\r\ntwee\r\n"), width: 40, height: 5)
        XCTAssertEqual(area.text, "een\ntwee\n")
    }
}
