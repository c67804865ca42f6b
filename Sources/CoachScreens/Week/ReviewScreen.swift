import Caseload
import Foundation
import TerminalKit

/// The weekly case review: one page per active youth, most urgent first, each with the reasons
/// it is on the agenda, the open actions, the last contacts, the ZRM in one line, the next
/// meeting and last week's decision; the coach writes the note and the next step and goes on
/// with →, which marks the page discussed. PgDn/PgUp only browse; ↑/↓ scroll a page taller than
/// the window. Every change is in reviews/<week>.json at once, so an interrupted review resumes
/// where it stopped; a page only looked at is written with the next change, not by itself.
final class ReviewScreen: FormScreen, YouthScoped {
    let kind = ScreenKind.review
    let title = "Weekbespreking"
    private let session: Session
    private(set) var review: WeeklyReview
    /// The latest earlier review, for last week's decision beside this week's.
    private let earlier: WeeklyReview?
    /// The youth of this page; nil when its file cannot be opened (the page says why).
    private var editor: YouthEditor?
    private var pageProblem: String?
    private(set) var form: Form
    private var area = Rect(row: 1, col: 0, width: 80, height: 22)
    /// Where the page's facts are drawn (between the heading and last week's decision), and how
    /// far they are scrolled; both set in `layOut`, from `handle` and `resize` only.
    private var factsArea = Rect(row: 2, col: 0, width: 80, height: 0)
    private(set) var facts = ScrollPosition()

    var youthEditor: YouthEditor? { editor }

    /// The review's own keys lead the hint line (→ and PgDn matter most here), the shared ones follow.
    var bindings: [KeyBinding] {
        if let editing = form.editingBindings { return editing }
        let rows = stateRows(KeyTable.bindings(for: kind))
        return rows.filter { $0.screens == [kind] } + rows.filter { $0.screens != [kind] }
    }

    /// Only the keys that do something on this page: PgUp and ← not on the first, PgDn not on the
    /// last, the youth's keys not on an empty review or a page whose file cannot be opened, `x`
    /// only while the youth has an open action, no export of a review without pages.
    private func stateRows(_ rows: [KeyBinding]) -> [KeyBinding] {
        let first = review.position == 0, last = review.position >= review.items.count - 1
        let browse: [Key] = (last ? [] : [.pageDown]) + (first ? [] : [.pageUp])
        return rows.keeping(browse, of: .browseYouth)
            .dropping(.previousYouth, when: first)
            .dropping(.nextYouth, .openDossier, .edit, when: item == nil)
            .dropping(.exportMarkdown, when: review.items.isEmpty)
            .dropping(.newAction, .closeAction, .openActions, .openJournal, .quickContact, when: editor == nil)
            .dropping(.closeAction, when: !(editor?.youth.actions.contains { $0.status == .open } ?? false))
    }

    /// Opens `review` on its stored page.
    init(session: Session, review: WeeklyReview) {
        self.session = session
        self.review = review
        earlier = session.store.review(before: review.week)
        form = Form(kind: .review, session: session, items: [])
        openPage()
    }

    /// This week's review as `CaseloadStore.openReview` opens it (the same as `rodeloper review`
    /// prints). Saved at once when it changed, so a kill right after resumes it.
    static func thisWeek(session: Session) -> ReviewScreen {
        let store = session.store
        let noticesBefore = store.notices.count
        let (review, changed) = store.openReview(today: session.today, now: session.now)
        // A youth or review file that turned out unreadable was set aside: the coach reads why first.
        var problems = store.notices.dropFirst(noticesBefore).map(\.message)
        if changed {
            do { try store.save(review) } catch { problems.append("De bespreking is niet opgeslagen: \(error.localizedDescription)") }
        }
        let screen = ReviewScreen(session: session, review: review)
        screen.notice = problems.isEmpty ? nil : problems.joined(separator: " ")
        return screen
    }

    /// What the coach must read when the review opens (a file set aside, a failed save).
    private var notice: String?
    func openingPopup() -> (any Popup)? {
        defer { notice = nil }
        return notice.map { NoticePopup($0) }
    }

    private var item: ReviewItem? { review.items.indices.contains(review.position) ? review.items[review.position] : nil }

    /// Reads the page's youth and builds its form (note and next step).
    private func openPage() {
        pageProblem = nil
        editor = nil
        if let item {
            do {
                editor = try YouthEditor(session: session, id: item.youthID)
            } catch {
                pageProblem = "Het dossier is niet te openen: \(error.localizedDescription)"
            }
        }
        youthOfReasons = editor?.youth
        form = Form(kind: .review, session: session, items: items(), labelWidth: 16)
        facts = ScrollPosition()
        layOut()
    }

    private func items() -> [Form.Item] {
        guard let item else { return [] }
        let position = review.position
        return [
            .field(.init(label: "Notitie", value: { [unowned self] in review.items[position].note },
                         edit: .multiline(youthID: item.youthID, draft: .reviewNote(week: review.week)) { [unowned self] text in
                change(at: position) { $0.note = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            })),
            .field(.init(label: "Volgende stap", value: { [unowned self] in review.items[position].nextStep }, edit: .text { [unowned self] input in
                do throws(InputError) {
                    let step = try Youth.validText(input, field: "De volgende stap")
                    return change(at: position) { $0.nextStep = step }
                } catch {
                    return error.message
                }
            })),
        ]
    }

    /// Changes the review and writes it at once; nil on success, else why not (nothing changed).
    private func change(at position: Int? = nil, _ edit: (inout ReviewItem) -> Void = { _ in }, page: Int? = nil) -> String? {
        var changed = review
        if let position, changed.items.indices.contains(position) { edit(&changed.items[position]) }
        if let page { changed.position = page }
        guard changed != review else { return nil }
        do {
            try session.store.save(changed)
            review = changed
            return nil
        } catch {
            return error.localizedDescription
        }
    }

    // MARK: - Keys

    func handle(_ key: Key) -> Navigation {
        defer { layOut() }
        // The arrows belong to the page while browsing: the form below it never sees them.
        if form.isBrowsing, KeyTable.action(for: key, on: kind) == .move {
            scrollOrChooseField(key)
            return .stay
        }
        if let navigation = form.handle(key) { return navigation }
        switch bindings.action(for: key) {
        case .nextYouth:
            markDiscussedAndGoOn()
        case .previousYouth:
            turn(to: review.position - 1)
        case .browseYouth:
            turn(to: review.position + (key == .pageUp ? -1 : 1))
        case .newAction:
            if let editor { return .push(ActionFormScreen.make(editor: editor, actionID: nil)) }
        case .closeAction:
            return closeAction()
        case .openActions:
            if let editor { return .push(ActionsScreen(editor: editor)) }
        case .openJournal:
            if let editor { return .push(JournalScreen(editor: editor)) }
        case .openDossier:
            if let item {
                do { return .push(try YouthScreen(session: session, id: item.youthID)) } catch { form.error = error.localizedDescription }
            }
        case .exportMarkdown:
            form.message = export()
        case .back: return .pop
        default: break
        }
        return .stay
    }

    /// ↓ reads on down the page, and below its end moves from the note to the next step; ↑ goes
    /// back up the same way (next step, note, then the page). Home and End scroll the page.
    private func scrollOrChooseField(_ key: Key) {
        switch key {
        case .down, .char("j"):
            if !facts.handle(key) { form.select(form.selection + 1) }
        case .up, .char("k"):
            if form.selection > 0 { form.select(form.selection - 1) } else { _ = facts.handle(key) }
        default:
            _ = facts.handle(key)
        }
    }

    /// →: this page has been discussed; on to the next. After the last page, says what is left.
    private func markDiscussedAndGoOn() {
        guard !review.items.isEmpty else { return }
        let last = review.position == review.items.count - 1
        if let failure = change(at: review.position, { $0.reviewed = true }, page: min(review.position + 1, review.items.count - 1)) {
            form.error = failure
            return
        }
        guard last else { return openPage() }
        let open = review.items.indices.filter { !review.items[$0].reviewed }.map { String($0 + 1) }
        form.message = open.isEmpty
            ? ("Alle \(review.items.count) besproken. e zet de samenvatting in exports/; q gaat terug.", .accent)
            : ("Nog niet besproken: pagina \(open.joined(separator: ", ")). ← of PgUp bladert terug.", .warning)
    }

    /// Shows page `index` without marking anything (←, PgDn, PgUp); nothing past either end.
    /// Only looking writes nothing (the review is one file of every active youth: a write per look
    /// costs seconds in a large caseload); the page goes to disk with the next change. A resume
    /// after looking only opens on the page of the last change (no mark or text is lost).
    private func turn(to index: Int) {
        guard review.items.indices.contains(index) else { return }
        review.position = index
        openPage()
    }

    /// The open actions to pick one from and tick off as done.
    private func closeAction() -> Navigation {
        guard let editor else { return .stay }
        let open = editor.youth.actionsInOrder.filter { $0.status == .open }
        guard !open.isEmpty else {
            form.error = "\(editor.youth.name) heeft geen open acties."
            return .stay
        }
        let picker = Picker(title: "Welke actie is gedaan?", options: open.map { "\($0.what) (\(editor.youth.ownerName($0.owner)))" })
        return .popup(PickerPopup(picker) { [self] index in
            let action = open[index]
            return ActionClosing.toggle(action, to: .done, editor: editor) { [self] failure in
                form.error = failure
                if failure == nil {
                    form.message = ("Afgevinkt: \(action.what)", .accent)
                    refreshReasons()
                }
                layOut()
            }
        })
    }

    /// The summary as Markdown and as text in exports/; the message names both files.
    private func export() -> (text: String, style: Style) {
        do {
            let paths = try [MeetingDocument.Format.markdown, .text].map { format in
                try session.store.writeExport(ReviewSummary.render(review, coachName: session.store.settings.coachName, format: format),
                                              named: ReviewSummary.fileName(review, format: format))
            }
            return ("Samenvatting opgeslagen: \(paths.joined(separator: " en ")).", .accent)
        } catch {
            return ("Niet geëxporteerd: \(error.localizedDescription)", .error)
        }
    }

    /// Back from a screen of the youth: read it again (a contact or an action may have changed).
    func willAppear() {
        if let item, let fresh = try? YouthEditor(session: session, id: item.youthID) { editor = fresh }
        // Only a change to the youth renews the reasons: a page discussed and only looked at
        // again keeps what was said (the day count of "geen contact" would otherwise move on).
        if editor?.youth != youthOfReasons { refreshReasons() }
        layOut()
    }

    /// The youth as it was when the page was opened or its reasons last computed: a screen opened
    /// from the page shares the editor, so the change is seen against this, not the editor.
    private var youthOfReasons: Youth?

    /// The page's reasons from the youth as it is now, after a change made from the page (an
    /// action added or ticked off, a contact noted); saved with the review so its summary says the
    /// same. Only this page: the order of the pages stays fixed while reviewing.
    private func refreshReasons() {
        guard let youth = editor?.youth, item != nil else { return }
        youthOfReasons = youth
        let reasons = ReviewRules.reasons(for: youth, settings: session.store.settings, today: session.today)
        if let failure = change(at: review.position, { $0.reasons = reasons }) { form.error = failure }
    }

    /// Opens the note of `youthID` with the draft's text, for a draft offered back.
    func resume(_ draft: Draft) {
        if let index = review.items.firstIndex(where: { $0.youthID == draft.youthID }), index != review.position {
            _ = change(page: index)
            openPage()
        }
        form.resume(draft)
        layOut()
    }

    // MARK: - Drawing

    func resize(to area: Rect) {
        self.area = area
        layOut()
    }

    /// The form takes the bottom: its two fields and notes while browsing, half the screen (at
    /// least ten rows) while the note is written. Last week's decision sits just above it; the
    /// page's facts get the rows between that and the heading, and scroll there. Called after
    /// every key and resize: the scroll position is clamped here, never while drawing.
    private func layOut() {
        let height = form.isBrowsing ? min(form.naturalHeight, max(3, area.height - 6)) : max(10, area.height / 2)
        let clamped = min(height, area.height - 2)
        form.resize(to: Rect(row: area.row + area.height - clamped, col: area.col, width: area.width, height: clamped))
        let width = area.width - 4
        let previous = item.map { lastWeek($0, width: width).count } ?? 0
        let top = area.row + 1
        factsArea = Rect(row: top, col: area.col, width: area.width, height: max(0, form.area.row - 1 - previous - top))
        facts.resize(count: item.map { pageLines($0, width: width).count } ?? 0, height: factsArea.height)
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let width = area.width - 4
        guard let item else {
            canvas.putWrapped("Er zijn geen actieve jongeren om te bespreken.", row: area.row + 1, col: 2, width: width, style: .dim)
            return
        }
        let done = review.reviewedCount
        let heading = "Week \(review.week.week)  ·  \(review.position + 1)/\(review.items.count)  ·  \(item.name)"
        // The count always shows: "· deze ook" when it fits beside the heading, else shortened
        // visibly to "…" (never dropped without a mark); then the heading gives way.
        let count = review.isFinished ? "alle \(done) besproken" : "\(done) besproken"
        let full = item.reviewed && !review.isFinished ? count + " · deze ook" : count
        let progress = Glyphs.width(of: heading) + Glyphs.width(of: full) + 4 <= width || full == count ? full : count + " …"
        canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: max(1, width - Glyphs.width(of: progress) - 4))
        canvas.put(progress, row: area.row, col: area.width - 2 - Glyphs.width(of: progress), style: .dim)
        // The facts in their scrolled window, ▲▼ in the margin where more is out of sight.
        let lines = pageLines(item, width: width)
        for (offset, index) in facts.visible.enumerated() where lines.indices.contains(index) {
            let line = lines[index]
            canvas.put(line.text, row: factsArea.row + offset, col: line.indent ? 4 : 2, style: line.style, maxWidth: width - (line.indent ? 2 : 0))
        }
        facts.drawMarks(into: &canvas, rect: factsArea, col: factsArea.col)
        // Last week's decision sits just above this week's note.
        for (offset, line) in lastWeek(item, width: width).enumerated() {
            canvas.put(line.text, row: factsArea.row + factsArea.height + offset, col: 2, style: line.style, maxWidth: width)
        }
        form.render(into: &canvas)
    }

    private typealias Line = (text: String, style: Style, indent: Bool)

    /// The facts of the page, line by line: reasons (wrapped), open actions, open escalations,
    /// last contacts, ZRM, next meeting. A page taller than its window scrolls (`facts`).
    private func pageLines(_ item: ReviewItem, width: Int) -> [Line] {
        var lines: [Line] = []
        // Reasons wrap whole; a contact, the ZRM and the meeting take two lines at most.
        func wrapped(_ text: String, _ style: Style, indent: Bool = true, maxLines: Int? = nil) {
            lines += Glyphs.wrap(text, width: width - (indent ? 2 : 0), maxLines: maxLines ?? Int.max).map { ($0, style, indent) }
        }
        // A case closed since the review began keeps its page (the week's record); it says so
        // first, so that reasons and actions from before the closing do not look current.
        if let youth = editor?.youth, let closedOn = youth.closedOn {
            wrapped("Afgesloten sinds \(closedOn.text) (\(youth.currentClosure?.outcomeText ?? "geen uitstroom vastgelegd")); "
                    + "wat hieronder staat, is van vóór het afsluiten.", .warning, indent: false)
        }
        if item.reasons.isEmpty {
            lines.append(("Niets bijzonders deze week.", .dim, false))
        } else {
            lines.append(("Aanleiding", .heading, false))
            item.reasons.forEach { wrapped("• " + $0.text, .warning) }
        }
        guard let youth = editor?.youth else {
            if let pageProblem { wrapped(pageProblem, .error, indent: false) }
            return lines
        }
        let today = session.today
        let open = youth.actionsInOrder.filter { $0.status == .open }
        lines.append(("Open acties (\(open.count))", .heading, false))
        for action in open.prefix(3) {
            let late = action.isOverdue(on: today)
            lines.append(("\(action.due.map { session.shortDate($0) } ?? "–")\(late ? " TE LAAT" : "")  \(action.what) (\(youth.ownerName(action.owner)))",
                          late ? .error : .normal, true))
        }
        // Keys named from the rows of the state: none while a note is being written.
        if open.count > 3 { lines.append(("… en \(open.count - 3) meer" + (bindings.keyName(for: .openActions).map { " (\($0): alle acties)" } ?? ""), .dim, true)) }
        if open.isEmpty { lines.append(("geen" + (bindings.keyName(for: .newAction).map { "; \($0) maakt een actie" } ?? ""), .dim, true)) }
        // Open escalations only when there are any: the question wraps, three lines at most.
        let escalations = youth.openEscalations
        if !escalations.isEmpty { lines.append(("Open escalaties (\(escalations.count))", .heading, false)) }
        for escalation in escalations.prefix(3) {
            let tooLong = escalation.waitsTooLong(weeks: session.store.settings.escalationWeeks, today: today)
            wrapped("\(escalation.level.label) sinds \(escalation.raisedOn.text)\(tooLong ? " (\(escalation.weeksOpen(today: today)) weken)" : ""): "
                    + escalation.question, tooLong ? .warning : .normal, maxLines: 3)
        }
        if escalations.count > 3 { lines.append(("… en \(escalations.count - 3) meer", .dim, true)) }
        let contacts = youth.journalNewestFirst
        lines.append(("Laatste contacten", .heading, false))
        for entry in contacts.prefix(3) {
            let text = Form.oneLine(entry.text)
            wrapped("\(session.shortDate(entry.date))  \(entry.kind.label)\(text.isEmpty ? "" : ": " + text)", entry.kind.isContact ? .normal : .dim,
                    maxLines: 2)
        }
        if contacts.isEmpty { lines.append(("nog geen; g noteert een contact", .dim, true)) }
        wrapped(zrmLine(youth), (youth.latestMeasurement?.acuteDomains.isEmpty ?? true) ? .normal : .warning, indent: false, maxLines: 2)
        if let work = WorkSummary.line(youth, store: session.store) { wrapped(work.text, work.style, indent: false, maxLines: nil) }
        if let meeting = youth.comingMeetings(today: today).first {
            var text = "Volgend overleg: \(meeting.date.text)"
            if !meeting.time.isEmpty { text += " om \(meeting.time)" }
            if !meeting.place.isEmpty { text += ", \(meeting.place)" }
            wrapped(text, .normal, indent: false, maxLines: 2)
        } else {
            lines.append(("Geen overleg gepland.", .dim, false))
        }
        return lines
    }

    /// The ZRM in one line: the latest measurement, its mean, the lowest domains, acute ones.
    private func zrmLine(_ youth: Youth) -> String {
        guard let latest = youth.latestMeasurement else { return "ZRM: nog geen meting" }
        var text = "ZRM \(latest.moment.label) van \(latest.date.text)"
        if let average = latest.average { text += ": gemiddeld " + String(format: "%.1f", average).replacingOccurrences(of: ".", with: ",") }
        let lowest = Catalog.lifeDomains.compactMap { domain in latest.score(domain.code).map { (domain.name, $0) } }
            .sorted { $0.1 < $1.1 }.prefix(2).map { "\($0.0) \($0.1)" }
        if !lowest.isEmpty { text += " · laagst: " + lowest.joined(separator: ", ") }
        return text
    }

    /// Last week's note and decision for this youth, beside this week's.
    private func lastWeek(_ item: ReviewItem, width: Int) -> [Line] {
        guard let earlier, let before = earlier.item(for: item.youthID), !(before.note.isEmpty && before.nextStep.isEmpty) else { return [] }
        var text = "Vorige keer (week \(earlier.week.week)): "
        text += before.note.isEmpty ? "" : Form.oneLine(before.note)
        if !before.nextStep.isEmpty { text += (before.note.isEmpty ? "" : " → ") + "volgende stap: \(before.nextStep)" }
        return Glyphs.wrap(text, width: width, maxLines: 2).map { ($0, .dim, false) }
    }
}
