import Caseload
import Foundation
import TerminalKit

/// A page of text being written (a part of the plan, the notes of an agenda item). Every change
/// is kept as a draft under its typed key, so a dropped line or a crash loses nothing; Tab and
/// Shift-Tab confirm and move on, Ctrl-S saves and keeps the coach writing, Esc on changed text
/// asks before throwing it away (j), or goes back to writing (n). A text outside a dossier (a
/// workplace's notes and scans) has no draft: it is saved on Tab and Ctrl-S only.
struct TextEditor {
    /// The youth and field the draft is kept under; nil for a text without a draft.
    private let draftKey: (youthID: String, field: DraftField)?
    /// The text as it is stored: Esc leaves without asking when nothing differs from it.
    private(set) var original: String
    private(set) var area: TextArea
    private var discarding: Confirm?
    private let tabLabel: String
    /// When the text opened from a draft kept on disk (left by a crash, kept for later): when that
    /// draft was typed. The owner says so.
    private(set) var restored: Date?
    /// The act that saves the text, in a form that holds its values until its last row (the
    /// closing note: "afsluiten"); nil when a confirmed text is saved at once. A held text keeps
    /// its draft on disk after Tab, until the form acts or is thrown away (`Form.dropHeldDrafts`).
    private let heldUntil: String?

    /// Opens a text for typing: from `draft` when given, else from the draft kept for this field
    /// in `store` (so a draft kept for later is there when the text is opened again), else from `text`.
    init(youthID: String, field: DraftField, text: String, resuming draft: String? = nil, keptIn store: CaseloadStore? = nil,
         tabLabel: String, heldUntil: String? = nil) {
        draftKey = (youthID, field)
        self.heldUntil = heldUntil
        original = text
        let kept = draft == nil ? store?.keptDraft(youthID: youthID, field: field) : nil
        area = TextArea(draft ?? kept?.text ?? text, limit: TextLimits.page)
        restored = kept?.saved
        self.tabLabel = tabLabel
    }

    /// Opens a text that keeps no draft (docs/decisions.md, "Workplaces").
    init(undrafted text: String, tabLabel: String) {
        draftKey = nil
        original = text
        area = TextArea(text, limit: TextLimits.page)
        self.tabLabel = tabLabel
        heldUntil = nil
    }

    /// The line that marks a text opened from its draft.
    static func restoredNotice(_ saved: Date, session: Session) -> String {
        "Concept van \(session.dateTime(saved)) teruggezet; Tab bevestigt."
    }

    enum Outcome: Equatable {
        case writing
        /// Confirm this text; on success the owner calls `finish` and moves by `move` (Tab ±1).
        case confirm(String, move: Int)
        /// Ctrl-S: save this text; on success the owner calls `saved` and the coach writes on.
        case saveAndStay(String)
        /// Nothing changed, or the coach threw the text away: the draft is gone.
        case cancelled
    }

    static let discardQuestion = Confirm(title: "Annuleren", question: "De tekst die u hier typte weggooien?",
                                         yes: "ja, weggooien", no: "nee, verder schrijven")

    var bindings: [KeyBinding] {
        if let discarding { return discarding.bindings }
        let rows = ComponentKeys.textEditor(tabLabel: tabLabel)
        guard let heldUntil else { return rows }
        return rows.naming(.saveAndStay, "bevestig, blijf",
                           help: "Bevestigen en verder schrijven op dezelfde plek; bewaard wordt pas bij \(heldUntil), tot dan blijft de tekst een concept")
    }

    /// Handles a key for a text area of `size`; changes are kept as a draft in `store`.
    private mutating func handle(_ key: Key, size: (width: Int, height: Int), store: CaseloadStore, now: Date) -> (Outcome, error: String?) {
        if let discarding {
            switch discarding.answer(for: key) {
            case .yes:
                settleDraft(original, store: store, now: now)
                return (.cancelled, nil)
            case .no: self.discarding = nil
            case nil: break
            }
            return (.writing, nil)
        }
        // The key is matched against the rows that draw the hints and the help; in no row, it does nothing.
        guard let action = bindings.action(for: key) else { return (.writing, nil) }
        switch action {
        case .cancel:
            if area.text == original {
                settleDraft(original, store: store, now: now)
                return (.cancelled, nil)
            }
            discarding = Self.discardQuestion
        case .confirmAndMove: return (.confirm(area.text, move: key == .backTab ? -1 : 1), nil)
        case .saveAndStay: return (.saveAndStay(area.text), nil)
        case .type, .editText, .undo:
            switch area.handle(key, width: size.width, height: size.height) {
            case .refused: return (.writing, TextLimits.tooLong(field: "De tekst", limit: TextLimits.page))
            case .changed: break
            case .moved, .ignored: return (.writing, nil)
            }
            guard let draftKey else { break }
            do {
                try store.keepDraft(Draft(youthID: draftKey.youthID, field: draftKey.field, text: area.text, saved: now))
            } catch {
                return (.writing, "Concept niet bewaard: \(error.localizedDescription)")
            }
        default: break
        }
        return (.writing, nil)
    }

    enum Step: Equatable {
        case writing
        /// Saved with Tab or Shift-Tab (`move` ±1), or nothing to keep: the owner stops writing.
        case closed(move: Int)
    }

    /// Handles a key and what it leads to, the same for every owner: the draft is kept while
    /// typing; Tab, Shift-Tab and Ctrl-S save through `save`, which returns why it refused (the
    /// text then stays open); a saved text's draft goes. Returns the step and an error to show.
    mutating func write(_ key: Key, size: (width: Int, height: Int), session: Session,
                        save: (String) -> String?) -> (Step, error: String?) {
        let (outcome, failure) = handle(key, size: size, store: session.store, now: session.now)
        switch outcome {
        case .writing: return (.writing, failure)
        case .cancelled: return (.closed(move: 0), nil)
        case .confirm(let text, let move):
            if let refused = save(text) { return (.writing, refused) }
            saved(text, store: session.store, now: session.now)
            return (.closed(move: move), nil)
        case .saveAndStay(let text):
            // Ctrl-S: saved, and the coach writes on from here.
            if let refused = save(text) { return (.writing, refused) }
            saved(text, store: session.store, now: session.now)
            return (.writing, nil)
        }
    }

    private mutating func saved(_ text: String, store: CaseloadStore, now: Date) {
        original = text
        settleDraft(text, store: store, now: now)
    }

    /// Writing stopped with `text` as the confirmed text: a saved text's draft goes; a held text
    /// keeps it as its draft (nothing is saved yet), or none when it is empty.
    private func settleDraft(_ text: String, store: CaseloadStore, now: Date) {
        guard let draftKey else { return }
        guard heldUntil != nil, !text.isEmpty else {
            store.removeDraft(youthID: draftKey.youthID, field: draftKey.field)
            return
        }
        // A draft that cannot be written leaves the one typed before; the text is still in the form.
        try? store.keepDraft(Draft(youthID: draftKey.youthID, field: draftKey.field, text: text, saved: now))
    }

    func render(into canvas: inout Canvas, rect: Rect) {
        area.render(into: &canvas, rect: rect, style: .editing, showCursor: discarding == nil)
        discarding?.render(into: &canvas)
    }
}
