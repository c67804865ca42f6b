import Caseload
import TerminalKit

/// A question with one line of text to type, in a box over the screen: a name, a date. Enter
/// hands the text to the owner, which may refuse it with a reason shown in the box; Esc cancels.
struct Prompt {
    let title: String
    /// What is asked, wrapped above the field.
    let question: String
    let label: String
    /// What Enter does, for the hint line ("wijzig", "maak aan").
    let enterLabel: String
    private(set) var field: TextField
    var error: String?

    /// `limit`: the longest text the field takes (`TextLimits`).
    init(title: String, question: String, label: String, text: String = "", enterLabel: String, limit: Int = TextLimits.line) {
        self.title = title
        self.question = question
        self.label = label
        self.enterLabel = enterLabel
        field = TextField(text, limit: limit)
    }

    enum Outcome { case editing, cancelled, submitted(String) }

    /// Handles a key by the prompt's key rows. A refusal goes once the text changes.
    mutating func handle(_ key: Key) -> Outcome {
        switch LineEdit.handle(key, field, rows: bindings, label: "De tekst") {
        case .editing(let edited, let changed):
            field = edited
            if changed { error = nil }
        case .refused(let reason): error = reason
        case .cancelled: return .cancelled
        case .confirmed(let text, _): return .submitted(text)
        case .ignored: break
        }
        return .editing
    }

    var bindings: [KeyBinding] { ComponentKeys.prompt(enterLabel: enterLabel) }

    func render(into canvas: inout Canvas) {
        let area = canvas.bounds.inset(by: 1)
        let textWidth = min(64, area.width - 4)
        let question = Glyphs.wrap(self.question, width: textWidth)
        let error = self.error.map { Glyphs.wrap($0, width: textWidth) } ?? []
        let box = area.centered(width: textWidth + 4, height: question.count + error.count + 5)
        canvas.box(box, title: title)
        var row = box.row + 1
        for line in question {
            canvas.put(line, row: row, col: box.col + 2, maxWidth: textWidth)
            row += 1
        }
        row += 1
        let labelWidth = canvas.put(label + " ", row: row, col: box.col + 2, style: .heading, maxWidth: textWidth / 2)
        field.render(into: &canvas, row: row, col: box.col + 2 + labelWidth, width: textWidth - labelWidth)
        for line in error {
            row += 1
            canvas.put(line, row: row, col: box.col + 2, style: .error, maxWidth: textWidth)
        }
    }
}
