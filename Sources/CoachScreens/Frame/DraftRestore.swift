import Caseload
import TerminalKit

/// The one table from a draft's field to the screens that reopen it: the plan for a part of the
/// plan, the meeting's agenda for agenda notes. A new kind of long field gets a row here.
enum DraftRestore {
    enum Outcome {
        case screens([any Screen])
        /// The field is gone (its agenda item was removed): the text is kept, not offered again.
        case gone(String)
    }

    static func open(_ draft: Draft, session: Session) throws -> Outcome {
        if case .reviewNote(let week)? = draft.key {
            // A note of the weekly review reopens the review on that youth's page.
            guard let review = session.store.review(of: week), review.item(for: draft.youthID) != nil else {
                let place = (try? session.store.setAside(draft)) ?? "drafts/"
                return .gone("Het concept hoort bij een weekbespreking die niet meer bestaat. De tekst is bewaard in \(place).")
            }
            let screen = ReviewScreen(session: session, review: review)
            screen.resume(draft)
            return .screens([CaseloadScreen(session: session), screen])
        }
        let youth = try YouthScreen(session: session, id: draft.youthID)
        let editor = youth.editor
        let base: [any Screen] = [CaseloadScreen(session: session), youth]
        switch draft.key {
        case .planPart?:
            return .screens(base + [ChangePlanScreen(editor: editor, resuming: draft)])
        case .agendaNotes(let meetingID, let itemID)?:
            guard let meeting = editor.youth.meetings.first(where: { $0.id == meetingID }), meeting.agenda.contains(where: { $0.id == itemID }) else {
                let place = (try? session.store.setAside(draft)) ?? "drafts/"
                return .gone("Het concept hoort bij een agendapunt dat niet meer bestaat. De tekst is bewaard in \(place).")
            }
            return .screens(base + [MeetingsScreen(editor: editor), MeetingForm.make(editor: editor, meetingID: meetingID),
                                    AgendaScreen(editor: editor, meetingID: meetingID, resuming: draft)])
        case .quickScan?:
            let scan = QuickScanScreen(editor: editor)
            scan.resume(draft)
            return .screens(base + [scan])
        case .journal(let entryID)?:
            guard editor.youth.journal.contains(where: { $0.id == entryID }) else {
                let place = (try? session.store.setAside(draft)) ?? "drafts/"
                return .gone("Het concept hoort bij een contact dat niet meer bestaat. De tekst is bewaard in \(place).")
            }
            let form = JournalEntryForm.make(editor: editor, entryID: entryID)
            form.form.resume(draft)
            return .screens(base + [JournalScreen(editor: editor), form])
        case .userManual?:
            return .screens(base + [UserManualScreen(editor: editor, resuming: draft)])
        case .talkNotes(let talkID)?:
            guard let talk = editor.youth.progressTalks.first(where: { $0.id == talkID }) else {
                let place = (try? session.store.setAside(draft)) ?? "drafts/"
                return .gone("Het concept hoort bij een voortgangsgesprek dat niet meer bestaat. De tekst is bewaard in \(place).")
            }
            let form = TalkForm.make(editor: editor, talkID: talkID)
            form.form.resume(draft)
            return .screens(base + [TalksScreen(editor: editor, placementID: talk.placementID), form])
        case .closingNote?:
            guard editor.youth.phase != .closed else {
                let place = (try? session.store.setAside(draft)) ?? "drafts/"
                return .gone("Het concept hoort bij het afsluiten van een dossier dat al is afgesloten. De tekst is bewaard in \(place).")
            }
            let form = ClosingForm(editor: editor)
            form.resume(draft)
            return .screens(base + [form])
        case .reviewNote?, nil:
            // Never offered to open (`canOpen`); kept where it is, for the version that knows it.
            return .gone("Het concept hoort bij een veld dat deze versie van Rode Loper niet kent. Het blijft bewaard in drafts/.")
        }
    }

    /// Why this version cannot open a draft offered back, or nil when Enter opens it: a field of
    /// a kind only a newer version knows, or a dossier that is not in the caseload. Such a draft
    /// is kept as it is (never moved, never thrown away from the offer).
    static func whyNotOpened(_ draft: Draft, store: CaseloadStore) -> String? {
        if draft.key == nil {
            let name = store.summaries.first { $0.id == draft.youthID }?.name ?? "een jongere"
            return "een veld van \(name) dat deze versie van Rode Loper niet kent (van een nieuwere versie). "
                + "Het blijft bewaard in drafts/, voor die versie; hier kan het niet worden geopend."
        }
        if !store.summaries.contains(where: { $0.id == draft.youthID }) {
            return "\(place(of: draft)) van dossier \(draft.youthID), dat niet in de caseload staat. "
                + "Het blijft bewaard in drafts/ tot dat dossier terug is; zonder dossier kan het niet worden geopend."
        }
        return nil
    }

    /// Where the draft was typed, for the question that offers it back.
    static func place(of draft: Draft) -> String {
        switch draft.key {
        case .planPart(let part)?: "\"\(part.label.lowercased())\" in het veranderplan"
        case .agendaNotes?: "de notities bij een agendapunt van een wrap-around overleg"
        case .quickScan(let text)?: "\"\(QuickScanScreen.label(of: text).lowercased())\" in de quick scan"
        case .journal?: "het verslag van een contact in het journaal"
        case .reviewNote(let week)?: "de notitie in de weekbespreking van week \(week.week)"
        case .userManual?: "de gebruiksaanwijzing voor de werkgever"
        case .talkNotes?: "de notities van een voortgangsgesprek"
        case .closingNote?: "de afsluitnotitie bij het afsluiten van het dossier"
        case nil: "een veld dat deze versie niet kent"
        }
    }
}

/// Text typed but not confirmed in an earlier session: open it (Enter), throw it away (d), or
/// keep it for later (Esc). A draft this version cannot open is only kept (Esc or Enter).
final class DraftOfferPopup: Popup {
    private let draft: Draft
    private let session: Session

    init(_ draft: Draft, session: Session) {
        self.draft = draft
        self.session = session
    }

    /// Nil when Enter opens the draft; else why it cannot, and the offer only keeps it.
    private var whyNotOpened: String? { DraftRestore.whyNotOpened(draft, store: session.store) }

    var bindings: [KeyBinding] { whyNotOpened == nil ? ComponentKeys.draftOffer : ComponentKeys.draftKeptOnly }

    func handle(_ key: Key) -> PopupOutcome {
        switch bindings.action(for: key) {
        case .confirm:
            do {
                switch try DraftRestore.open(draft, session: session) {
                case .screens(let screens): return .close(.replaceAll(screens))
                case .gone(let notice): return .close(.popup(NoticePopup(notice)))
                }
            } catch {
                return .close(.popup(NoticePopup("Het concept hoort bij een dossier dat niet te openen is: \(error.localizedDescription) Het concept blijft bewaard.")))
            }
        case .remove:
            // One stray key must not lose typed text: ask first, and offer the draft again on no.
            let confirm = Confirm(title: "Tekst weggooien", question: "De niet bevestigde tekst (\(DraftRestore.place(of: draft))) weggooien? "
                                  + "Dat kan niet ongedaan worden gemaakt.", yes: "ja, gooi weg")
            return .close(.popup(ConfirmPopup(confirm) { [draft, session] answer in
                guard answer == .yes else { return .popup(DraftOfferPopup(draft, session: session)) }
                session.store.discard(draft)
                return .popup(NoticePopup("De tekst is weggegooid."))
            }))
        case .cancel: return .close(.stay)
        default: return .stay
        }
    }

    func render(into canvas: inout Canvas) {
        let name = session.store.summaries.first { $0.id == draft.youthID }?.name ?? "een jongere"
        // A closing note confirmed in its form is still not kept until the case is closed.
        let kept = draft.key == .closingNote ? "getypt, maar het dossier is niet afgesloten" : "getypt maar niet bevestigd"
        let typed = "Bij het vorige gebruik is tekst \(kept) (\(session.dateTime(draft.saved))): "
        let question = whyNotOpened.map { typed + $0 }
            ?? typed + "\(DraftRestore.place(of: draft)) van \(name). Enter opent het om verder te schrijven; d gooit het weg (na een vraag); Esc bewaart het voor later."
        Chrome.dialog(&canvas, title: "Niet bevestigde tekst", message: question, choices: bindings.choices)
    }
}
