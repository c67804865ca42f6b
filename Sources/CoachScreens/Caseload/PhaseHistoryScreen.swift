import Caseload
import TerminalKit

/// Every phase change of one youth, newest first, with how long each phase lasted: the youth
/// screen shows the latest few and opens this for the rest. A page that scrolls, nothing selected.
final class PhaseHistoryScreen: Screen, OfOneYouth {
    let kind = ScreenKind.phaseHistory
    let title = "Fasegeschiedenis"
    let editor: YouthEditor
    private var scroll = ScrollPosition()

    init(editor: YouthEditor) {
        self.editor = editor
    }

    /// One line per change, newest first: the day, the step, and how long the phase it began lasted;
    /// a closing with its outcome and note, a reopening with its reason.
    var lines: [String] {
        let youth = editor.youth
        let history = youth.phaseHistory
        let today = editor.session.today
        let told = Self.closingAndReopening(of: youth)
        return history.indices.reversed().map { index in
            let change = history[index]
            let step = change.from.map { "\($0.label) → \(change.to.label)" } ?? "start in \(change.to.label)"
            let end = index + 1 < history.count ? history[index + 1].date : today
            let days = change.date.days(until: end)
            let lasted = index + 1 < history.count ? "\(days) dag\(days == 1 ? "" : "en")" : "nu \(days) dag\(days == 1 ? "" : "en")"
            return "\(change.date.text)  \(step)  (\(lasted))" + (told[index].map { " · \($0)" } ?? "")
        }
    }

    /// What a closing or a reopening recorded, by the index of its phase change: each closure and
    /// reopening is matched, in order, to the change it made (same day and phases). A case closed
    /// before closures were recorded says so.
    static func closingAndReopening(of youth: Youth) -> [Int: String] {
        var closures = youth.closures[...]
        var reopenings = youth.reopenings[...]
        var told: [Int: String] = [:]
        for (index, change) in youth.phaseHistory.enumerated() {
            if change.to == .closed {
                if let closure = closures.first, closure.date == change.date {
                    closures = closures.dropFirst()
                    var text = "uitstroom: \(closure.outcomeText)"
                    if closure.actionsClosed > 0 { text += " · \(closure.actionsClosed) open \(closure.actionsClosed == 1 ? "actie" : "acties") vervallen" }
                    if closure.placementsEnded > 0 { text += " · \(closure.placementsEnded) \(closure.placementsEnded == 1 ? "plaatsing" : "plaatsingen") beëindigd" }
                    if !closure.note.isEmpty { text += " · notitie: \(Form.oneLine(closure.note))" }
                    told[index] = text
                } else {
                    told[index] = "geen uitstroom vastgelegd"
                }
            } else if change.from == .closed, let reopening = reopenings.first, reopening.date == change.date {
                reopenings = reopenings.dropFirst()
                told[index] = "heropend, reden: \(Form.oneLine(reopening.reason))"
            }
        }
        return told
    }

    /// The lines wrapped to `width`, a change's later lines indented under its step.
    private func rows(width: Int) -> [String] {
        lines.flatMap { line in
            Glyphs.wrap(line, width: max(1, width - 12)).enumerated().map { $0.offset == 0 ? $0.element : String(repeating: " ", count: 12) + $0.element }
        }
    }

    func resize(to area: Rect) { scroll.resize(count: rows(width: area.width - 4).count, height: max(1, area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        switch KeyTable.action(for: key, on: kind) {
        case .move: _ = scroll.handle(key)
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let all = rows(width: area.width - 4)
        canvas.put("\(editor.youth.name)  ·  \(Wording.changes(lines.count)), nieuwste bovenaan", row: area.row, col: 2, style: .heading,
                   maxWidth: area.width - 4)
        for (offset, index) in scroll.visible.enumerated() where all.indices.contains(index) {
            canvas.put(all[index], row: area.row + 2 + offset, col: 2, maxWidth: area.width - 4)
        }
        scroll.drawMarks(into: &canvas, rect: Rect(row: area.row + 2, col: area.col, width: area.width, height: scroll.height), col: area.col)
    }
}

extension Wording {
    static func changes(_ count: Int) -> String { count == 1 ? "1 faseovergang" : "\(count) faseovergangen" }
}
