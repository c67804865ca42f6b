import Caseload
import Foundation
import TerminalKit

/// A scrolling form: section headings and fields, each field one line (text, date, a choice
/// from a list, a link to another screen) or a multi-line text written in the text editor with
/// its draft. A screen builds its fields and draws the form in a part of its area; the form owns
/// the selection, the scrolling, the editing, its key rows and the reason a value was refused.
///
/// Tab confirms a field and opens the next one for typing (passing over links to other screens;
/// at the last field, and Shift-Tab at the first, the coach types on in the same one), as
/// `TextFlow` decides for every page of texts: only Esc, or Enter in a one-line field, leaves
/// typing. Every confirmed value is saved at once by the field's own `commit`. A value that does not fit ends in "…" and the selected
/// field is then shown in full under the form.
final class Form {
    /// What a field's commit says: saved, refused (the field stays open with the reason), or a
    /// question first (the pop-up saves and calls `finishEditing`, or leaves the field open).
    enum Reply {
        case saved
        case refused(String)
        case ask(any Popup)
        /// The choice asks more than a field holds: its own screen opens (choosing Afgesloten opens
        /// the closing form); nothing is saved here.
        case open(any Screen)

        init(failure: String?) { self = failure.map { .refused($0) } ?? .saved }
    }

    struct Field {
        enum Edit {
            /// One line of text (a date is one, parsed by `date`).
            case line(commit: (String) -> Reply)
            /// Text over several lines, in the text editor; what is typed is kept as a draft.
            case multiline(youthID: String, draft: DraftField, commit: (String) -> String?)
            /// Text over several lines of a record outside a dossier (a workplace): no draft, saved
            /// on Tab and Ctrl-S as every text.
            case page(commit: (String) -> String?)
            /// Options, the one now chosen, and what to do with a choice.
            case pick(options: () -> [String], selected: () -> Int, commit: (Int) -> Reply)
            /// Options of which several may be ticked (a checklist), the ticked ones, and what to do.
            case check(options: () -> [String], checked: () -> Set<Int>, commit: (Set<Int>) -> Reply)
            /// A row that opens another screen (a list that belongs to the record).
            case open(() -> any Screen)
            /// A row that does something on Enter (the last row of a one-shot form: close the case,
            /// after a question). Tab passes over it, as over a link.
            case run(() -> Reply)

            static func text(commit: @escaping (String) -> String?) -> Edit { .line { Reply(failure: commit($0)) } }

            /// What saves a multi-line text, of either kind.
            var textCommit: ((String) -> String?)? {
                switch self {
                case .multiline(_, _, let commit), .page(let commit): commit
                default: nil
                }
            }

            /// A day; empty is nil, and refused unless `optional`.
            static func date(optional: Bool = true, commit: @escaping (LocalDate?) -> String?) -> Edit {
                .line { text in
                    if text.trimmingCharacters(in: .whitespaces).isEmpty {
                        return optional ? Reply(failure: commit(nil)) : .refused("Vul een datum in (dd-mm-jjjj).")
                    }
                    do throws(InputError) { return Reply(failure: commit(try LocalDate.parseInput(text))) } catch { return .refused(error.message) }
                }
            }

            static func choice(options: @escaping () -> [String], selected: @escaping () -> Int,
                               commit: @escaping (Int) -> String?) -> Edit {
                .pick(options: options, selected: selected) { Reply(failure: commit($0)) }
            }
        }

        let label: String
        /// The value as stored; for text, also what the edit starts from.
        let value: () -> String
        let edit: Edit
        /// How the value is shown, one cell per column of the form (default: the value, dim when
        /// empty). One cell spans every column.
        var cells: (() -> [(text: String, style: Style)])?
        /// The column a one-line edit is typed in (a ZRM note beside its score).
        var editColumn = 0
        /// The longest text a one-line edit takes (`TextLimits`); a multi-line text takes a page.
        var limit = TextLimits.line

        init(label: String, value: @escaping () -> String, edit: Edit, cells: (() -> [(text: String, style: Style)])? = nil,
             editColumn: Int = 0, limit: Int = TextLimits.line) {
            self.label = label
            self.value = value
            self.edit = edit
            self.cells = cells
            self.editColumn = editColumn
            self.limit = limit
        }
    }

    enum Item {
        case heading(String)
        case field(Field)
    }

    private enum Mode {
        case browsing
        case editing(TextField)
        case writing(TextFlow)
    }

    /// The screen the form is on: its key rows apply while browsing.
    let kind: ScreenKind
    private let session: Session
    private let items: [Item]
    /// Indexes in `items` of the fields, the rows one can select.
    private let fieldIndexes: [Int]
    private var fields: ListState
    /// Which items show; moved by the keys and resizes only, never by drawing.
    private var scrollPosition = ScrollPosition()
    private var mode = Mode.browsing
    /// Where the form draws, from the screen's `resize`.
    private(set) var area = Rect(row: 2, col: 0, width: 80, height: 18)
    private let labelWidth: Int
    /// Column headers over the values (the ZRM's score, previous, note), if any.
    private let columns: [TableLayout.Column]
    var error: String?
    var message: (text: String, style: Style)?
    /// Extra lines under the fields (a warning, a hint), computed each frame.
    var footer: () -> [(text: String, style: Style)] = { [] }
    /// The act of a one-shot form that saves its values at its last row ("afsluiten"); nil when a
    /// confirmed field is saved at once. A held form's texts keep their drafts until
    /// `dropHeldDrafts`, and no notice says "opgeslagen".
    let heldUntil: String?

    init(kind: ScreenKind, session: Session, items: [Item], labelWidth: Int = 26, columns: [TableLayout.Column] = [],
         heldUntil: String? = nil) {
        self.heldUntil = heldUntil
        self.kind = kind
        self.session = session
        self.items = items
        self.labelWidth = labelWidth
        self.columns = columns
        fieldIndexes = items.indices.filter { if case .field = items[$0] { true } else { false } }
        fields = ListState(count: fieldIndexes.count)
    }

    convenience init(kind: ScreenKind, session: Session, fields: [Field], labelWidth: Int = 26) {
        self.init(kind: kind, session: session, items: fields.map { .field($0) }, labelWidth: labelWidth)
    }

    // MARK: - State

    /// The selected field, counted among the fields (headings not counted).
    var selection: Int { fields.selected }
    /// On the last field: in a one-shot form, the row that acts.
    var isOnLastField: Bool { !fieldIndexes.isEmpty && fields.selected == fieldIndexes.count - 1 }
    /// The index in `items` of the selected field; nil in a form without fields.
    private var selectedItem: Int? { fieldIndexes.isEmpty ? nil : fieldIndexes[fields.selected] }
    /// The fields that can be typed in or chosen from, counted among the fields: all but links.
    private var typableFields: [Int] {
        fieldIndexes.indices.filter { position in
            guard case .field(let field) = items[fieldIndexes[position]] else { return true }
            switch field.edit {
            case .open, .run: return false
            default: return true
            }
        }
    }
    private var field: Field {
        guard case .field(let field) = items[fieldIndexes[fields.selected]] else { preconditionFailure("a field index holds a field") }
        return field
    }

    var isBrowsing: Bool {
        if case .browsing = mode { return true }
        return false
    }

    var capturesKeys: Bool { !isBrowsing }

    /// The keys of the form while it edits; nil while browsing (the screen's own rows apply).
    var editingBindings: [KeyBinding]? {
        switch mode {
        case .browsing: nil
        case .editing: heldUntil.map { ComponentKeys.field.naming(.confirm, "bevestig", help: ComponentKeys.held($0)) } ?? ComponentKeys.field
        case .writing(let writer): writer.bindings
        }
    }

    func select(_ index: Int) {
        fields.select(index)
        scroll()
    }

    /// Selects the field with `label` (a question leads on to it), if the form has one.
    func select(labeled label: String) {
        let position = fieldIndexes.firstIndex { index in
            if case .field(let field) = items[index] { field.label == label } else { false }
        }
        if let position { select(position) }
    }

    /// The area the form draws in, from the screen's `resize`.
    func resize(to rect: Rect) {
        area = rect
        scroll()
    }

    /// Closes an edit whose value a pop-up saved (the answer to `Reply.ask`).
    func finishEditing() {
        mode = .browsing
        error = nil
    }

    /// Opens the multi-line field that `draft` belongs to with the draft's text; false when no
    /// field of this form has that key.
    @discardableResult
    func resume(_ draft: Draft) -> Bool {
        for (position, index) in fieldIndexes.enumerated() {
            guard case .field(let candidate) = items[index], case .multiline(let youthID, let key, _) = candidate.edit,
                  youthID == draft.youthID, key == draft.key else { continue }
            select(position)
            mode = .writing(writer(youthID: youthID, key: key, text: candidate.value(), resuming: draft.text))
            message = ("Concept van \(session.dateTime(draft.saved)) teruggezet; Tab bevestigt.", .warning)
            return true
        }
        return false
    }

    // MARK: - Keys

    /// Handles `key`. Returns nil for a key that is not the form's: while browsing, a screen's
    /// own action (a phase change, a score); the screen handles that.
    func handle(_ key: Key) -> Navigation? {
        guard !fieldIndexes.isEmpty else { return nil }
        defer { scroll() }
        switch mode {
        case .browsing:
            error = nil
            message = nil
            switch KeyTable.action(for: key, on: kind) {
            case .move: _ = fields.handle(key, pageSize: pageSize)
            case .nextField: fields.select(fields.selected + 1)
            case .previousField: fields.select(fields.selected - 1)
            case .edit:
                if case .open(let screen) = field.edit { return .push(screen()) }
                if case .run(let action) = field.edit { return settle(action(), move: 0) }
                return openForTyping()
            default: return nil
            }
            return .stay
        case .editing(let text):
            // A notice (the last field reached) is about the key before.
            if message?.style == TextFlow.noticeStyle { message = nil }
            switch LineEdit.handle(key, text, rows: ComponentKeys.field, label: field.label) {
            case .editing(let edited, let changed):
                // A refusal is about the value refused: once the coach changes it, it goes.
                if changed { error = nil }
                mode = .editing(edited)
            case .refused(let reason): error = reason
            case .cancelled: finishEditing()
            case .confirmed(let typed, let move):
                guard case .line(let commit) = field.edit else { return .stay }
                return settle(commit(typed), move: move)
            case .ignored: break
            }
            return .stay
        case .writing(var flow):
            guard let commit = field.edit.textCommit else { return .stay }
            let (step, failure) = flow.write(key, size: writerSize, session: session, save: commit)
            error = failure
            message = flow.message(after: nil, standing: message)
            switch step {
            case .writing: mode = .writing(flow)
            case .stopped:
                mode = .browsing
                message = nil
            case .open(let row):
                mode = .browsing
                message = nil
                fields.select(row)
                return openForTyping()
            }
            return .stay
        }
    }

    /// What a commit said: saved (then Tab moves on and opens the next field), refused, or a question.
    private func settle(_ reply: Reply, move: Int) -> Navigation {
        switch reply {
        case .saved:
            finishEditing()
            return advance(by: move)
        case .refused(let reason): error = reason
        case .ask(let popup):
            // The value passed its checks; only the question remains.
            error = nil
            return .popup(popup)
        case .open(let screen):
            finishEditing()
            return .push(screen)
        }
        return .stay
    }

    /// Tab (Shift-Tab) after a saved value: the next (previous) field that can be typed in opens;
    /// at the last (first), the same one opens again with a notice, so typing goes on.
    private func advance(by step: Int) -> Navigation {
        guard step != 0 else { return .stay }
        guard let target = TextFlow.next(from: fields.selected, move: step, among: typableFields) else {
            let opened = openForTyping()
            message = (TextFlow.endNotice(first: step < 0, noun: .field, heldUntil: heldUntil), TextFlow.noticeStyle)
            return opened
        }
        fields.select(target)
        return openForTyping()
    }

    /// Opens the selected field for typing, or its list (a pop-up): a new record starts this way,
    /// and Tab leads from field to field like this.
    @discardableResult
    func openForTyping() -> Navigation {
        guard !fieldIndexes.isEmpty else { return .stay }
        switch field.edit {
        case .line: mode = .editing(TextField(field.value(), limit: field.limit))
        case .pick(let options, let selected, let commit):
            var picker = Picker(title: field.label, options: options(), selected: selected(), inForm: true)
            picker.heldUntil = heldUntil
            return .popup(PickerPopup(picker) { [self] index, move in
                // The list may have changed under the picker: never pass on an index it no longer has.
                guard options().indices.contains(index) else {
                    error = "Deze keuze bestaat niet meer; kies opnieuw."
                    return .stay
                }
                return settle(commit(index), move: move)
            })
        case .check(let options, let checked, let commit):
            var picker = Picker(title: field.label, options: options(), checked: checked(), inForm: true)
            picker.heldUntil = heldUntil
            return .popup(ChecklistPopup(picker) { [self] items, move in
                settle(commit(items.filter(options().indices.contains)), move: move)
            })
        case .multiline(let youthID, let key, _):
            mode = .writing(writer(youthID: youthID, key: key, text: field.value()))
        case .page:
            let writer = TextEditor(undrafted: field.value(), tabLabel: Self.tabLabel)
            mode = .writing(TextFlow(writer, row: fields.selected, among: typableFields, noun: .field, heldUntil: heldUntil))
        case .open, .run: break
        }
        return .stay
    }

    /// The selected multi-line field in the flow of writing: Tab confirms it and opens the next
    /// field. It starts from its draft when one is kept (offered back, or kept for later).
    private func writer(youthID: String, key: DraftField, text: String, resuming draft: String? = nil) -> TextFlow {
        let writer = TextEditor(youthID: youthID, field: key, text: text, resuming: draft, keptIn: session.store,
                                tabLabel: Self.tabLabel, heldUntil: heldUntil)
        if let restored = writer.restored { message = (TextEditor.restoredNotice(restored, session: session), .warning) }
        return TextFlow(writer, row: fields.selected, among: typableFields, noun: .field, heldUntil: heldUntil)
    }

    /// The drafts of this form's texts go: the one-shot form acted, or the coach threw it away.
    func dropHeldDrafts() {
        for case .field(let field) in items {
            if case .multiline(let youthID, let key, _) = field.edit { session.store.removeDraft(youthID: youthID, field: key) }
        }
    }

    private static let tabLabel = "bevestig, volgende"

    // MARK: - Layout

    private var valueCol: Int { area.col + 2 + effectiveLabelWidth }
    private var valueWidth: Int { max(1, area.col + area.width - valueCol - 1) }
    /// Narrow windows give the label two fifths of the width at most.
    private var effectiveLabelWidth: Int { min(labelWidth, max(10, (area.width - 4) * 2 / 5)) }
    private var headerRows: Int { columns.isEmpty ? 0 : 1 }
    /// The editor takes the form's area below the field's label, minus two lines for messages.
    private var writerSize: (width: Int, height: Int) { (max(2, area.width - 6), max(1, area.height - 4)) }

    private var noteLines: [(text: String, style: Style)] {
        let width = max(1, area.width - 4)
        var notes: [(text: String, style: Style)] = []
        if let error { notes.append((error, .error)) }
        if let message { notes.append(message) }
        notes += footer()
        var lines = notes.flatMap { note in Glyphs.wrap(note.text, width: width).map { (text: $0, style: note.style) } }
        if isBrowsing, let full = fullText {
            lines += Glyphs.wrap(full, width: width, maxLines: 3).map { (text: $0, style: Style.dim) }
        }
        return lines
    }

    /// The rows the items scroll in: the area minus the column header and the notes under it.
    private var pageSize: Int { itemRows(notes: noteLines.count) }

    /// The rows left for the items under `notes` lines of notes; the notes give way (and say how
    /// many lines did not fit) so that at least one row remains.
    private func itemRows(notes: Int) -> Int { max(1, area.height - headerRows - min(notes, area.height - headerRows - 1)) }

    /// The window for a page of `height` rows: moved from where the keys left it as little as
    /// needed to show the selection, with its section heading when scrolling up to it.
    private func window(height: Int) -> ScrollPosition {
        var window = scrollPosition
        window.resize(count: items.count, height: height)
        guard let selected = selectedItem else { return window }
        window.keepVisible((height > 1 && isHeading(selected - 1) ? selected - 1 : selected)..<selected + 1)
        return window
    }

    private func isHeading(_ index: Int) -> Bool {
        guard items.indices.contains(index), case .heading = items[index] else { return false }
        return true
    }

    private func scroll() { scrollPosition = window(height: pageSize) }

    /// The display cells of a field: its own, or the value (on one line, ¶ for a line break).
    private static func cells(of field: Field) -> [(text: String, style: Style)] {
        if let cells = field.cells { return cells() }
        let value = oneLine(field.value())
        return [(value.isEmpty ? "–" : value, value.isEmpty ? .dim : .normal)]
    }

    /// A value on one line. Only its start can show (a row, or three lines under the form), so a
    /// long text is taken up to `shownAtMost` characters: drawing it costs what shows, and what
    /// is left out is still marked "…" where it is cut.
    static func oneLine(_ text: String) -> String {
        let start = text.index(text.startIndex, offsetBy: shownAtMost, limitedBy: text.endIndex) ?? text.endIndex
        return text[..<start].split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ¶ ")
            + (start < text.endIndex ? "…" : "")
    }

    /// More characters than any row or the three lines of the selected field's full text show.
    static let shownAtMost = 1_000

    /// Where each cell goes: the form's columns, or one cell over the whole value width.
    private func cellLayout(count: Int) -> [(col: Int, width: Int)] {
        guard count > 1, !columns.isEmpty else { return [(valueCol, valueWidth)] }
        let table = TableLayout(columns, width: area.col + area.width, left: valueCol)
        return zip(table.starts, table.widths).map { (col: $0, width: $1) }
    }

    /// The selected field in full ("label: value"), when its value does not fit on its row.
    private var fullText: String? {
        guard !fieldIndexes.isEmpty else { return nil }
        let cells = Self.cells(of: field)
        let layout = cellLayout(count: cells.count)
        let cut = zip(cells, layout).contains { Glyphs.width(of: $0.0.text) > $0.1.width } || field.value().utf8.contains(0x0A)
            || Glyphs.width(of: field.label) > effectiveLabelWidth - 1
        guard cut else { return nil }
        let shown = cells.map(\.text).filter { !$0.isEmpty }
        return "\(field.label): \(shown.isEmpty ? "–" : shown.joined(separator: " · "))"
    }

    // MARK: - Drawing

    /// How many rows the form needs to show everything at once, for a screen that sizes it.
    var naturalHeight: Int { items.count + headerRows + noteLines.count }

    func render(into canvas: inout Canvas) {
        if case .writing(let writer) = mode {
            renderWriting(writer, into: &canvas)
            return
        }
        let notes = noteLines
        if headerRows > 0 {
            let table = TableLayout(columns, width: area.col + area.width, left: valueCol)
            table.put(columns.map(\.title), row: area.row, into: &canvas, style: .heading)
        }
        let height = itemRows(notes: notes.count)
        let window = window(height: height)
        let shown = window.visible
        var row = area.row + headerRows
        for index in shown {
            switch items[index] {
            case .heading(let text):
                canvas.put(text, row: row, col: area.col + 2, style: .heading, maxWidth: area.width - 4)
            case .field(let entry):
                renderField(entry, selected: index == selectedItem, row: row, into: &canvas)
            }
            row += 1
        }
        window.drawMarks(into: &canvas, rect: Rect(row: area.row + headerRows, col: area.col, width: area.width, height: height), col: area.col)
        // Notes never vanish silently: what does not fit is counted on the last line.
        let room = area.height - headerRows - 1
        let shownNotes = notes.count > room ? Array(notes.prefix(max(0, room - 1))) : notes
        row = area.row + area.height - shownNotes.count - (shownNotes.count < notes.count ? 1 : 0)
        for line in shownNotes {
            canvas.put(line.text, row: row, col: area.col + 2, style: line.style, maxWidth: area.width - 4)
            row += 1
        }
        if shownNotes.count < notes.count {
            canvas.put("↓ nog \(notes.count - shownNotes.count) regel(s): maak het venster hoger", row: row, col: area.col + 2,
                       style: .warning, maxWidth: area.width - 4)
        }
    }

    private func renderField(_ entry: Field, selected: Bool, row: Int, into canvas: inout Canvas) {
        canvas.put(entry.label, row: row, col: area.col + 2, style: selected ? .selected : .dim, padTo: effectiveLabelWidth - 1)
        let cells = Self.cells(of: entry)
        let layout = cellLayout(count: cells.count)
        for (position, (cell, place)) in zip(cells, layout).enumerated() {
            if selected, position == entry.editColumn, case .editing = mode { continue }
            canvas.put(cell.text, row: row, col: place.col, style: selected && cells.count == 1 ? .selected : cell.style, maxWidth: place.width)
        }
        if selected, case .editing(let text) = mode {
            // In its own column, unless that is too narrow to type in: then over the whole value.
            let place = layout[min(entry.editColumn, layout.count - 1)]
            let col = area.col + area.width - place.col - 1 >= 16 ? place.col : valueCol
            canvas.fill(Rect(row: row, col: col, width: area.col + area.width - col, height: 1))
            text.render(into: &canvas, row: row, col: col, width: area.col + area.width - col - 1)
        }
    }

    /// A multi-line field being written: its heading and label, the editor under them, and the
    /// messages in the last two rows.
    private func renderWriting(_ writer: TextFlow, into canvas: inout Canvas) {
        let index = fieldIndexes[fields.selected]
        var row = area.row
        if let heading = items[..<index].reversed().lazy.compactMap({ if case .heading(let text) = $0 { text } else { nil } }).first {
            canvas.put(heading, row: row, col: area.col + 2, style: .heading, maxWidth: area.width - 4)
            row += 1
        }
        canvas.put(field.label, row: row, col: area.col + 2, style: .selected, maxWidth: area.width - 4)
        let size = writerSize
        writer.render(into: &canvas, rect: Rect(row: row + 1, col: area.col + 4, width: size.width, height: size.height))
        var notes: [(text: String, style: Style)] = []
        if let error { notes.append((error, .error)) } else if let message { notes.append(message) }
        for note in notes {
            canvas.putAbove(note.text, bottomRow: area.row + area.height - 1, col: area.col + 2, width: area.width - 4, style: note.style, maxLines: 2)
        }
    }
}

/// A screen built on a form: while the form edits, the keys are the form's; by default the form
/// takes the area under a heading line and a blank line.
protocol FormScreen: Screen {
    var form: Form { get }
}

extension FormScreen {
    var capturesKeys: Bool { form.capturesKeys }
    var bindings: [KeyBinding] { form.editingBindings ?? KeyTable.bindings(for: kind) }

    func resize(to area: Rect) { form.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }
}
