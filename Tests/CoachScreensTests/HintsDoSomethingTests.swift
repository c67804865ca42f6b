@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Every key the hint line names does something in the state that names it: pressing it changes
/// the screen, opens or closes a screen or pop-up, or says something. Walked over every state of
/// the key walk, over empty lists (a new youth, an empty caseload) and over the states whose keys
/// depend on what is selected (a done action, a withdrawn consent, the first and last review page).
final class HintsDoSomethingTests: XCTestCase {
    /// How a state is reached: from the demo, from one new youth, or from an empty caseload.
    enum Start { case demo, newYouth, empty }

    static let jesse = KeyWalkTests.jesse
    /// The scout attempts of the youth open from the second-last field of the dossier.
    static let scout: [Key] = [.end, .up, .enter]

    /// States where a list is empty or a key's effect depends on the row: the issue's cases.
    static let stateful: [(name: String, start: Start, keys: [Key])] = [
        ("empty caseload", .empty, []), ("empty caseload agenda", .empty, [.char("o")]),
        ("empty scout view", .empty, [.char("s")]),
        ("new youth", .newYouth, [.enter]), ("no scout attempts", .newYouth, [.enter] + scout),
        ("no measurement", .newYouth, [.enter, .char("z")]), ("no actions", .newYouth, [.enter, .char("a")]),
        ("no people", .newYouth, [.enter, .char("m")]), ("no meetings", .newYouth, [.enter, .char("o")]),
        ("no consents", .newYouth, [.enter, .char("o"), .char("t")]), ("no contacts", .newYouth, [.enter, .char("l")]),
        ("participants without people", .newYouth, [.enter, .char("o"), .char("n")] + Array(repeating: .down, count: 4) + [.enter]),
        ("invited participant", .demo, jesse + [.char("o"), .enter] + Array(repeating: .down, count: 4) + [.enter]),
        ("one measurement", .newYouth, [.enter, .char("z"), .char("n"), .escape]),
        ("done action", .demo, jesse + [.char("a"), .char("x"), .enter]),
        ("cancelled action", .demo, jesse + [.char("a"), .char("c"), .enter]),
        ("withdrawn consent", .demo, jesse + [.char("o"), .char("t"), .char("w")]),
        ("empty review", .empty, [.char("r")]), ("review page without open actions", .newYouth, [.char("r")]),
        ("first review page", .demo, [.char("r")] + Array(repeating: .pageUp, count: 15)),
        ("last review page", .demo, [.char("r")] + Array(repeating: .pageDown, count: 15)),
        ("first agenda item", .demo, jesse + [.char("o"), .enter] + Array(repeating: .down, count: 5) + [.enter, .home]),
        ("last agenda item", .demo, jesse + [.char("o"), .enter] + Array(repeating: .down, count: 5) + [.enter, .end]),
        ("no escalations", .newYouth, [.enter, .char("e")]), ("no open escalations", .newYouth, [.char("E")]),
    ]

    static var all: [(name: String, start: Start, keys: [Key])] {
        stateful + HintsAndHelpTests.states.map { ($0.name, .demo, $0.keys) }
    }

    private func harness(_ start: Start, width: Int, height: Int) throws -> Harness {
        let harness = switch start {
        case .demo: try Harness(self, demo: true)
        case .newYouth: try Harness(self, youths: ["Nieuwe Jongere"])
        case .empty: try Harness(self)
        }
        (harness.width, harness.height) = (width, height)
        if start == .empty { harness.press(.escape, .enter) }
        return harness
    }

    /// What the coach can tell apart after a key: the screen, the screens and pop-ups open,
    /// whether a field has the keys, whether the program stopped.
    private func look(_ harness: Harness) -> (Canvas, String) {
        (harness.canvas, "\(harness.app.stack.count)|\(harness.app.popups.count)|\(harness.app.top.capturesKeys)|\(harness.app.finished)")
    }

    /// Rows of the text editor that act on what was typed: with nothing typed in the state they
    /// have nothing to save or undo (TypingFlowTests and the editor's own tests show what they do).
    private static let actOnTyping: Set<Action> = [.saveAndStay, .undo]

    func testEveryKeyTheHintLineNamesDoesSomething() throws {
        var failures: [String] = []
        var pressed = 0
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            // The whole walk at one size; the states of this issue at every size.
            for state in width == 80 ? Self.all : Self.stateful.map({ $0 }) {
                let probe = try harness(state.start, width: width, height: height)
                probe.press(state.keys)
                for row in probe.app.activeBindings where row.hint != nil && !row.acceptsText && !Self.actOnTyping.contains(row.action) {
                    // A row named "↑↓" works when one of its keys does (↑ on the first row does not).
                    let works = try row.keys.contains { key in
                        // A removal refused in the state says the same refusal again: it did something.
                        if row.action == .remove, key == state.keys.last { return true }
                        let harness = try harness(state.start, width: width, height: height)
                        harness.press(state.keys)
                        let before = look(harness)
                        harness.press(key)
                        pressed += 1
                        return look(harness) != before
                    }
                    if !works { failures.append("\(state.name) \(width)x\(height): \(row.keyNames) \(row.hint ?? "") does nothing") }
                }
            }
        }
        XCTAssertGreaterThan(pressed, 200)
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }

    /// The other way round, for the states of this file (KeysNamedTests walks the demo's): every
    /// key a text on screen names ("Druk op n") is bound there.
    func testEveryKeyATextNamesInTheseStatesIsBound() throws {
        var failures: [String] = []
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            for state in Self.stateful {
                let harness = try harness(state.start, width: width, height: height)
                harness.press(state.keys)
                let rows = harness.app.activeBindings + KeyTable.bindings(for: harness.app.top.kind).filter { $0.action == .help }
                for named in KeysNamedTests.namedKeys(in: harness.screen) where !rows.contains(where: { !$0.acceptsText && $0.keys.contains(named.key) }) {
                    failures.append("\(state.name) \(width)x\(height): names \(named.name), which does nothing there")
                }
            }
        }
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }

    private func reach(_ name: String, width: Int = 80, height: Int = 24) throws -> Harness {
        let state = try XCTUnwrap(Self.stateful.first { $0.name == name })
        let harness = try harness(state.start, width: width, height: height)
        harness.press(state.keys)
        return harness
    }

    private func hintLine(_ harness: Harness) -> String { harness.canvas.line(harness.height - 1) }

    /// The issue's cases, named: empty lists name no Enter, x/c, w or c vergelijk.
    func testEmptyListsNameNoKeysForRows() throws {
        for (width, height) in [(60, 16), (80, 24), (200, 60)] {
            for name in ["empty caseload", "no scout attempts", "no meetings", "no contacts", "no people", "no consents", "no measurement", "no actions"] {
                let harness = try reach(name, width: width, height: height)
                let hints = KeyTable.hints(from: harness.app.activeBindings)
                XCTAssertFalse(hints.contains { $0.key == "Enter" }, "\(name) \(width)x\(height): \(hints)")
                for label in ["gedaan", "vervallen", "intrekken", "vergelijk", "verwijder"] {
                    XCTAssertFalse(hints.contains { $0.label == label }, "\(name): \(label)")
                }
                XCTAssertFalse(hintLine(harness).contains("open"), "\(name): \(hintLine(harness))")
            }
        }
    }

    /// What a coach trying the program found named in vain: writing on an empty review, ticking
    /// off with no open action, filtering an empty journal.
    func testNothingToActOnNamesNoKey() throws {
        for (name, absent) in [("empty review", "schrijf"), ("review page without open actions", "afvinken"), ("no contacts", "filter")] {
            let harness = try reach(name)
            let hints = KeyTable.hints(from: harness.app.activeBindings)
            XCTAssertFalse(hints.contains { $0.label == absent }, "\(name): \(hints)")
        }
    }

    /// x or c on an action already done or cancelled reopens it, and the hint says so.
    func testADoneActionNamesReopening() throws {
        let done = try reach("done action")
        XCTAssertTrue(hintLine(done).contains("x heropen"), hintLine(done))
        XCTAssertTrue(hintLine(done).contains("c vervallen"), hintLine(done))
        let cancelled = try reach("cancelled action")
        XCTAssertTrue(hintLine(cancelled).contains("x gedaan"), hintLine(cancelled))
        XCTAssertTrue(hintLine(cancelled).contains("c heropen"), hintLine(cancelled))
        done.press(.char("x"))
        XCTAssertTrue(hintLine(done).contains("x gedaan"), "reopened: \(hintLine(done))")
    }

    /// Space on an invited person takes them off the list, and is named so; without people
    /// there is no one to invite.
    func testParticipantsNameWhatSpaceDoes() throws {
        let nobody = try reach("participants without people")
        XCTAssertEqual(nobody.app.top.kind, .participants, nobody.screen)
        XCTAssertFalse(nobody.app.activeBindings.contains { $0.action == .invite || $0.action == .attended })
        let invited = try reach("invited participant")
        XCTAssertEqual(invited.app.top.kind, .participants, invited.screen)
        let hint = hintLine(invited)
        XCTAssertTrue(hint.contains("Spatie van de lijst"), hint)
        invited.press(.char(" "))
        XCTAssertTrue(hintLine(invited).contains("Spatie uitnodigen"), hintLine(invited))
    }

    /// w on a withdrawn consent is named "weer geldig" and asks first; n changes nothing.
    func testReinstatingAConsentIsNamedAndAsked() throws {
        let harness = try reach("withdrawn consent")
        XCTAssertTrue(hintLine(harness).contains("w weer geldig"), hintLine(harness))
        func withdrawn() throws -> Int { try harness.store.youth(id: harness.store.summaries.first { $0.name == "Jesse Testman" }!.id).consents.filter { $0.withdrawn != nil }.count }
        let before = try withdrawn()
        harness.press(.char("w"))
        XCTAssertTrue(harness.app.popups.last is ConfirmPopup, harness.screen)
        XCTAssertTrue(harness.screen.contains("weer geldig maken?"), harness.screen)
        harness.press(.char("n"))
        XCTAssertEqual(try withdrawn(), before, "no: still withdrawn")
        harness.press(.char("w"), .char("j"))
        XCTAssertEqual(try withdrawn(), before - 1, "yes: valid again")
        XCTAssertTrue(hintLine(harness).contains("w intrekken"), hintLine(harness))
    }

    /// PgUp is not named on the first page, PgDn not on the last.
    func testReviewBrowsingNamesOnlyWhereThereIsAPage() throws {
        let first = try reach("first review page")
        XCTAssertTrue(hintLine(first).contains("PgDn bladeren"), hintLine(first))
        XCTAssertFalse(first.app.activeBindings.contains { $0.keys.contains(.pageUp) })
        let last = try reach("last review page")
        XCTAssertTrue(hintLine(last).contains("PgUp bladeren"), hintLine(last))
        XCTAssertFalse(last.app.activeBindings.contains { $0.keys.contains(.pageDown) })
    }
}
