import Caseload
@testable import CoachScreens
import Foundation
import TerminalKit
import XCTest

/// The form component on its own: headings, each kind of field, Tab from field to field, what
/// is refused, drafts of multi-line text, and the selected field in full when it does not fit.
final class FormTests: XCTestCase {
    /// What the fields saved, by label; a field refuses "nee".
    private final class Record {
        var values: [String: String] = [:]
    }

    private var harness: Harness!
    private var session: Session { harness.app.session }
    private let record = Record()
    private var youthID: String { harness.store.summaries[0].id }

    override func setUpWithError() throws {
        harness = try Harness(self, youths: ["Sem"])
    }

    private func form(height: Int = 20, notesLabel: String = "Notities") -> Form {
        let record = record
        func text(_ label: String) -> Form.Field {
            .init(label: label, value: { record.values[label] ?? "" }, edit: .text { input in
                if input == "nee" { return "\(label): nee is niet goed." }
                record.values[label] = input
                return nil
            })
        }
        let form = Form(kind: .recordForm, session: session, items: [
            .heading("Eerste deel"), .field(text("Een")), .field(text("Twee")),
            .heading("Tweede deel"),
            .field(.init(label: "Datum", value: { record.values["Datum"] ?? "" }, edit: .date(optional: false) { day in
                record.values["Datum"] = day?.text
                return nil
            })),
            .field(.init(label: "Keuze", value: { record.values["Keuze"] ?? "rood" }, edit: .choice(
                options: { ["rood", "groen"] }, selected: { record.values["Keuze"] == "groen" ? 1 : 0 },
                commit: { index in record.values["Keuze"] = ["rood", "groen"][index]; return nil }))),
            .field(.init(label: notesLabel, value: { record.values["Notities"] ?? "" },
                         edit: .multiline(youthID: youthID, draft: .quickScan(.motivation)) { text in
                record.values["Notities"] = text
                return nil
            })),
        ])
        form.resize(to: Rect(row: 0, col: 0, width: 60, height: height))
        return form
    }

    private func lines(_ form: Form, height: Int = 20) -> [String] {
        var canvas = Canvas(width: 60, height: height)
        form.render(into: &canvas)
        XCTAssertEqual(canvas.silentCuts, [])
        return (0..<height).map(canvas.line)
    }

    private func type(_ text: String, into form: Form) { text.forEach { _ = form.handle(.char($0)) } }

    func testHeadingsAreShownButNeverSelected() {
        let form = form()
        XCTAssertEqual(lines(form)[0].trimmingCharacters(in: .whitespaces), "Eerste deel")
        XCTAssertEqual(form.selection, 0)
        _ = form.handle(.down)
        _ = form.handle(.down)
        XCTAssertEqual(form.selection, 2, "from Twee straight to Datum, past the heading")
        XCTAssertTrue(lines(form)[4].contains("Datum"))
    }

    func testTabConfirmsAndOpensTheNextFieldForTyping() {
        let form = form()
        form.openForTyping()
        type("een", into: form)
        _ = form.handle(.tab)
        XCTAssertEqual(record.values["Een"], "een")
        XCTAssertTrue(form.capturesKeys, "the next field is open")
        type("twee", into: form)
        _ = form.handle(.tab)
        XCTAssertEqual(record.values["Twee"], "twee")
        XCTAssertEqual(form.selection, 2)
        type("31-11-2026", into: form)
        _ = form.handle(.enter)
        XCTAssertNil(record.values["Datum"])
        XCTAssertTrue(lines(form).contains { $0.contains("november 2026 heeft 30 dagen") }, "a date that does not exist is refused")
        XCTAssertTrue(form.capturesKeys, "and stays open")
        _ = form.handle(.ctrl("u"))
        type("30-11-2026", into: form)
        // Tab onto a choice opens its list as a pop-up, drawn over the whole screen.
        guard case .popup(let list)? = form.handle(.tab) else { return XCTFail("the next field, a choice, opens its list") }
        XCTAssertEqual(record.values["Datum"], "30-11-2026")
        _ = list.handle(.down)
        guard case .close(let next) = list.handle(.tab) else { return XCTFail("Tab chooses") }
        XCTAssertEqual(record.values["Keuze"], "groen", "a list takes Tab too")
        guard case .stay = next else { return XCTFail("the choice is saved; the next field is a text") }
        XCTAssertEqual(form.selection, 4, "and opens the next field")
        XCTAssertTrue(form.capturesKeys)
    }

    /// Tab never leaves typing: Shift-Tab on the first field and Tab on the last (a one-line or a
    /// multi-line one) save and keep the coach typing there, saying so; the next letters are text.
    func testTabAndShiftTabAtTheEndsKeepTheCoachTyping() {
        let form = form()
        form.openForTyping()
        type("een", into: form)
        _ = form.handle(.backTab)
        XCTAssertEqual(record.values["Een"], "een", "saved")
        XCTAssertTrue(form.capturesKeys, "still typing in the first field")
        XCTAssertEqual(form.selection, 0)
        XCTAssertTrue(lines(form).contains { $0.contains("eerste veld") }, lines(form).joined(separator: "\n"))
        type(" e", into: form)
        XCTAssertFalse(lines(form).contains { $0.contains("eerste veld") }, "the notice goes at the next key")
        _ = form.handle(.enter)
        XCTAssertEqual(record.values["Een"], "een e", "the letters after Shift-Tab were text")
        XCTAssertFalse(form.capturesKeys, "Enter in a one-line field leaves")

        form.select(4)
        form.openForTyping()
        type("notitie", into: form)
        _ = form.handle(.tab)
        XCTAssertEqual(record.values["Notities"], "notitie")
        XCTAssertTrue(form.capturesKeys, "still writing in the last field")
        XCTAssertTrue(lines(form).contains { $0.contains("laatste veld") })
        type(" q", into: form)
        _ = form.handle(.tab)
        XCTAssertEqual(record.values["Notities"], "notitie q")
        _ = form.handle(.escape)
        XCTAssertFalse(form.capturesKeys, "only Esc leaves a text")
    }

    /// A list as the last field: Tab chooses and the list opens again, so keys stay the list's.
    func testTabInTheLastFieldsListChoosesAndKeepsTheListOpen() {
        let record = record
        let form = Form(kind: .recordForm, session: session, fields: [
            .init(label: "Een", value: { record.values["Een"] ?? "" }, edit: .text { record.values["Een"] = $0; return nil }),
            .init(label: "Keuze", value: { record.values["Keuze"] ?? "rood" }, edit: .choice(
                options: { ["rood", "groen"] }, selected: { record.values["Keuze"] == "groen" ? 1 : 0 },
                commit: { index in record.values["Keuze"] = ["rood", "groen"][index]; return nil })),
        ])
        form.resize(to: Rect(row: 0, col: 0, width: 60, height: 20))
        form.select(1)
        guard case .popup(let list) = form.openForTyping() else { return XCTFail("the list opens") }
        _ = list.handle(.down)
        guard case .close(.popup(let again)) = list.handle(.tab) else { return XCTFail("Tab chooses and the list opens again") }
        XCTAssertEqual(record.values["Keuze"], "groen")
        XCTAssertTrue(lines(form).contains { $0.contains("laatste veld") })
        guard case .close(.stay) = again.handle(.enter) else { return XCTFail("Enter chooses and closes the list") }
    }

    /// Tab passes over a row that opens another screen (a link cannot be typed in) to the next
    /// field that can; Shift-Tab the same way back. At the ends, the last typable field stays open.
    func testTabPassesOverLinks() {
        let record = record
        func text(_ label: String) -> Form.Field {
            .init(label: label, value: { record.values[label] ?? "" }, edit: .text { input in
                record.values[label] = input
                return nil
            })
        }
        final class Elsewhere: Screen {
            let kind = ScreenKind.recordForm
            let title = "Elders"
            func handle(_ key: Key) -> Navigation { .stay }
            func render(into canvas: inout Canvas, area: Rect) {}
        }
        let link = Form.Field(label: "Acties", value: { "" }, edit: .open { Elsewhere() })
        let form = Form(kind: .recordForm, session: session, fields: [text("Doelen"), link, link, text("Rol"), link])
        form.resize(to: Rect(row: 0, col: 0, width: 60, height: 20))
        form.openForTyping()
        type("doel", into: form)
        guard case .stay = form.handle(.tab) else { return XCTFail("no screen opens") }
        XCTAssertEqual(form.selection, 3, "past the links, onto the next text")
        XCTAssertTrue(form.capturesKeys)
        type("rol", into: form)
        _ = form.handle(.tab)
        XCTAssertEqual(record.values["Rol"], "rol")
        XCTAssertEqual(form.selection, 3, "the link after it is passed over too: the last field stays open")
        XCTAssertTrue(form.capturesKeys)
        _ = form.handle(.backTab)
        XCTAssertEqual(form.selection, 0, "Shift-Tab back over the links")
        type(" q", into: form)
        _ = form.handle(.enter)
        XCTAssertEqual(record.values["Doelen"], "doel q")
    }

    func testARefusalSaysWhyAndEscLeavesTheValue() {
        let form = form()
        form.openForTyping()
        type("nee", into: form)
        _ = form.handle(.enter)
        XCTAssertTrue(lines(form).contains { $0.contains("Een: nee is niet goed.") })
        _ = form.handle(.escape)
        XCTAssertFalse(form.capturesKeys)
        XCTAssertNil(record.values["Een"])
        XCTAssertFalse(lines(form).contains { $0.contains("nee is niet goed") }, "the reason goes with the edit")
    }

    func testMultiLineTextKeepsItsLinesAndItsDraft() throws {
        let form = form()
        form.select(4)
        form.openForTyping()
        type("eerste regel", into: form)
        _ = form.handle(.enter)
        type("tweede", into: form)
        XCTAssertNil(record.values["Notities"], "Enter is a new line, not confirm")
        XCTAssertNil(harness.store.flushDrafts())
        XCTAssertEqual(harness.store.drafts().map(\.text), ["eerste regel\ntweede"])

        // A new form (the program started again) takes the draft back into the same field.
        let again = self.form()
        XCTAssertTrue(again.resume(try XCTUnwrap(harness.store.drafts().first)))
        XCTAssertEqual(again.selection, 4)
        XCTAssertTrue(lines(again).contains { $0.contains("teruggezet") })
        _ = again.handle(.tab)
        XCTAssertEqual(record.values["Notities"], "eerste regel\ntweede")
        XCTAssertEqual(harness.store.drafts(), [], "a saved text's draft is gone")
        XCTAssertTrue(again.capturesKeys, "the last field: Tab saves and the coach writes on")
        _ = again.handle(.escape)
        XCTAssertTrue(lines(again).contains { $0.contains("eerste regel ¶ tweede") }, "a line break shows as ¶ on the row")
    }

    func testTheSelectedFieldIsShownInFullWhenItDoesNotFit() {
        record.values["Een"] = String(repeating: "lang ", count: 20)
        let form = form()
        XCTAssertTrue(lines(form)[1].trimmingCharacters(in: .whitespaces).hasSuffix("…"), lines(form).joined(separator: "\n"))
        let full = lines(form).suffix(3).joined(separator: " ")
        XCTAssertTrue(full.contains("Een: lang lang"), full)
        _ = form.handle(.down)
        XCTAssertFalse(lines(form).joined().contains("Een: lang"), "only the selected field")
    }

    func testALowFormScrollsWithItsHeadingsAndMarksWhatIsOutOfSight() {
        let form = form(height: 4)
        for _ in 0..<4 { _ = form.handle(.down) }
        var shown = lines(form, height: 4)
        XCTAssertTrue(shown.contains { $0.contains("Notities") })
        XCTAssertTrue(shown[0].hasPrefix("▲"), shown.joined(separator: "\n"))
        for _ in 0..<2 { _ = form.handle(.up) }
        shown = lines(form, height: 4)
        XCTAssertTrue(shown[0].contains("Tweede deel"), "scrolling up to a section's first field shows its heading: \(shown)")
        _ = form.handle(.up)
        shown = lines(form, height: 4)
        XCTAssertTrue(shown[0].hasPrefix("▲") && shown[0].contains("Twee"))
        XCTAssertTrue(shown[3].hasPrefix("▼") && shown[3].contains("Keuze"), shown.joined(separator: "\n"))
    }

    func testAQuestionFirstKeepsTheFieldOpenUntilItIsAnswered() {
        var asked = false
        let form = Form(kind: .recordForm, session: session, fields: [
            .init(label: "Geboortedatum", value: { "" }, edit: .line { _ in
                asked = true
                return .ask(NoticePopup("Zeker?"))
            }),
        ])
        form.openForTyping()
        guard case .popup? = form.handle(.enter) else { return XCTFail("a question is a pop-up") }
        XCTAssertTrue(asked && form.capturesKeys)
        form.finishEditing()
        XCTAssertFalse(form.capturesKeys)
    }
}
