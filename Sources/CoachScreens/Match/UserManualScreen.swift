import Caseload
import TerminalKit

/// The user manual for the employer (de gebruiksaanwijzing): one text per youth, the young
/// person's story, ambition, possibilities and conditions for success, written together with
/// them. The page shows it wrapped and scrolls (▲▼); Enter opens it in the text editor, where
/// every change is kept as a draft until Tab or Ctrl-S confirms it.
final class UserManualScreen: Screen, OfOneYouth {
    let kind = ScreenKind.userManual
    let title = "Gebruiksaanwijzing"
    let editor: YouthEditor
    private var writing: TextFlow?
    private var message: (text: String, style: Style)?
    /// Where the page stands; moved by the keys and resizes, never by drawing.
    private var scroll = ScrollPosition()
    /// The text wrapped for the page, kept from `handle` and `resize` (it may hold a page of 20,000 characters).
    private var wrapped: (text: String, width: Int, lines: [String]) = ("", 0, [])
    /// The size of the text area, from the screen's area (`resize`).
    private var areaSize = (width: 76, height: 18)

    /// Opens the page; with a draft of the user manual, opens the editor with the draft's text.
    init(editor: YouthEditor, resuming draft: Draft? = nil) {
        self.editor = editor
        if let draft, draft.key == .userManual {
            writing = flow(resuming: draft.text)
            message = (TextEditor.restoredNotice(draft.saved, session: editor.session), .warning)
        }
    }

    /// The text in the flow of writing: from its draft when one is kept (offered back, or kept for later).
    private func flow(resuming draft: String? = nil) -> TextFlow {
        let writer = TextEditor(youthID: editor.youth.id, field: .userManual, text: editor.youth.userManual, resuming: draft,
                                keptIn: editor.session.store, tabLabel: "bevestig")
        if let restored = writer.restored { message = (TextEditor.restoredNotice(restored, session: editor.session), .warning) }
        return TextFlow(writer, row: 0, of: 1)
    }

    var capturesKeys: Bool { writing != nil }

    var bindings: [KeyBinding] {
        if let writing { return writing.bindings }
        // Up and down only move when the text does not fit.
        return KeyTable.bindings(for: kind).dropping(.move, when: scroll.fits)
    }

    func resize(to area: Rect) {
        areaSize = (max(2, area.width - 6), max(1, area.height - 4))
        layOut()
    }

    private func layOut() {
        let text = editor.youth.userManual
        if wrapped.text != text || wrapped.width != areaSize.width {
            wrapped = (text, areaSize.width, Glyphs.wrap(text, width: areaSize.width))
        }
        scroll.resize(count: wrapped.lines.count, height: areaSize.height)
    }

    func handle(_ key: Key) -> Navigation {
        defer { layOut() }
        if var flow = writing {
            let (step, failure) = flow.write(key, size: areaSize, session: editor.session) { [editor] text in
                // The same rules as a part of the plan: a page, line breaks kept, no control characters.
                editor.apply { youth throws(InputError) in youth.userManual = try ChangePlan.validText(text) }
            }
            writing = flow
            message = flow.message(after: failure, standing: message)
            // One text: Tab saves and the coach writes on (TextFlow's notice); only Esc closes it.
            if step != .writing {
                writing = nil
                message = nil
            }
            return .stay
        }
        guard let command = bindings.action(for: key) else { return .stay }
        message = nil
        switch command {
        case .move: _ = scroll.handle(key)
        case .edit: writing = flow()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        canvas.put("\(editor.youth.name)  ·  Gebruiksaanwijzing voor de werkgever", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        canvas.put("Het verhaal, de ambitie, mogelijkheden en voorwaarden voor succes, samen met de jongere geschreven.",
                   row: area.row + 1, col: 2, style: .dim, maxWidth: area.width - 4)
        let body = Rect(row: area.row + 2, col: 4, width: areaSize.width, height: areaSize.height)
        if let writing {
            writing.render(into: &canvas, rect: body)
        } else if editor.youth.userManual.isEmpty {
            canvas.putWrapped("Nog niet geschreven. Druk op Enter om te beginnen; wat u typt wordt als concept bewaard tot u het bevestigt.",
                              row: body.row, col: body.col, width: body.width, style: .dim)
        } else {
            // A copy, clamped to this rectangle: drawing changes nothing.
            let window = ScrollPosition(count: wrapped.lines.count, height: body.height, top: scroll.top)
            for (offset, line) in wrapped.lines[window.visible].enumerated() {
                canvas.put(line, row: body.row + offset, col: body.col, maxWidth: body.width)
            }
            window.drawMarks(into: &canvas, rect: body, col: 2)
        }
        if let message {
            canvas.putAbove(message.text, bottomRow: area.row + area.height - 1, col: 2, width: area.width - 4, style: message.style)
        }
    }
}
