@testable import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The components dispatch from the rows that draw their hints and help. Walked both ways for
/// each: no key outside its rows does anything, and every key in its rows does what its row says.
final class KeyWalkTests: XCTestCase {
    static let universe = HintsAndHelpTests.universe
    static let jesse: [Key] = [.char("/")] + HintsAndHelpTests.typed("jesse") + [.enter]

    private func outside(_ rows: [KeyBinding]) -> [Key] { Self.universe.filter { key in !rows.contains { $0.covers(key) } } }

    private func closes(_ outcome: PopupOutcome) -> Bool {
        if case .close = outcome { return true }
        return false
    }

    func testConfirm() {
        for enterMeans in [Confirm.Answer.yes, .no] {
            let confirm = Confirm(title: "Weg?", question: "Echt?", yes: "ja, weg", no: "nee, houden", enterMeans: enterMeans)
            for key in outside(confirm.bindings) { XCTAssertNil(confirm.answer(for: key), "\(key.name) answers nothing") }
            for row in confirm.bindings {
                XCTAssertTrue([.yes, .no].contains(row.action))
                for key in row.keys { XCTAssertEqual(confirm.answer(for: key), row.action == .yes ? .yes : .no, key.name) }
            }
            // What the rows say: j yes, n and Esc no, Enter the answer the question names.
            XCTAssertEqual(confirm.answer(for: .char("j")), .yes)
            XCTAssertEqual(confirm.answer(for: .char("n")), .no)
            XCTAssertEqual(confirm.answer(for: .escape), .no)
            XCTAssertEqual(confirm.answer(for: .enter), enterMeans)
            var canvas = Canvas(width: 80, height: 24)
            confirm.render(into: &canvas)
            XCTAssertTrue(canvas.text.contains(confirm.bindings.choices), "the dialog shows its rows")
            XCTAssertTrue(canvas.text.contains("Enter  \(enterMeans == .yes ? "ja, weg" : "nee, houden")"))
        }
    }

    func testPickerAndChecklist() {
        let options = (1...30).map { "Keuze \($0)" }
        let moves: [Key: Int] = [.up: 9, .char("k"): 9, .down: 11, .char("j"): 11, .home: 0, .end: 29, .pageUp: 0, .pageDown: 29]
        for checklist in [false, true] {
            for inForm in [false, true] {
                let name = "\(checklist ? "checklist" : "picker")\(inForm ? " in a form" : "")"
                func fresh() -> Picker {
                    var picker = checklist ? Picker(title: "Kies", options: options, checked: [3], inForm: inForm)
                        : Picker(title: "Kies", options: options, inForm: inForm)
                    for _ in 0..<10 { _ = picker.handle(.down) }
                    return picker
                }
                let rows = fresh().bindings
                for key in outside(rows) {
                    var picker = fresh()
                    XCTAssertEqual(picker.handle(key), .picking, "\(name): \(key.name)")
                    XCTAssertEqual(picker.list, fresh().list, "\(name): \(key.name) moves nothing")
                    XCTAssertEqual(picker.checked, fresh().checked, "\(name): \(key.name) ticks nothing")
                }
                for row in rows {
                    for key in row.keys {
                        var picker = fresh()
                        let outcome = picker.handle(key)
                        let move = key == .tab ? 1 : key == .backTab ? -1 : 0
                        switch row.action {
                        case .choose, .confirmAndMove:
                            XCTAssertEqual(outcome, checklist ? .ticked([3], move: move) : .chosen(10, move: move), "\(name): \(key.name)")
                            XCTAssertEqual(row.action == .confirmAndMove, move != 0, "\(name): only Tab moves on")
                        case .cancel: XCTAssertEqual(outcome, .cancelled, "\(name): \(key.name)")
                        case .toggle:
                            XCTAssertEqual(outcome, .picking)
                            XCTAssertEqual(picker.checked, [3, 10], "\(name): \(key.name) ticks the selected item")
                        case .move:
                            XCTAssertEqual(outcome, .picking)
                            XCTAssertEqual(picker.list.selected, moves[key], "\(name): \(key.name)")
                        default: XCTFail("\(name): a row the picker does not handle: \(row.action)")
                        }
                    }
                }
                var canvas = Canvas(width: 80, height: 24)
                fresh().render(into: &canvas)
                XCTAssertTrue(canvas.text.contains(rows.footer), "\(name): the footer comes from the rows")
            }
        }
    }

    func testNotice() {
        let notice = NoticePopup("Een bestand staat in quarantaine.")
        for key in outside(notice.bindings) { XCTAssertFalse(closes(notice.handle(key)), key.name) }
        for row in notice.bindings {
            XCTAssertEqual(row.action, .confirm)
            for key in row.keys { XCTAssertTrue(closes(notice.handle(key)), key.name) }
        }
    }

    /// A draft of Jesse's plan goal, offered at the start.
    private func draftOffer() throws -> (Harness, Draft) {
        let typed = try Harness(self, demo: true)
        let id = try XCTUnwrap(typed.store.summaries.first { $0.name == "Jesse Testman" }).id
        let draft = Draft(youthID: id, field: .planPart(.goal), text: "Half getypt doel", saved: Harness.now)
        try typed.store.saveDraft(draft)
        let harness = Harness(reopening: typed)
        XCTAssertTrue(harness.app.popups.last is DraftOfferPopup)
        return (harness, draft)
    }

    func testDraftOffer() throws {
        let rows = ComponentKeys.draftOffer
        for key in outside(rows) {
            let (harness, draft) = try draftOffer()
            let before = harness.canvas
            harness.press(key)
            XCTAssertEqual(harness.canvas, before, "\(key.name) does nothing")
            XCTAssertTrue(harness.app.popups.last is DraftOfferPopup)
            XCTAssertEqual(harness.store.drafts().map(\.text), [draft.text])
        }
        for row in rows {
            for key in row.keys {
                let (harness, draft) = try draftOffer()
                harness.press(key)
                if row.action == .remove {
                    // Throwing text away asks first; no offers the draft again, yes throws it away.
                    XCTAssertTrue(harness.app.popups.last is ConfirmPopup, "\(key.name) asks first")
                    harness.press(.enter)
                    XCTAssertTrue(harness.app.popups.last is DraftOfferPopup, "Enter means no: offered again")
                    XCTAssertEqual(harness.store.drafts().map(\.text), [draft.text])
                    harness.press(key, .char("j"))
                    XCTAssertTrue(harness.screen.contains("weggegooid"), harness.screen)
                    harness.press(.enter)
                }
                XCTAssertTrue(harness.app.popups.isEmpty, "\(key.name) answers the offer")
                switch row.action {
                case .confirm:
                    XCTAssertTrue(harness.app.top is ChangePlanScreen)
                    XCTAssertTrue(harness.app.top.capturesKeys, "the draft opens for typing")
                    XCTAssertTrue(harness.screen.contains("Half getypt doel"), harness.screen)
                case .remove:
                    XCTAssertEqual(harness.store.drafts(), [], "thrown away")
                case .cancel:
                    XCTAssertEqual(harness.store.drafts().map(\.text), [draft.text], "kept for later")
                    XCTAssertTrue(harness.app.top is CaseloadScreen)
                default: XCTFail("a row the offer does not handle: \(row.action)")
                }
            }
        }
    }

    /// Every key of the reports screen does what its row says (issue 19).
    func testReportsScreen() throws {
        let opened = try Harness(self, demo: true)
        opened.press(.char("R"))
        // Ctrl-C and Ctrl-L are the App's, walked in every state below.
        for row in opened.app.top.bindings where ![.redraw, .forceQuit].contains(row.action) {
            for key in row.keys {
                let harness = try Harness(self, demo: true)
                harness.press(.char("R"))
                let screen = try XCTUnwrap(harness.app.top as? ReportsScreen)
                // From the middle of a report that does not fit, every move key moves.
                if row.action == .move { harness.press(Array(repeating: .down, count: screen.scroll.lastTop / 2)) }
                var expected = screen.scroll
                _ = expected.handle(key)
                harness.press(key)
                switch row.action {
                case .move:
                    XCTAssertEqual(screen.scroll, expected, key.name)
                    if screen.scroll.lastTop >= 2 { XCTAssertNotEqual(screen.scroll.top, screen.scroll.lastTop / 2, "\(key.name) scrolls") }
                case .setPeriod: XCTAssertTrue(harness.screen.contains("Vanaf welke dag"), harness.screen)
                case .toggleShared: XCTAssertTrue(screen.shared, key.name)
                case .exportResearch: XCTAssertTrue(harness.screen.contains("export voor onderzoek") || harness.screen.contains("Export: "), harness.screen)
                case .help: XCTAssertEqual(harness.app.top.kind, .help, key.name)
                case .back: XCTAssertEqual(harness.app.top.kind, .caseload, key.name)
                default: XCTFail("a row the reports screen does not handle: \(row.action)")
                }
            }
        }
    }

    func testSearchField() throws {
        let rows = ComponentKeys.search
        // Typed and moved into the field, so that every editing key has something to change; "e"
        // finds several youths, so that every move has somewhere to go.
        let start: [Key] = [.char("/")] + HintsAndHelpTests.typed("an") + [.left]
        let finding: [Key] = [.char("/"), .char("e"), .down]
        for key in outside(rows) {
            let harness = try Harness(self, demo: true)
            harness.press(start)
            let before = harness.canvas
            harness.press(key)
            XCTAssertEqual(harness.canvas, before, "\(key.name) does nothing")
        }
        for row in rows {
            for key in row.keys.isEmpty ? [Key.char("x"), .paste("ab")] : row.keys {
                let harness = try Harness(self, demo: true)
                harness.press([.open, .move].contains(row.action) ? finding : start)
                let before = harness.canvas
                harness.press(key)
                switch row.action {
                case .open:
                    XCTAssertTrue(harness.app.top is YouthScreen, "Enter opens the chosen youth")
                case .move:
                    XCTAssertTrue(harness.app.top.capturesKeys)
                    XCTAssertNotEqual(harness.canvas, before, "\(key.name) chooses another youth\n\(harness.screen)")
                case .clearSearch:
                    XCTAssertFalse(harness.app.top.capturesKeys)
                    XCTAssertFalse(harness.screen.contains("gevonden voor"), "Esc clears the search")
                case .type, .editText:
                    XCTAssertTrue(harness.app.top.capturesKeys)
                    XCTAssertNotEqual(harness.canvas, before, "\(key.name) edits the search\n\(harness.screen)")
                default: XCTFail("a row the search does not handle: \(row.action)")
                }
            }
        }
    }

    /// Jesse's plan with two earlier versions, looked at from the newest.
    private func versions() throws -> Harness {
        let harness = try Harness(self, demo: true) { store in
            let id = try XCTUnwrap(store.summaries.first { $0.name == "Jesse Testman" }).id
            var youth = try store.youth(id: id)
            var older = try XCTUnwrap(youth.changePlanVersions.first)
            older.goal = "Een heel oud doel"
            older.changed = older.changed?.addingTimeInterval(-30 * 86_400)
            youth.changePlanVersions.insert(older, at: 0)
            try store.save(youth)
        }
        harness.press(Self.jesse + [.char("p"), .char("h")])
        XCTAssertTrue(harness.screen.contains("Eerdere versie 2 van 2"), harness.screen)
        return harness
    }

    func testPlanVersions() throws {
        let rows = ComponentKeys.versions
        for key in outside(rows) {
            let harness = try versions()
            let before = harness.canvas
            harness.press(key)
            XCTAssertEqual(harness.canvas, before, "\(key.name) does nothing")
        }
        for row in rows {
            for key in row.keys {
                let harness = try versions()
                if key == .right { harness.press(.left) }
                harness.press(key)
                switch row.action {
                case .browseVersions:
                    XCTAssertTrue(harness.screen.contains(key == .left ? "Eerdere versie 1 van 2" : "Eerdere versie 2 van 2"), harness.screen)
                    XCTAssertEqual(harness.screen.contains("Een heel oud doel"), key == .left)
                case .back:
                    XCTAssertFalse(harness.screen.contains("Eerdere versie"), "\(key.name) goes back to the plan")
                    XCTAssertEqual(harness.app.top.bindings.map(\.action), KeyTable.bindings(for: .changePlan).map(\.action))
                default: XCTFail("a row the versions do not handle: \(row.action)")
                }
            }
        }
    }

    /// The App's own rows work in every state, over a pop-up and while typing: Ctrl-C quits.
    func testTheAppsOwnRowsWorkInEveryState() throws {
        for state in [[], [Key.char("n")], [.char("/")] + HintsAndHelpTests.typed("je")] {
            let harness = try Harness(self, demo: true)
            harness.press(state)
            XCTAssertTrue(harness.app.activeBindings.contains { $0.action == .forceQuit && $0.keys == [.ctrl("c")] })
            harness.press(.ctrl("l"))
            XCTAssertFalse(harness.app.finished, "Ctrl-L only redraws")
            harness.press(.ctrl("c"))
            XCTAssertTrue(harness.app.finished, "Ctrl-C quits, \(state.map(\.name))")
        }
    }
}
