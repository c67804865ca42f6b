import Caseload
import TerminalKit

/// One quick scan of a workplace: its day and its six texts, each saved when confirmed; Tab
/// leads from text to text. The texts keep no draft (docs/decisions.md, "Workplaces").
final class WorkplaceScanForm: FormScreen {
    let kind = ScreenKind.workplaceScan
    let title = "Quick scan"
    private let editor: WorkplaceEditor
    private let scanID: String
    let form: Form

    /// With `startsTyping` (a new scan) its first text is open for typing at once.
    init(editor: WorkplaceEditor, scanID: String, startsTyping: Bool = false) {
        self.editor = editor
        self.scanID = scanID
        func scan() -> WorkplaceScan? { editor.workplace?.scans.first { $0.id == scanID } }
        func update(_ change: (inout WorkplaceScan) throws(InputError) -> Void) -> String? {
            editor.apply { w throws(InputError) in
                guard var current = w.scans.first(where: { $0.id == scanID }) else { throw InputError("Deze scan bestaat niet meer.") }
                try change(&current)
                w.save(current)
            }
        }
        let today = editor.session.today
        let texts: [Form.Item] = WorkplaceScan.Text.allCases.map { text in
            .field(.init(label: text.label, value: { scan()?[text] ?? "" }, edit: .page { typed in
                update { s throws(InputError) in s[text] = try ChangePlan.validText(typed) }
            }))
        }
        form = Form(kind: kind, session: editor.session, items: [
            .field(.init(label: "Datum (dd-mm-jjjj)", value: { scan()?.date.text ?? "" }, edit: .date(optional: false) { day in
                update { s throws(InputError) in s.date = try Workplace.validScanDate(day ?? s.date, today: today) }
            })),
            .heading("Wat de werkplek is"),
        ] + texts, labelWidth: 40)
        if startsTyping {
            form.select(1)
            form.openForTyping()
        }
    }

    func handle(_ key: Key) -> Navigation {
        if editor.workplace != nil, let navigation = form.handle(key) { return navigation }
        return KeyTable.action(for: key, on: kind) == .back ? .pop : .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let workplace = editor.workplace else {
            canvas.putWrapped(editor.missing, row: area.row, col: 2, width: area.width - 4, style: .warning)
            return
        }
        let date = workplace.scans.first { $0.id == scanID }?.date.text ?? "?"
        canvas.put("\(workplace.name)  ·  Quick scan van \(date)", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}
