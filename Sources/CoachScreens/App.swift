import Caseload
import TerminalKit

/// The program's navigation: a stack of screens, the keys that work everywhere, the title and
/// hint lines, notices about the data directory, and the loop that ties it to a terminal.
public final class App {
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    let session: Session
    private(set) var stack: [any Screen]
    /// Things the coach must read before going on (e.g. a file put in quarantine), one dialog each.
    private var notices: [String]
    /// Text typed but not confirmed in an earlier session, offered back one by one.
    private var drafts: [Draft]
    private var size = (width: 80, height: 24)
    private var redrawRequested = false
    public private(set) var finished = false

    public init(session: Session) {
        self.session = session
        notices = session.store.notices.map(\.message)
        drafts = session.store.drafts()
        stack = [session.store.count == 0 ? WelcomeScreen(session: session) : CaseloadScreen(session: session)]
    }

    var top: any Screen { stack[stack.count - 1] }

    private var isTooSmall: Bool { size.width < Self.minimumWidth || size.height < Self.minimumHeight }

    /// The keys that work right now: those of a notice or draft question on top, else the top
    /// screen's (or its component's), and Ctrl-C and Ctrl-L everywhere. The hint line shows these.
    var activeBindings: [KeyBinding] {
        let everywhere = KeyTable.all.filter { $0.action == .forceQuit || $0.action == .redraw }
        if isTooSmall { return everywhere }
        if !notices.isEmpty { return ComponentKeys.notice + everywhere }
        if !drafts.isEmpty { return ComponentKeys.draftOffer + everywhere }
        let screen = top.bindings
        return screen + everywhere.filter { row in !screen.contains { $0.action == row.action } }
    }

    public func handle(_ key: Key) {
        switch key {
        case .ctrl("c"): finished = true; return
        case .ctrl("l"): redrawRequested = true; return
        case .resize: return
        default: break
        }
        // Keys typed at a screen the coach cannot see are ignored, not guessed at.
        if isTooSmall { return }
        if !notices.isEmpty {
            if key == .enter || key == .escape { notices.removeFirst() }
            return
        }
        if let draft = drafts.first {
            switch key {
            case .enter: resume(draft)
            case .char("d"):
                session.store.removeDraft(youthID: draft.youthID, field: draft.field)
                drafts.removeFirst()
            case .escape: drafts.removeFirst()
            default: break
            }
            return
        }
        if !top.capturesKeys, KeyTable.action(for: key, on: top.kind) == .help {
            stack.append(HelpScreen(for: top))
            return
        }
        switch top.handle(key) {
        case .stay: break
        case .push(let screen): stack.append(screen)
        case .replace(let screen): stack[stack.count - 1] = screen
        case .pop:
            if stack.count > 1 {
                stack.removeLast()
                top.willAppear()
            }
        case .quit: finished = true
        }
    }

    /// Opens the screen the draft was typed in, with the draft's text, above the youth's screen:
    /// a part of the plan, or the notes of an agenda item.
    private func resume(_ draft: Draft) {
        drafts.removeFirst()
        do {
            let youth = try YouthScreen(session: session, id: draft.youthID)
            var screens: [any Screen] = [CaseloadScreen(session: session), youth]
            let meeting = youth.editor.youth.meetings.first { meeting in
                meeting.agenda.contains { AgendaScreen.field(meeting.id, $0.id) == draft.field }
            }
            if ChangePlanScreen.part(ofField: draft.field) != nil {
                screens.append(ChangePlanScreen(editor: youth.editor, resuming: draft))
            } else if let meeting {
                screens += [MeetingsScreen(editor: youth.editor), MeetingForm.make(editor: youth.editor, meetingID: meeting.id),
                            AgendaScreen(editor: youth.editor, meetingID: meeting.id, resuming: draft)]
            } else {
                // The agenda item it belonged to is gone: keep the text, stop offering it.
                let place = (try? session.store.setAside(draft)) ?? "drafts/"
                notices.append("Het concept hoort bij een agendapunt dat niet meer bestaat. De tekst is bewaard in \(place).")
                return
            }
            stack = screens
        } catch {
            notices.append("Het concept hoort bij een dossier dat niet te openen is: \(error.localizedDescription) Het concept blijft bewaard.")
        }
    }

    private func draftQuestion(_ draft: Draft) -> String {
        let name = session.store.summaries.first { $0.id == draft.youthID }?.name ?? "een jongere"
        let place = ChangePlanScreen.part(ofField: draft.field).map { "\"\($0.label.lowercased())\" in het veranderplan" }
            ?? "de notities bij een agendapunt van een wrap-around overleg"
        return "Bij het vorige gebruik is tekst getypt maar niet bevestigd (\(session.dateTime(draft.saved))): "
            + "\(place) van \(name). Enter opent het om verder te schrijven; d gooit het weg; Esc bewaart het voor later."
    }

    /// Why what is on screen cannot be changed: a read-only data directory, or a youth whose file
    /// a newer Rode Loper wrote.
    var readOnlyBanner: String? {
        if let id = stack.compactMap({ ($0 as? YouthScreen)?.editor.youth.id }).last {
            return session.store.readOnlyReason(for: id)
        }
        return session.store.readOnlyReason.map { StoreError.readOnlyDirectory(reason: $0).localizedDescription }
    }

    public func render(into canvas: inout Canvas) {
        size = (canvas.width, canvas.height)
        canvas.cursor = nil
        if isTooSmall {
            Chrome.tooSmall(&canvas, minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight)
            return
        }
        Chrome.titleLine(&canvas, path: ["Rode Loper · " + stack[0].title] + stack.dropFirst().map(\.title), right: session.today.text)
        var area = Rect(row: 1, col: 0, width: canvas.width, height: canvas.height - 2)
        if let banner = readOnlyBanner {
            // At most three lines, so the screen keeps room; a longer reason ends in "…".
            let lines = Glyphs.wrap(banner, width: canvas.width - 2)
            let shown = lines.count > 3 ? Array(lines.prefix(2)) + [Glyphs.truncate(lines[2...].joined(separator: " "), to: canvas.width - 2)] : lines
            for (index, line) in shown.enumerated() {
                canvas.put(" " + line, row: area.row + index, col: 0, style: .warning, padTo: canvas.width)
            }
            area = Rect(row: area.row + shown.count, col: 0, width: area.width, height: area.height - shown.count)
        }
        top.render(into: &canvas, area: area)
        if let notice = notices.first {
            canvas.cursor = nil
            Chrome.dialog(&canvas, title: "Let op", message: notice, choices: "Enter  verder", style: .normal)
            Chrome.hintLine(&canvas, KeyTable.hints(from: activeBindings))
        } else if let draft = drafts.first {
            canvas.cursor = nil
            Chrome.dialog(&canvas, title: "Niet bevestigde tekst", message: draftQuestion(draft),
                          choices: "Enter  openen    d  weggooien    Esc  later")
            Chrome.hintLine(&canvas, KeyTable.hints(from: activeBindings))
        } else {
            Chrome.hintLine(&canvas, KeyTable.hints(from: activeBindings))
        }
    }

    /// Draws and reads keys until the coach quits or `stopRequested` says so (a signal).
    /// With `stopWhenIdle`, also stops when no key is waiting (for tests).
    public func run(on terminal: any Terminal, stopRequested: () -> Bool = { false }, stopWhenIdle: Bool = false) {
        var needsFrame = true
        while !finished {
            if needsFrame {
                if redrawRequested {
                    terminal.forgetScreen()
                    redrawRequested = false
                }
                var canvas = Canvas(width: terminal.size.width, height: terminal.size.height)
                render(into: &canvas)
                terminal.present(canvas)
                needsFrame = false
            }
            if stopRequested() || terminal.isGone { break }
            guard let key = terminal.nextKey(timeoutMilliseconds: 250) else {
                if stopWhenIdle { break }
                continue
            }
            handle(key)
            needsFrame = true
        }
        session.store.saveIndex()
    }
}
