@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// Every screen and pop-up state lists exactly the keys it handles: its hints come from its key
/// rows, its help lists the same rows, and a key in none of them does nothing at all.
final class HintsAndHelpTests: XCTestCase {
    /// Keys a coach may press; Ctrl-C (quits) and resize are the App's and left out.
    static let universe: [Key] = "abcdefghijklmnopqrstuvwxyzJN0123456789?/+-. ".map { Key.char($0) } + [
        .enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right, .home, .end,
        .pageUp, .pageDown, .wordLeft, .wordRight, .f1, .paste("geplakt"),
    ] + "abdefghiklnopqrstuvwxyz".map { Key.ctrl($0) }

    static func typed(_ text: String) -> [Key] { text.map { Key.char($0) } }

    /// The ways into every state, from the demo caseload; J is Jesse Testman's profile.
    static let states: [(name: String, keys: [Key])] = {
        let jesse: [Key] = [.char("/")] + typed("jesse") + [.enter]
        let meeting = jesse + [.char("o"), .enter]
        let held = jesse + [.char("o"), .home, .enter]
        let workplace: [Key] = [.char("w"), .char("n")] + typed("Garage Piet") + [.enter]
        func down(_ n: Int) -> [Key] { Array(repeating: .down, count: n) }
        return [
            ("caseload", []), ("search", [.char("/")]), ("new youth", [.char("n")]), ("scout view", [.char("s")]),
            ("settings", [.char("i")]), ("settings field", [.char("i"), .enter]),
            ("review", [.char("r")]), ("review note", [.char("r"), .enter]), ("review next step", [.char("r"), .down, .enter]),
            ("review close action", [.char("r"), .pageUp, .pageUp, .pageUp, .pageUp, .char("x")]),
            ("journal", jesse + [.char("l")]), ("journal filter", jesse + [.char("l"), .char("/")]),
            ("contact kind", jesse + [.char("g")]), ("contact form", jesse + [.char("g"), .escape]),
            ("contact principles", jesse + [.char("l"), .enter, .end, .enter]), ("contact report", jesse + [.char("l"), .enter, .end, .up, .enter]),
            ("scout attempts", jesse + [.end, .up, .enter]), ("agreement", jesse + [.end, .up, .enter, .char("a")]),
            ("new attempt", jesse + [.end, .up, .enter, .char("n")]),
            ("caseload agenda", [.char("o")]), ("help", [.char("?")]),
            // The calendar export (issue 19): the choice of names in the settings.
            ("settings calendar names", [.char("i"), .end, .enter]),
            ("youth", jesse), ("phase history", jesse + [.char("f")]), ("youth field", jesse + [.enter]), ("youth picker", jesse + down(4) + [.enter]),
            ("phase date", jesse + [.char("v")]),
            ("age question", jesse + [.down, .enter, .ctrl("u")] + typed("01-01-1990") + [.enter]),
            ("zrm history", jesse + [.char("z")]), ("zrm form", jesse + [.char("z"), .enter]),
            ("zrm field", jesse + [.char("z"), .enter, .enter]), ("zrm picker", jesse + [.char("z"), .enter, .down, .enter]),
            ("zrm comparison", jesse + [.char("z"), .char("c")]),
            ("quick scan", jesse + [.char("s")]), ("quick scan field", jesse + [.char("s"), .enter]),
            ("quick scan picker", jesse + [.char("s"), .end, .up, .up, .up, .enter]),
            ("quick scan date", jesse + [.char("s"), .end, .up, .enter]),
            ("quick scan discard", jesse + [.char("s"), .enter, .char("x"), .escape]),
            ("plan", jesse + [.char("p")]), ("plan writing", jesse + [.char("p"), .enter]),
            ("plan discard", jesse + [.char("p"), .enter, .char("x"), .escape]), ("plan versions", jesse + [.char("p"), .char("h")]),
            ("plan strategy", jesse + [.char("p"), .end, .enter]),
            ("actions", jesse + [.char("a")]), ("new action", jesse + [.char("a"), .char("n")]),
            ("action form", jesse + [.char("a"), .enter]),
            ("people", jesse + [.char("m")]), ("new person", jesse + [.char("m"), .char("n")]),
            ("person removal", jesse + [.char("m"), .char("n")] + typed("Per Ongeluk") + [.enter, .escape, .char("d")]),
            ("person removal refused", jesse + [.char("m"), .char("d")]), ("person form", jesse + [.char("m"), .enter]),
            ("meetings", jesse + [.char("o")]), ("meeting", meeting), ("participants", meeting + down(4) + [.enter]),
            ("agenda", meeting + down(5) + [.enter]), ("agenda notes", meeting + down(5) + [.enter, .enter]),
            ("agenda new item", meeting + down(5) + [.enter, .char("n")]), ("agenda removal", meeting + down(5) + [.enter, .char("d")]),
            ("agreements", held + down(6) + [.enter]), ("agreed actions", held + down(6) + [.enter, .down, .enter]),
            ("agree existing", held + down(6) + [.enter, .down, .enter, .char("b")]),
            ("consents", jesse + [.char("o"), .char("t")]), ("consent person", jesse + [.char("o"), .char("t"), .char("n")]),
            ("consent what", jesse + [.char("o"), .char("t"), .char("n"), .enter]),
            ("consent form", jesse + [.char("o"), .char("t"), .enter]),
            // Removal and the day an action was done (issue 16).
            ("action removal", jesse + [.char("a"), .down, .char("d")]), ("action removal refused", jesse + [.char("a"), .char("d")]),
            ("action done day", jesse + [.char("a"), .char("x")]), ("action cancelled day", jesse + [.char("a"), .char("c")]),
            ("review done day", [.char("r"), .pageUp, .pageUp, .pageUp, .pageUp, .char("x"), .enter]),
            ("journal removal", jesse + [.char("l"), .char("d")]),
            ("scout removal", [.char("/")] + typed("fenna") + [.enter, .end, .up, .enter, .char("d")]),
            // Coaching on the job (issue 17): the talks (without a placement), the skills grid.
            ("talks", jesse + [.char("c")]),
            ("skills grid", jesse + [.char("c"), .char("v")]),
            // Placements and the user manual (issue 17).
            ("placements", jesse + [.char("w")]), ("placement", jesse + [.char("w"), .enter]),
            ("talk form", jesse + [.char("c"), .enter]),
            ("user manual", jesse + [.char("u")]), ("user manual writing", jesse + [.char("u"), .enter]),
            ("match", jesse + [.char("k")]), ("match from the plan", jesse + [.char("p"), .char("k")]),
            // Workplaces (issue 17): made here, as the demo may have none.
            ("workplaces", [.char("w")]), ("new workplace", [.char("w"), .char("n")]),
            ("workplace", workplace), ("workplaces filter", workplace + [.escape, .char("/")]), ("workplace field", workplace + [.enter]),
            ("workplace kinds", workplace + down(6) + [.enter]), ("workplace active", workplace + down(7) + [.enter]),
            ("workplace notes", workplace + down(8) + [.enter]), ("workplace scans", workplace + [.char("s")]),
            ("new scan day", workplace + [.char("s"), .char("n")]), ("scan text", workplace + [.char("s"), .char("n"), .enter]),
            ("scan form", workplace + [.char("s"), .char("n"), .enter, .escape]),
            ("scan removal", workplace + [.char("s"), .char("n"), .enter, .escape, .escape, .char("d")]),
            ("workplace history", workplace + [.char("h")]),
            // Escalations (issue 18): made here, as the demo may have none.
            ("escalations", jesse + [.char("e")]), ("new escalation", jesse + [.char("e"), .char("n")]),
            ("escalation question", jesse + [.char("e"), .char("n"), .tab]), ("new escalation form", jesse + [.char("e"), .char("n"), .escape]),
            ("escalation form", jesse + [.char("e"), .char("n"), .tab] + typed("Vraag") + [.enter]),
            ("escalation list", jesse + [.char("e"), .char("n"), .tab] + typed("Vraag") + [.enter, .escape]),
            ("escalation removal", jesse + [.char("e"), .char("n"), .tab] + typed("Vraag") + [.enter, .escape, .char("d")]),
            ("caseload escalations", [.char("E")]),
            // Retention and erasure (issue 18): the demo has a closed case past its term.
            ("retention", [.char("b")]), ("retention erasure", [.char("b"), .char("d")]), ("youth erasure", jesse + [.char("D")]),
            // Borg, closing and reopening (issue 18): Lotte is in Borgen, Sanne closed.
            ("closing form", jesse + [.char("x")]), ("closing outcome", jesse + [.char("x"), .enter]),
            ("closing detail", jesse + [.char("x"), .down, .enter]), ("closing note", jesse + [.char("x"), .down, .down, .down, .enter]),
            ("closing confirm", jesse + [.char("x"), .enter, .home, .enter, .end, .enter]),
            ("closing leave question", jesse + [.char("x"), .enter, .home, .enter, .escape]),
            ("closed youth", jesse + [.char("x"), .enter, .home, .enter, .end, .enter, .char("j")]),
            ("reopening form", [.char("a"), .char("/")] + typed("sanne") + [.enter, .char("h")]),
            ("reopening confirm", [.char("a"), .char("/")] + typed("sanne") + [.enter, .char("h"), .enter] + typed("terug") + [.enter, .end, .enter]),
            ("borg youth", [.char("/")] + typed("lotte") + [.enter]), ("borg intensity", [.char("/")] + typed("lotte") + [.enter, .char("b")]),
            ("borg day", [.char("/")] + typed("lotte") + [.enter, .char("b"), .enter]),
            // Reports (issue 19): own and shared figures, the period's two days.
            ("reports", [.char("R")]), ("reports shared", [.char("R"), .char("s")]), ("report start", [.char("R"), .char("p")]),
            ("report end", [.char("R"), .char("p"), .enter]),
            ("research consent", [.char("/")] + typed("daan") + [.enter, .char("o"), .char("t"), .char("n"), .end, .enter]),
        ]
    }()

    func testNoKeyOutsideAStatesKeyRowsDoesAnything() throws {
        var failures: [String] = []
        var seen = Set<ScreenKind>()
        for state in Self.states {
            var harness = try Harness(self, demo: true)
            harness.press(state.keys)
            XCTAssertFalse(harness.app.finished, state.name)
            seen.insert(harness.app.top.kind)
            for key in Self.universe {
                let rows = harness.app.activeBindings
                if rows.contains(where: { $0.covers(key) }) { continue }
                let before = (harness.canvas, harness.app.stack.count, harness.app.top.capturesKeys)
                harness.press(key)
                let after = (harness.canvas, harness.app.stack.count, harness.app.top.capturesKeys)
                if before.0 != after.0 || before.1 != after.1 || before.2 != after.2 || harness.app.finished {
                    failures.append("\(state.name): \(key.name) does something but is not among its keys")
                    harness = try Harness(self, demo: true)
                    harness.press(state.keys)
                }
            }
        }
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
        // The quarantine list needs quarantined files, which the demo has not: QuarantineScreenTests walks it.
        XCTAssertEqual(Set(ScreenKind.allCases).subtracting(seen).subtracting([.welcome, .quarantine]), [], "every screen is walked")
    }

    /// The hint line shows only keys the state has; the help lists every one of its rows.
    func testHintsAndHelpComeFromTheSameKeyRows() throws {
        for state in Self.states {
            let harness = try Harness(self, demo: true)
            harness.press(state.keys)
            let rows = harness.app.activeBindings
            let hintLine = harness.canvas.line(harness.height - 1)
            for hint in KeyTable.hints(from: rows) where hintLine.contains(hint.label) {
                XCTAssertTrue(hintLine.contains(hint.key), "\(state.name): \(hint.key) \(hint.label)")
            }
            XCTAssertFalse(rows.isEmpty, state.name)
            if !harness.app.top.capturesKeys, harness.app.top.kind != .help {
                let help = HelpScreen(for: harness.app.top)
                XCTAssertEqual(help.lines.map(\.keys), harness.app.top.bindings.map(\.keyNames), "\(state.name): help lists its rows")
            }
        }
    }

    /// `render` is pure: an app drawn after every key (at another size, too) and one never drawn
    /// until the end end up in the same place and draw the same screen, at the smallest size too
    /// (where the most scrolls: PgDn must work before any frame was drawn).
    func testDrawingChangesNothing() throws {
        let moves: [Key] = Array(repeating: .down, count: 30) + Array(repeating: .pageDown, count: 3) + [.up, .up]
        for (width, height) in [(60, 16), (80, 24)] {
            for state in Self.states {
                let drawn = try Harness(self, demo: true), undrawn = try Harness(self, demo: true)
                (drawn.width, drawn.height, undrawn.width, undrawn.height) = (width, height, width, height)
                for key in state.keys + moves {
                    drawn.press(key)
                    undrawn.press(key)
                    for (otherWidth, otherHeight) in [(60, 16), (80, 24), (width, height)] {
                        var canvas = Canvas(width: otherWidth, height: otherHeight)
                        drawn.app.render(into: &canvas)
                    }
                }
                // The demo's ids differ per run: compare without the case number.
                func plain(_ screen: String) -> String { screen.replacingOccurrences(of: #"Nr [0-9a-f]+"#, with: "Nr", options: .regularExpression) }
                XCTAssertEqual(plain(drawn.screen), plain(undrawn.screen), "\(state.name) at \(width)x\(height): drawing changed what the keys did")
            }
        }
    }

    func testTheWelcomeScreenAndItsQuestion() throws {
        var harness = try Harness(self)
        for key in Self.universe where !harness.app.activeBindings.contains(where: { $0.covers(key) }) {
            let before = harness.canvas
            harness.press(key)
            XCTAssertEqual(before, harness.canvas, "welcome question: \(key.name)")
            harness = try Harness(self)
        }
        harness.press(.escape)
        for key in Self.universe where !harness.app.activeBindings.contains(where: { $0.covers(key) }) {
            let before = harness.canvas
            harness.press(key)
            XCTAssertEqual(before, harness.canvas, "welcome: \(key.name)")
        }
    }
}
