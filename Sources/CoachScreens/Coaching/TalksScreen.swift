import Caseload
import TerminalKit

/// The progress talks at the workplace, newest first: of one placement (from the placement) or
/// of all (from the youth). `n` records a new talk that starts from the last scores, Enter opens
/// one, `d` removes one after a question, `v` shows the ten skills over the talks.
final class TalksScreen: Screen, OfOneYouth {
    let kind = ScreenKind.talks
    let title = "Voortgangsgesprekken"
    let editor: YouthEditor
    /// The placement whose talks show; nil: every talk of the youth.
    let placementID: String?
    private var table = Table(columns: [.init("Datum", width: 10), .init("Met wie", width: 18, minimum: 8),
                                        .init("Werkplek", width: 22, minimum: 8), .init("Notities", width: 30, minimum: 10)], detailLines: 3)
    private var message: (text: String, style: Style)?

    init(editor: YouthEditor, placementID: String? = nil) {
        self.editor = editor
        self.placementID = placementID
        table.setCount(talks.count)
    }

    private var talks: [ProgressTalk] {
        editor.youth.talksInOrder.reversed().filter { placementID == nil || $0.placementID == placementID }
    }
    private var selected: ProgressTalk? { talks.indices.contains(table.selected) ? talks[table.selected] : nil }
    private var placement: Placement? { placementID.flatMap { id in editor.youth.placements.first { $0.id == id } } }

    /// Removal works on a selected talk of a youth that can be saved; only then is its key named.
    private var canRemove: Bool { selected != nil && editor.isWritable }
    /// A new talk belongs to this placement, else to the current one; without either `n` is not
    /// named, and the line under the heading says to make a placement first.
    private var placementForNewTalk: Placement? { placement ?? (placementID == nil ? editor.youth.currentPlacement : nil) }
    var bindings: [KeyBinding] {
        keyRows(canRemove: canRemove).dropping(.open, when: selected == nil).dropping(.new, when: placementForNewTalk == nil)
    }

    func willAppear() { table.setCount(talks.count) }
    func resize(to area: Rect) { table.resize(to: Rect(row: area.row + 2, col: area.col, width: area.width, height: area.height - 2)) }

    func handle(_ key: Key) -> Navigation {
        // A key that does nothing leaves the message standing.
        guard let command = bindings.action(for: key) else { return .stay }
        message = nil
        switch command {
        case .move: _ = table.handle(key)
        case .new: return newTalk()
        case .open:
            if let talk = selected { return .push(TalkForm.make(editor: editor, talkID: talk.id)) }
        case .remove where canRemove:
            if let talk = selected { return remove(talk) }
        case .openSkillsGrid: return .push(SkillsGridScreen(editor: editor, placementID: placementID))
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// A talk today for this placement, else the current one, starting from the last scores.
    private func newTalk() -> Navigation {
        guard let placement = placementForNewTalk else { return .stay }
        let talk = editor.youth.newTalk(placementID: placement.id, on: editor.session.today)
        if let failure = editor.apply({ youth throws(InputError) in try youth.save(talk) }) {
            message = (failure, .error)
            return .stay
        }
        table.setCount(talks.count)
        table.select(talks.firstIndex { $0.id == talk.id } ?? 0)
        return .push(TalkForm.make(editor: editor, talkID: talk.id))
    }

    /// Asks before removing, naming the talk; the draft of its notes goes with it.
    private func remove(_ talk: ProgressTalk) -> Navigation {
        let who = talk.withWhom.isEmpty ? "" : " met \(Wording.quoted(talk.withWhom))"
        let removal = Removal(title: "Gesprek verwijderen",
                              question: "Voortgangsgesprek van \(talk.date.text)\(who) verwijderen, met de scores en notities? "
                                  + "Het volgende gesprek wordt dan vergeleken met het gesprek ervoor.",
                              drafts: [.talkNotes(talkID: talk.id)],
                              change: { youth throws(InputError) in try youth.remove(talkID: talk.id) })
        return removal.ask(editor) { [self] failure in
            message = failure.map { ($0, .error) }
            table.setCount(talks.count)
        }
    }

    private func workplace(of talk: ProgressTalk) -> String {
        editor.youth.placements.first { $0.id == talk.placementID }.map(editor.session.store.workplaceName(of:)) ?? ""
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let youth = editor.youth
        let shown = talks
        var heading = "\(youth.name)  ·  Voortgangsgesprekken"
        if let placement { heading += " bij \(editor.session.store.workplaceName(of: placement))" }
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: area.width - 4)
        let status = placementForNewTalk.map { ("Plaatsing: \(TalkForm.label($0, store: editor.session.store)) (\($0.status.label))", Style.dim) }
            ?? ("Maak eerst een plaatsing (w op het dossier): een nieuw gesprek hoort bij een lopende of geplande plaatsing.", .warning)
        canvas.put(status.0, row: area.row + 1, col: 2, style: status.1, maxWidth: area.width - 4)
        table.render(into: &canvas, count: shown.count, row: { index in
            let talk = shown[index]
            let notes = Form.oneLine(talk.notes)
            let place = workplace(of: talk)
            return Table.Row([talk.date.text, talk.withWhom, place, notes],
                             full: "\(talk.date.text)" + (talk.withWhom.isEmpty ? "" : " met \(talk.withWhom)")
                                + (place.isEmpty ? "" : " bij \(place)") + ": " + (notes.isEmpty ? "–" : notes))
        }, empty: "Nog geen voortgangsgesprekken" + (placementForNewTalk == nil ? "" : ". Druk op n voor het eerste")
            + "; v toont de eerste indruk van de tien vaardigheden.", note: message)
    }
}
