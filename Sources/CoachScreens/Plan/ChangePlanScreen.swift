import Caseload
import Foundation
import TerminalKit

/// The veranderplan as one page: its seven parts and the main strategy. A part opens in a text
/// area; what is typed is kept as a draft on every change until Tab or Ctrl-S confirms it.
/// Earlier versions can be paged through; the plan exports as Markdown.
final class ChangePlanScreen: Screen, OfOneYouth {
    private enum Row: Equatable {
        case part(ChangePlan.Part)
        case strategy

        var label: String {
            switch self {
            case .part(let part): part.label
            case .strategy: "Hoofdstrategie"
            }
        }
    }

    private enum Mode {
        case browsing
        case writing(TextFlow)
        /// Looking at earlier version `index` (0 is the oldest).
        case viewingVersion(Int)
    }

    let kind = ScreenKind.changePlan
    let title = "Veranderplan"
    let editor: YouthEditor
    private let rows: [Row] = ChangePlan.Part.allCases.map { .part($0) } + [.strategy]
    private var list = ListState(count: ChangePlan.Part.allCases.count + 1)
    private var mode = Mode.browsing
    private var message: (text: String, style: Style)?
    /// Where the page stands; moved with the selection in `handle` and `resize`.
    private var scroll = ScrollPosition()
    /// Each part's text wrapped for the page, kept from `handle` and `resize` so that a key
    /// wraps again only a part that changed (a part may hold 20,000 characters).
    private var wrapped: [String: (text: String, width: Int, lines: [String])] = [:]
    /// The size of the text area, from the screen area the App gives (`resize`), never from a frame.
    private var areaSize = (width: 76, height: 18)

    /// Opens the plan; with a draft of one of its parts, opens that part with the draft's text.
    init(editor: YouthEditor, resuming draft: Draft? = nil) {
        self.editor = editor
        if let draft, case .planPart(let part)? = draft.key {
            list.select(rows.firstIndex(of: .part(part)) ?? 0)
            mode = .writing(flow(for: part, resuming: draft.text))
            message = ("Concept van \(editor.session.dateTime(draft.saved)) teruggezet; Tab bevestigt.", .warning)
        }
    }

    func resize(to area: Rect) {
        areaSize = (max(2, area.width - 4), max(1, area.height - 4))
        keepWrapped()
    }

    /// A part in the flow of writing: from its draft when one is kept (offered back, or kept for later).
    private func flow(for part: ChangePlan.Part, resuming draft: String? = nil) -> TextFlow {
        let writer = TextEditor(youthID: editor.youth.id, field: .planPart(part), text: plan[part], resuming: draft,
                                keptIn: editor.session.store, tabLabel: "bevestig, volgende")
        if let restored = writer.restored { message = (TextEditor.restoredNotice(restored, session: editor.session), .warning) }
        return TextFlow(writer, row: rows.firstIndex(of: .part(part)) ?? 0, of: rows.count)
    }

    private var plan: ChangePlan { editor.youth.changePlan }
    private var selectedRow: Row { rows[list.selected] }

    var capturesKeys: Bool {
        if case .browsing = mode { return false }
        return true
    }

    var bindings: [KeyBinding] {
        switch mode {
        case .browsing: KeyTable.bindings(for: kind)
        case .writing(let flow): flow.bindings
        case .viewingVersion(let index):
            // ← to an earlier version and → to a later one, only where there is one.
            ComponentKeys.versions.keeping((index > 0 ? [.left] : []) + (index < editor.youth.changePlanVersions.count - 1 ? [.right] : []),
                                           of: .browseVersions)
        }
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Navigation {
        defer {
            // The page behind the text being written is laid out when the coach is back on it.
            if case .writing = mode {} else { keepWrapped(); scrollToSelection() }
        }
        switch mode {
        case .browsing:
            message = nil
            return handleBrowsing(key)
        case .writing(var flow):
            return handleWriting(key, &flow)
        case .viewingVersion(let index):
            switch bindings.action(for: key) {
            case .browseVersions:
                let step = key == .left ? -1 : 1
                mode = .viewingVersion(min(max(0, index + step), editor.youth.changePlanVersions.count - 1))
            case .back: mode = .browsing
            default: break
            }
        }
        return .stay
    }

    private func handleBrowsing(_ key: Key) -> Navigation {
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = list.handle(key, pageSize: rows.count)
        case .nextField: list.select(list.selected + 1)
        case .previousField: list.select(list.selected - 1)
        case .edit: return open(list.selected, inFlow: false)
        case .versions:
            let count = editor.youth.changePlanVersions.count
            if count == 0 { message = ("Er zijn nog geen eerdere versies: een versie ontstaat bij de eerste wijziging op een nieuwe dag.", .dim) }
            else { mode = .viewingVersion(count - 1) }
        case .exportMarkdown: exportMarkdown()
        case .openActions: return .push(ActionsScreen(editor: editor))
        case .openMatch: return .push(MatchScreen(editor: editor))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    private func handleWriting(_ key: Key, _ flow: inout TextFlow) -> Navigation {
        guard case .part(let part) = selectedRow else { return .stay }
        let (step, failure) = flow.write(key, size: areaSize, session: editor.session) { text in
            do throws(InputError) {
                let value = try ChangePlan.validText(text)
                return change { $0[part] = value }
            } catch {
                return error.message
            }
        }
        mode = .writing(flow)
        message = flow.message(after: failure, standing: message)
        switch step {
        case .writing: return .stay
        case .stopped:
            message = nil
            mode = .browsing
            return .stay
        case .open(let row):
            message = nil
            return open(row, inFlow: true)
        }
    }

    /// Opens row `index` for typing: a part in the text editor, the strategy in its list. In the
    /// flow of writing (Tab from a part), Shift-Tab in the list goes back to the last part, and Tab
    /// chooses and stays in the list, the plan's last row (Enter or Esc closes it).
    private func open(_ index: Int, inFlow: Bool) -> Navigation {
        list.select(index)
        switch selectedRow {
        case .part(let part):
            mode = .writing(flow(for: part))
            return .stay
        case .strategy:
            mode = .browsing
            let picker = Picker(title: "Hoofdstrategie", options: ["– (nog niet gekozen)"] + MainStrategy.allCases.map(\.label),
                                selected: plan.strategy.flatMap { MainStrategy.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0,
                                inForm: inFlow)
            return .popup(PickerPopup(picker) { [self] index, move in
                let strategy = index == 0 ? nil : MainStrategy.allCases[index - 1]
                if let failure = change({ $0.strategy = strategy }) {
                    message = (failure, .error)
                    return .stay
                }
                guard move != 0 else { return .stay }
                guard let previous = TextFlow.next(from: list.selected, move: move, count: rows.count) else {
                    message = (TextFlow.endNotice(first: false, noun: .part), TextFlow.noticeStyle)
                    return open(list.selected, inFlow: true)
                }
                message = nil
                return open(previous, inFlow: true)
            })
        }
    }

    /// Changes the plan and saves it; returns why that failed, or nil.
    private func change(_ update: (inout ChangePlan) -> Void) -> String? {
        let session = editor.session
        return editor.apply { $0.updatePlan(now: session.now, today: session.today, timeZone: session.timeZone, update) }
    }

    private func exportMarkdown() {
        let youth = editor.youth
        do {
            let path = try editor.session.store.writeExport(PlanMarkdown.render(youth, today: editor.session.today, timeZone: editor.session.timeZone), named: PlanMarkdown.fileName(for: youth, on: editor.session.today), youthID: youth.id)
            message = ("Geëxporteerd naar \(path) in de gegevensmap", .accent)
        } catch {
            message = ("Export mislukt: \(error.localizedDescription)", .error)
        }
    }

    // MARK: - Drawing

    func render(into canvas: inout Canvas, area: Rect) {
        let heading = "\(editor.youth.name)  ·  Veranderplan"
        var right = plan.changed.map { "gewijzigd \(editor.session.dateTime($0))" } ?? "nog niet geschreven"
        let versions = editor.youth.changePlanVersions.count
        if versions > 0 { right += " · \(versions) eerdere versie\(versions == 1 ? "" : "s")" }
        let used = canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        // When it does not fit beside the name, it goes on the blank line under it: never dropped.
        if used + Glyphs.width(of: right) + 6 <= area.width {
            canvas.put(right, row: area.row, col: area.width - Glyphs.width(of: right) - 2, style: .dim)
        } else {
            canvas.put(right, row: area.row + 1, col: max(2, area.width - Glyphs.width(of: right) - 2), style: .dim, maxWidth: area.width - 4)
        }
        let body = Rect(row: area.row + 2, col: 2, width: area.width - 4, height: area.height - 3)
        switch mode {
        case .writing(let flow):
            guard case .part(let part) = selectedRow else { break }
            canvas.put(part.label, row: body.row, col: body.col, style: .selected, padTo: body.width)
            flow.render(into: &canvas, rect: Rect(row: body.row + 1, col: body.col, width: body.width, height: body.height - 1))
        case .viewingVersion(let index):
            let version = editor.youth.changePlanVersions[index]
            let when = version.changed.map { "zoals op \(editor.session.day(of: $0).text)" } ?? ""
            canvas.put("Eerdere versie \(index + 1) van \(versions) \(when) (alleen lezen)", row: body.row, col: body.col, style: .warning, maxWidth: body.width)
            renderDocument(version, into: &canvas, rect: Rect(row: body.row + 1, col: body.col, width: body.width, height: body.height - 1), selectable: false)
        default:
            renderDocument(plan, into: &canvas, rect: body, selectable: true)
        }
        if let message {
            canvas.putAbove(message.text, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: message.style)
        }
    }

    private typealias DocumentLine = (text: String, style: Style, row: Int)

    /// The plan as headings with their text under them, wrapped to `width`.
    private func documentLines(_ plan: ChangePlan, width: Int, selectable: Bool) -> [DocumentLine] {
        var lines: [DocumentLine] = []
        for (index, row) in rows.enumerated() {
            let selected = selectable && index == list.selected
            lines.append((row.label, selected ? .selected : .heading, index))
            let text: String
            switch row {
            case .part(let part): text = plan[part]
            case .strategy: text = plan.strategy?.label ?? ""
            }
            if text.isEmpty {
                lines.append(("–", .dim, index))
            } else {
                for line in wrap(text, row: row, width: width - 2) { lines.append((line, .normal, index)) }
            }
            lines.append(("", .normal, index))
        }
        return lines
    }

    /// A part's text wrapped to `width`: the kept lines when they are of this text and width.
    private func wrap(_ text: String, row: Row, width: Int) -> [String] {
        if let kept = wrapped[row.label], kept.width == width, kept.text == text { return kept.lines }
        return Glyphs.wrap(text, width: width)
    }

    /// Wraps again the parts whose text changed since they were kept (in `handle` and `resize`).
    private func keepWrapped() {
        let width = areaSize.width - 2
        for case .part(let part) in rows {
            let text = plan[part]
            if let kept = wrapped[part.label], kept.width == width, kept.text == text { continue }
            wrapped[part.label] = (text, width, Glyphs.wrap(text, width: width))
        }
    }

    /// After a move: the page scrolls with the selection (drawing never scrolls).
    private func scrollToSelection() {
        let lines = documentLines(plan, width: areaSize.width, selectable: true)
        // The last line is a blank spacer: nothing to scroll to.
        scroll.resize(count: lines.count - 1, height: areaSize.height + 1)
        if let start = lines.firstIndex(where: { $0.row == list.selected }) {
            scroll.keepVisible(start..<(lines.lastIndex { $0.row == list.selected } ?? start) + 1)
        }
    }

    private func renderDocument(_ plan: ChangePlan, into canvas: inout Canvas, rect: Rect, selectable: Bool) {
        let lines = documentLines(plan, width: rect.width, selectable: selectable)
        // A copy, clamped to this rectangle: drawing changes nothing.
        let window = ScrollPosition(count: lines.count - 1, height: rect.height, top: scroll.top)
        for (offset, line) in lines[window.visible].enumerated() {
            let indent = line.style == .heading || line.style == .selected ? 0 : 2
            canvas.put(line.text, row: rect.row + offset, col: rect.col + indent, style: line.style,
                       padTo: line.style == .selected ? rect.width : rect.width - indent)
        }
        window.drawMarks(into: &canvas, rect: rect, col: rect.col - 2)
    }
}
