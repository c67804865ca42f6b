import Caseload
import Foundation
import TerminalKit

/// The weekly case review: one page per active youth, most urgent first, each with the reasons
/// it is on the agenda, the open actions, the last contacts, the ZRM in one line, the next
/// meeting and last week's decision; the coach writes the note and the next step and goes on
/// with →. Every change is in reviews/<week>.json at once, the page too, so an interrupted review
/// resumes where it stopped.
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

    var youthEditor: YouthEditor? { editor }

    /// Opens `review` on its stored page.
    init(session: Session, review: WeeklyReview) {
        self.session = session
        self.review = review
        earlier = session.store.review(before: review.week)
        form = Form(kind: .review, session: session, items: [])
        openPage()
    }

    /// This week's review: the stored one (with youths that came since added at the end), or a
    /// new one with the agenda of today. Saved at once, so a kill right after resumes it.
    static func thisWeek(session: Session) -> ReviewScreen {
        let store = session.store
        let today = session.today
        let noticesBefore = store.notices.count
        let youths = store.summaries.filter { $0.phase != .closed }.compactMap { try? store.youth(id: $0.id) }
        let agenda = ReviewRules.agenda(youths, settings: store.settings, today: today)
        let week = ReviewWeek(containing: today)
        let stored = store.review(of: week)
        var review = stored ?? WeeklyReview(week: week, started: session.now, items: agenda)
        review.add(missingFrom: agenda)
        // A youth or review file that turned out unreadable was set aside: the coach reads why first.
        var problems = store.notices.dropFirst(noticesBefore).map(\.message)
        if review != stored {
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
        form = Form(kind: .review, session: session, items: items(), labelWidth: 16)
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
        if let navigation = form.handle(key) { return navigation }
        switch KeyTable.action(for: key, on: kind) {
        case .nextYouth:
            guard !review.items.isEmpty else { break }
            let last = review.position == review.items.count - 1
            if let failure = change(at: review.position, { $0.reviewed = true }, page: min(review.position + 1, review.items.count - 1)) {
                form.error = failure
                break
            }
            if last {
                form.message = ("Alle \(review.items.count) besproken. e zet de samenvatting in exports/; q gaat terug.", .accent)
            } else {
                openPage()
            }
        case .previousYouth:
            guard review.position > 0 else { break }
            if let failure = change(page: review.position - 1) { form.error = failure } else { openPage() }
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
            var action = open[index]
            action.setStatus(.done, on: session.today)
            form.error = editor.apply { $0.save(action) }
            if form.error == nil { form.message = ("Afgevinkt: \(action.what)", .accent) }
            return .stay
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
        layOut()
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
    /// least ten rows) while the note is written. The page's facts get the rest.
    private func layOut() {
        let height = form.isBrowsing ? min(form.naturalHeight, max(3, area.height - 6)) : max(10, area.height / 2)
        let clamped = min(height, area.height - 2)
        form.resize(to: Rect(row: area.row + area.height - clamped, col: area.col, width: area.width, height: clamped))
    }

    func render(into canvas: inout Canvas, area: Rect) {
        let width = area.width - 4
        guard let item else {
            canvas.putWrapped("Er zijn geen actieve jongeren om te bespreken.", row: area.row + 1, col: 2, width: width, style: .dim)
            return
        }
        let done = review.reviewedCount
        let heading = "Week \(review.week.week)  ·  \(review.position + 1)/\(review.items.count)  ·  \(item.name)"
        let used = canvas.put(heading, row: area.row, col: 2, style: .heading, maxWidth: width)
        let progress = review.isFinished ? "alle \(done) besproken" : "\(done) besproken\(item.reviewed ? " · deze ook" : "")"
        if used + Glyphs.width(of: progress) + 4 <= width {
            canvas.put(progress, row: area.row, col: area.width - 2 - Glyphs.width(of: progress), style: .dim)
        }
        // Last week's decision sits just above this week's note; the facts get the rows between.
        let previous = lastWeek(item, width: width)
        let bottom = form.area.row - 1 - previous.count
        var row = area.row + 1
        let lines = pageLines(item, width: width)
        let room = bottom - row
        let shown = lines.count > room ? Array(lines.prefix(max(0, room - 1))) : lines
        for line in shown {
            canvas.put(line.text, row: row, col: line.indent ? 4 : 2, style: line.style, maxWidth: width - (line.indent ? 2 : 0))
            row += 1
        }
        if shown.count < lines.count {
            canvas.put("↓ nog \(lines.count - shown.count) regel(s): maak het venster hoger", row: row, col: 2, style: .warning, maxWidth: width)
        }
        for (offset, line) in previous.enumerated() {
            canvas.put(line.text, row: bottom + offset, col: 2, style: line.style, maxWidth: width)
        }
        form.render(into: &canvas)
    }

    private typealias Line = (text: String, style: Style, indent: Bool)

    /// The facts of the page, line by line: reasons (wrapped), open actions, last contacts, ZRM,
    /// next meeting. What does not fit is counted, never dropped silently.
    private func pageLines(_ item: ReviewItem, width: Int) -> [Line] {
        var lines: [Line] = []
        // Reasons wrap whole; a contact, the ZRM and the meeting take two lines at most.
        func wrapped(_ text: String, _ style: Style, indent: Bool = true, maxLines: Int? = nil) {
            lines += Glyphs.wrap(text, width: width - (indent ? 2 : 0), maxLines: maxLines ?? Int.max).map { ($0, style, indent) }
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
        let contacts = youth.journalNewestFirst
        lines.append(("Laatste contacten", .heading, false))
        for entry in contacts.prefix(3) {
            let text = Form.oneLine(entry.text)
            wrapped("\(session.shortDate(entry.date))  \(entry.kind.label)\(text.isEmpty ? "" : ": " + text)", entry.kind.isContact ? .normal : .dim,
                    maxLines: 2)
        }
        if contacts.isEmpty { lines.append(("nog geen; g noteert een contact", .dim, true)) }
        wrapped(zrmLine(youth), (youth.latestMeasurement?.acuteDomains.isEmpty ?? true) ? .normal : .warning, indent: false, maxLines: 2)
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
