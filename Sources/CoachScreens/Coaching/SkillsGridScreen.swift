import Caseload
import TerminalKit

/// The ten basic skills over the progress talks: the first impression from the quick scan, then
/// each talk, headed by its day, with ▲ or ▼ where a skill went up or down from the talk before.
/// ←→ choose a talk, whose day, partner and notes show under the grid; Enter opens it.
final class SkillsGridScreen: Screen, OfOneYouth {
    let kind = ScreenKind.skillsGrid
    let title = "Vaardigheden"
    let editor: YouthEditor
    /// The placement whose talks show; nil: every talk of the youth.
    let placementID: String?
    /// "Zelfstandig werken" and a gap; "aandachtspunt" and a gap; "nog niet ▲" and a gap.
    private var grid = Grid(labelWidth: 20, minimumLabelWidth: 10, columnWidth: 11, firstWidth: 14)
    /// Above the grid: the heading and the legend. Under it at least a blank line, the selected
    /// talk's day and partner and a line of its notes; its notes get what the grid leaves.
    private static let rowsAbove = 2, rowsBelow = 3

    init(editor: YouthEditor, placementID: String? = nil) {
        self.editor = editor
        self.placementID = placementID
        updateGrid()
        grid.select(column: progress.talks.count - 1)
    }

    private var progress: SkillsProgress { SkillsProgress(youth: editor.youth, placementID: placementID) }
    private var selectedTalk: ProgressTalk? {
        let talks = progress.talks
        return talks.indices.contains(grid.selected) ? talks[grid.selected] : nil
    }

    /// Enter opens a talk only when there is one; ←→ choose only among two or more.
    var bindings: [KeyBinding] {
        let count = progress.talks.count
        return KeyTable.bindings(for: kind).dropping(.open, when: count == 0).dropping(.column, when: count < 2)
    }

    private func updateGrid() { grid.update(rows: Catalog.basicSkills.count, columns: progress.talks.count) }

    func willAppear() { updateGrid() }

    func resize(to area: Rect) {
        let needed = grid.headerLines + Catalog.basicSkills.count
        grid.resize(to: Rect(row: area.row + Self.rowsAbove, col: area.col, width: area.width,
                             height: min(needed, max(2, area.height - Self.rowsAbove - Self.rowsBelow))))
    }

    func handle(_ key: Key) -> Navigation {
        switch bindings.action(for: key) {
        case .column, .move: _ = grid.handle(key)
        case .open:
            if let talk = selectedTalk { return .push(TalkForm.make(editor: editor, talkID: talk.id)) }
        case .back: return .pop
        default: break
        }
        return .stay
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let progress = progress
        let selected = grid.selected
        canvas.put("\(youth.name)  ·  De tien basisvaardigheden", row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        canvas.put("▲ hoger, ▼ lager dan het gesprek ervoor; eerste indruk: aandachtspunt, voldoende of sterk", row: area.row + 1, col: 2,
                   style: .dim, maxWidth: area.width - 4)
        grid.render(into: &canvas, content: Grid.Content(
            corner: "Vaardigheid", labels: progress.skills.map(\.name), headers: progress.talks.map { [$0.date.text] },
            cell: { row, column in
                let score = progress.scores[row][column]
                let style: Style = score.level == nil ? .dim : score.trend == .down ? .warning : column == selected ? .accent : .normal
                return Grid.Cell(score.text, style: style)
            },
            first: (["Eerste indruk"], { row in
                Grid.Cell(progress.firstImpressions[row]?.label ?? "–", style: progress.firstImpressions[row] == nil ? .dim : .normal)
            })))
        var row = area.row + Self.rowsAbove + grid.area.height + 1
        let width = area.width - 4
        guard let talk = selectedTalk else {
            canvas.putWrapped("Nog geen voortgangsgesprekken; de eerste indruk komt uit de quick scan. c op het dossier of de plaatsing "
                              + "toont de gesprekken, n daar maakt het eerste.", row: row, col: 2, width: width, style: .dim,
                              maxLines: area.row + area.height - row)
            return
        }
        let place = youth.placements.first { $0.id == talk.placementID }.map(editor.session.store.workplaceName(of:)) ?? ""
        var about = "Gesprek van \(talk.date.text)"
        if !talk.withWhom.isEmpty { about += " met \(talk.withWhom)" }
        if !place.isEmpty { about += " bij \(place)" }
        canvas.put(about, row: row, col: 2, style: .heading, maxWidth: width)
        row += 1
        let notes = Glyphs.wrap(talk.notes.isEmpty ? "Geen notities." : Form.oneLine(talk.notes), width: width,
                                maxLines: max(1, area.row + area.height - row))
        for line in notes {
            canvas.put(line, row: row, col: 2, style: .dim, maxWidth: width)
            row += 1
        }
    }
}
