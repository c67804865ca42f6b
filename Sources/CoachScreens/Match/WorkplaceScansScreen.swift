import Caseload
import TerminalKit

/// The quick scans of a workplace, newest first: a later scan sits beside the earlier ones. `n`
/// makes one on a day (today filled in, an earlier day allowed), Enter opens one, `d` removes one
/// after a question.
final class WorkplaceScansScreen: Screen {
    let kind = ScreenKind.workplaceScans
    let title = "Quick scans"
    private let editor: WorkplaceEditor
    private var table = Table(columns: [.init("Datum", width: 10), .init("Ingevuld", width: 8), .init("Sfeer", width: 40, minimum: 10)])
    /// Why the last key did nothing, or what went wrong saving.
    private var error: String?

    init(editor: WorkplaceEditor) {
        self.editor = editor
        table.setCount(scans.count)
    }

    private var scans: [WorkplaceScan] { editor.workplace?.scansNewestFirst ?? [] }
    private var selected: WorkplaceScan? { scans.indices.contains(table.selected) ? scans[table.selected] : nil }

    /// Enter and removal only on a selected scan; nothing new on a workplace that cannot be read.
    var bindings: [KeyBinding] {
        KeyTable.bindings(for: kind).dropping(.open, .remove, when: selected == nil).dropping(.new, when: editor.workplace == nil)
    }

    func willAppear() { table.setCount(scans.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        guard let action = bindings.action(for: key) else { return .stay }
        error = nil
        switch action {
        case .move: _ = table.handle(key)
        case .open: if let scan = selected { return .push(WorkplaceScanForm(editor: editor, scanID: scan.id)) }
        case .new: return newScan()
        case .remove: if let scan = selected { return remove(scan) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// Asks the day, saves the scan on it and opens it with its first text ready for typing.
    private func newScan() -> Navigation {
        let session = editor.session
        let question = "Op welke dag is de werkplek gescand? Een eerdere dag mag; de eerdere scans blijven staan."
        return .popup(DatePrompt.popup(title: "Nieuwe quick scan", question: question,
                                       day: session.today, enterLabel: "maak aan") { [self] day throws(InputError) in
            let scan = WorkplaceScan(date: try Workplace.validScanDate(day, today: session.today))
            if let failure = editor.apply({ $0.save(scan) }) { return .refuse(failure) }
            table.setCount(scans.count)
            table.select(scans.firstIndex { $0.id == scan.id } ?? 0)
            return .done(.push(WorkplaceScanForm(editor: editor, scanID: scan.id, startsTyping: true)))
        })
    }

    /// Asks before removing, naming the scan; Enter means no.
    private func remove(_ scan: WorkplaceScan) -> Navigation {
        let confirm = Confirm(title: "Scan verwijderen",
                              question: "Quick scan van \(scan.date.text) verwijderen? De andere scans van deze werkplek blijven staan.",
                              yes: "ja, verwijder")
        return .popup(ConfirmPopup(confirm) { [self] answer in
            guard answer == .yes else { return .stay }
            error = editor.apply { w throws(InputError) in try w.remove(scanID: scan.id) }
            table.setCount(scans.count)
            return .stay
        })
    }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let workplace = editor.workplace else {
            canvas.putWrapped(editor.missing, row: area.row, col: 2, width: area.width - 4, style: .warning)
            return
        }
        let count = workplace.scans.count == 1 ? "1 scan" : "\(workplace.scans.count) scans"
        let heading = "\(workplace.name)  ·  Quick scans: \(count)" + (workplace.scans.count > 1 ? ", nieuwste bovenaan" : "")
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let shown = scans
        let texts = WorkplaceScan.Text.allCases
        table.render(into: &canvas, count: shown.count, row: { index in
            let scan = shown[index]
            let filled = texts.filter { !scan[$0].isEmpty }
            let atmosphere = Form.oneLine(scan.atmosphere)
            return Table.Row([scan.date.text, "\(filled.count) van \(texts.count)", atmosphere.isEmpty ? "–" : atmosphere],
                             full: "\(scan.date.text): \(filled.isEmpty ? "nog niets ingevuld" : filled.map(\.label).joined(separator: ", "))"
                                 + (atmosphere.isEmpty ? "" : " · Sfeer: \(atmosphere)"))
        }, empty: "Nog geen quick scans. Druk op n om de werkplek te scannen.", note: error.map { ($0, .error) })
    }
}
