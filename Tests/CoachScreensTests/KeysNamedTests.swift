@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// A screen names only keys of its own state: every key a text on screen names (a warning's
/// "(t)", "Druk op n", "a toont", "Esc wist") is bound in the state that shows it. The screen's
/// text is checked against the screen's keys, a pop-up's against the pop-up's.
final class KeysNamedTests: XCTestCase {
    /// Where a text names a key: in brackets after a space, after "Druk op", or before a verb.
    nonisolated(unsafe) static let mentions: [Regex<(Substring, Substring)>] = [
        /(?:^|\s)\(([a-zA-Z?\/+\-]|[Ss]patie|Esc|Enter|Tab)[):]/,
        /[Dd]ruk op ([a-zA-Z?\/+\-]|[Ss]patie|Esc|Enter|Tab)\b/,
        /(?:^|[\s(;,·])([a-zA-Z?\/+\-]|[Ss]patie|Esc|Enter|Tab) (?:toont|wist|om|voor|opent|gooit|bewaart|bevestigt|kiest|sluit|maakt|legt|voegt|zet|wijzigt|noteert|schrijft|brengt|begint)\b/,
    ]

    static func key(named name: String) -> Key {
        switch name {
        case "spatie", "Spatie": .char(" ")
        case "Esc": .escape
        case "Enter": .enter
        case "Tab": .tab
        default: .char(Character(name))
        }
    }

    /// The keys named in `text`.
    static func namedKeys(in text: String) -> [(name: String, key: Key)] {
        text.split(separator: "\n").flatMap { line in
            mentions.flatMap { regex in line.matches(of: regex).map { (String($0.output.1), key(named: String($0.output.1))) } }
        }
    }

    /// The names found by the patterns, so the test cannot pass by finding nothing.
    func testTheMentionsAreFound() {
        let text = "leg die vast bij toestemming (t).\nDruk op n om er een te noteren.\n12 jongeren (a toont) · \"x\" (Esc wist)\nNodig eerst uit (spatie).\ndeelnemer(s) zonder\nen 4 meer (a: alle acties)\nNog geen akkoord (a legt het vast)."
        XCTAssertEqual(Self.namedKeys(in: text).map(\.name), ["t", "n", "n", "a", "Esc", "spatie", "a", "a"])
    }

    /// Extra states beside those of the key walk: what hides rows, and empty lists.
    static let states: [(name: String, keys: [Key])] = HintsAndHelpTests.states + [
        ("search query", [.char("/")] + HintsAndHelpTests.typed("zzz") + [.enter]),
        ("scout only", [.char("s")]), ("closed shown", [.char("a")]),
        ("participants without consent", [.char("/")] + HintsAndHelpTests.typed("jesse") + [.enter, .char("o"), .enter]
            + Array(repeating: .down, count: 4) + [.enter, .char(" "), .down, .char(" ")]),
    ]

    func testEveryKeyATextNamesIsBoundWhereItShows() throws {
        var failures: [String] = []
        var checked = 0
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            for state in Self.states {
                let harness = try Harness(self, demo: true)
                (harness.width, harness.height) = (width, height)
                harness.press(state.keys)
                let app = harness.app
                // The screen's own text (under any pop-up), against the screen's keys.
                var canvas = Canvas(width: width, height: height)
                app.top.render(into: &canvas, area: Rect(row: 1, col: 0, width: width, height: height - 2))
                var parts = [(canvas.text, app.top.bindings + KeyTable.bindings(for: app.top.kind).filter { $0.action == .help }, "screen")]
                if let popup = app.popups.last {
                    var box = Canvas(width: width, height: height)
                    popup.render(into: &box)
                    parts.append((box.text, popup.bindings, "pop-up"))
                }
                // The help screen quotes the keys of the screen it was opened from.
                if app.top.kind == .help { parts.removeFirst() }
                for (text, rows, part) in parts {
                    for named in Self.namedKeys(in: text) {
                        checked += 1
                        if !rows.contains(where: { !$0.acceptsText && $0.keys.contains(named.key) }) {
                            failures.append("\(state.name) \(width)x\(height) \(part): names \(named.name), which does nothing there")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 20, "the texts name keys")
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }

    /// The participants' warning names `t`, and `t` there opens the consents it asks for.
    func testTheParticipantsWarningNamesAKeyThatWorks() throws {
        let harness = try Harness(self, demo: true)
        let keys = try XCTUnwrap(Self.states.first { $0.name == "participants without consent" }).keys
        harness.press(keys)
        XCTAssertEqual(harness.app.top.kind, .participants)
        XCTAssertTrue(harness.screen.contains("toestemming (t)."), harness.screen)
        harness.press(.char("t"))
        XCTAssertEqual(harness.app.top.kind, .consents)
    }
}
