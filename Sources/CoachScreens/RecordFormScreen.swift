import Caseload
import TerminalKit

/// A small form for one record (an action, a person): a row per field, edited in place or
/// picked from a list. Each confirmed field is saved at once by its own `commit`, which returns
/// why it refused, if it did.
final class RecordFormScreen: Screen, FormScreen {
    struct Field {
        enum Edit {
            case text(commit: (String) -> String?)
            /// Options, the one now chosen, and what to do with a choice.
            case choice(options: () -> [String], selected: () -> Int, commit: (Int) -> String?)
            /// A row that opens another screen (a list that belongs to the record).
            case open(() -> any Screen)
        }

        let label: String
        /// The value as shown; for text, also what the edit starts from.
        let value: () -> String
        let edit: Edit
    }

    let kind: ScreenKind
    /// Short, for the title line; the heading says whose record it is.
    let title: String
    private let heading: String
    private let fields: [Field]
    var list: ListState
    var mode = FormMode.browsing
    var error: String?
    private var message: (text: String, style: Style)?
    /// Screens this form links to by a key of its own (a meeting: consent, actions).
    var links: [Action: () -> any Screen] = [:]

    /// Extra lines under the fields (a warning, a summary), computed each frame.
    private let footer: () -> [(text: String, style: Style)]

    /// What `e` does on a form that exports (a meeting); returns the message to show.
    private let export: (() -> (text: String, style: Style))?

    /// With `startsTyping` (a new record) the first field is open for typing at once.
    init(kind: ScreenKind = .recordForm, title: String, heading: String, startsTyping: Bool = false, fields: [Field],
         footer: @escaping () -> [(text: String, style: Style)] = { [] }, export: (() -> (text: String, style: Style))? = nil) {
        self.kind = kind
        self.footer = footer
        self.export = export
        self.title = title
        self.heading = heading
        self.fields = fields
        list = ListState(count: fields.count)
        if startsTyping { openSelectedForTyping() }
    }

    var capturesKeys: Bool { mode.capturesKeys }
    var bindings: [KeyBinding] { mode.bindings(for: kind) }
    private var field: Field { fields[list.selected] }

    func handle(_ key: Key) -> Navigation {
        switch mode {
        case .browsing:
            error = nil
            message = nil
            switch KeyTable.action(for: key, on: kind) {
            case .move: _ = list.handle(key, pageSize: fields.count)
            case .nextField: list.select(list.selected + 1)
            case .previousField: list.select(list.selected - 1)
            case .edit:
                if case .open(let screen) = field.edit { return .push(screen()) }
                openSelectedForTyping()
            case .exportMarkdown:
                if let export { message = export() }
            case .back: return .pop
            case let action?:
                if let link = links[action] { return .push(link()) }
            default: break
            }
        default:
            handleFormEdit(key)
        }
        return .stay
    }

    func openSelectedForTyping() {
        switch field.edit {
        case .text: mode = .editing(TextField(field.value()))
        case .choice(let options, let selected, _): mode = .picking(ListState(count: options().count, selected: selected()))
        case .open: break
        }
    }

    func commit(_ text: String) -> Bool {
        guard case .text(let commit) = field.edit else { return true }
        error = commit(text)
        return error == nil
    }

    func choose(_ index: Int) -> Bool {
        guard case .choice(let options, _, let commit) = field.edit else { return true }
        // The list may have changed under the picker: never pass on an index it no longer has.
        guard options().indices.contains(index) else {
            error = "Deze keuze bestaat niet meer; kies opnieuw."
            return false
        }
        error = commit(index)
        return error == nil
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let labelWidth = 26, valueCol = 2 + 26
        let valueWidth = area.width - valueCol - 2
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        // Messages and the footer wrap under the fields; the fields scroll in what is left.
        var notes: [(text: String, style: Style)] = []
        if let error { notes.append((error, .error)) }
        if let message { notes.append(message) }
        notes += footer()
        let noteLines = notes.flatMap { note in Glyphs.wrap(note.text, width: area.width - 4).map { ($0, note.style) } }
        let fieldRows = max(1, min(fields.count, area.height - 3 - noteLines.count))
        let shown = list.visibleRange(height: fieldRows)
        if shown.lowerBound > 0 { canvas.put("↑ meer", row: area.row + 1, col: valueCol, style: .dim) }
        for index in shown {
            let entry = fields[index]
            let row = area.row + 2 + index - shown.lowerBound
            let selected = index == list.selected
            canvas.put(entry.label, row: row, col: 2, style: selected ? .selected : .dim, padTo: labelWidth - 1)
            if selected, case .editing(let text) = mode {
                text.render(into: &canvas, row: row, col: valueCol, width: valueWidth)
                continue
            }
            let value = entry.value()
            canvas.put(value.isEmpty ? "–" : Glyphs.truncate(value, to: valueWidth), row: row, col: valueCol,
                       style: value.isEmpty ? .dim : .normal, maxWidth: valueWidth)
        }
        var row = area.row + 2 + shown.count
        if shown.upperBound < fields.count { canvas.put("↓ meer", row: row, col: valueCol, style: .dim) }
        row += 1
        // Notes never vanish silently: what does not fit is counted on the last line.
        let room = area.row + area.height - row
        let shownNotes = noteLines.count > room ? Array(noteLines.prefix(max(0, room - 1))) : noteLines
        for (text, style) in shownNotes {
            canvas.put(text, row: row, col: 2, style: style, maxWidth: area.width - 4)
            row += 1
        }
        if shownNotes.count < noteLines.count {
            canvas.put("↓ nog \(noteLines.count - shownNotes.count) regel(s): maak het venster hoger", row: row, col: 2, style: .warning,
                       maxWidth: area.width - 4)
        }
        if case .picking(let picker) = mode, case .choice(let options, _, _) = field.edit {
            Chrome.picker(&canvas, title: field.label, options: options(), state: picker)
        }
    }
}
