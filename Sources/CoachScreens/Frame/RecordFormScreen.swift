import Caseload
import TerminalKit

/// A small form for one record (an action, a person, a meeting): a heading over a `Form`. Each
/// confirmed field is saved at once by its own `commit`, which returns why it refused, if it did.
final class RecordFormScreen: FormScreen, YouthScoped {
    typealias Field = Form.Field

    let kind: ScreenKind
    /// Short, for the title line; the heading says whose record it is.
    let title: String
    /// Read each frame: a new record's heading becomes that of an existing one once it is saved.
    private let heading: () -> String
    let form: Form
    private let editor: YouthEditor
    var youthEditor: YouthEditor? { editor }
    /// Screens this form links to by a key of its own (a meeting: consent, actions).
    var links: [Action: () -> any Screen] = [:]

    /// What `e` does on a form that exports (a meeting); returns the message to show.
    private let export: (() -> (text: String, style: Style))?

    /// With `startsTyping` (a new record) the first field is open for typing at once. `footer`
    /// gives extra lines under the fields (a warning, a summary), computed each frame.
    init(kind: ScreenKind = .recordForm, editor: YouthEditor, title: String, heading: @autoclosure @escaping () -> String, startsTyping: Bool = false,
         fields: [Field], footer: @escaping () -> [(text: String, style: Style)] = { [] },
         export: (() -> (text: String, style: Style))? = nil) {
        self.kind = kind
        self.editor = editor
        self.title = title
        self.heading = heading
        self.export = export
        form = Form(kind: kind, session: editor.session, fields: fields)
        form.footer = footer
        if startsTyping, case .popup(let popup) = form.openForTyping() { firstChoice = popup }
    }

    /// A new record whose first field is a choice opens with its list.
    private var firstChoice: (any Popup)?
    func openingPopup() -> (any Popup)? {
        defer { firstChoice = nil }
        return firstChoice
    }

    func handle(_ key: Key) -> Navigation {
        if let navigation = form.handle(key) { return navigation }
        switch KeyTable.action(for: key, on: kind) {
        case .exportMarkdown:
            if let export { form.message = export() }
        case .back: return .pop
        case let action?:
            if let link = links[action] { return .push(link()) }
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put(heading(), row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        form.render(into: &canvas)
    }
}
