import Foundation
import Caseload
import TerminalKit

/// The program's navigation: a stack of screens with a stack of pop-ups above it (notices about
/// the data directory, drafts offered back, the questions screens ask), the keys that work
/// everywhere, the title and hint lines, and the loop that ties it to a terminal.
public final class App {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// While typing, kept drafts are written at least this often (and when the keyboard rests).
    static let draftFlushInterval: TimeInterval = 1

    let session: Session
    private(set) var stack: [any Screen]
    /// Dialogs over the screens, the last on top; it has every key until it closes.
    private(set) var popups: [any Popup]
    private var size = (width: 80, height: 24)
    private var redrawRequested = false
    /// Why the last draft write failed, shown until one succeeds: the typed text is still on screen.
    private var draftFailure: String?
    /// Ctrl-C came while a draft could not be written: the next one quits all the same.
    private var quitWarned = false
    public private(set) var finished = false
    /// Drafts still to offer while one that was opened is being written: offered again once the
    /// coach is back on the first screen, never over an open editor (whose text it would replace).
    private var laterOffers: [any Popup] = []

    public init(session: Session) {
        self.session = session
        stack = [session.store.count == 0 ? WelcomeScreen(session: session) : CaseloadScreen(session: session)]
        // The first notice on top, then the drafts in the order they were typed.
        popups = session.store.drafts().reversed().map { DraftOfferPopup($0, session: session) }
            + session.store.notices.reversed().map { NoticePopup($0.onScreen) }
        if let question = (stack[0] as? WelcomeScreen)?.firstQuestion { popups.insert(question, at: 0) }
        resize(width: size.width, height: size.height)
    }

    var top: any Screen { stack[stack.count - 1] }

    private var isTooSmall: Bool { size.width < Self.minimumWidth || size.height < Self.minimumHeight }

    /// The keys that work right now: those of the pop-up on top, else the top screen's (or its
    /// component's), and Ctrl-C and Ctrl-L everywhere. The hint line shows these.
    var activeBindings: [KeyBinding] {
        let everywhere = Self.everywhere
        if isTooSmall { return everywhere }
        if let popup = popups.last { return popup.bindings + everywhere }
        let screen = top.bindings
        return screen + everywhere.filter { row in !screen.contains { $0.action == row.action } }
    }

    /// The terminal's size changed (or is first known): every screen gets its new area, every
    /// pop-up the size.
    public func resize(width: Int, height: Int) {
        size = (width, height)
        for screen in stack { screen.resize(to: screenArea) }
        for popup in popups { popup.resize(width: width, height: height) }
    }

    /// Where the top screen draws: all but the title line, the hint line and any banner.
    private var screenArea: Rect {
        let banner = bannerLines(width: size.width).count
        return Rect(row: 1 + banner, col: 0, width: size.width, height: size.height - 2 - banner)
    }

    /// The rows of the keys that work in every state, even over a pop-up or a field: Ctrl-C, Ctrl-L.
    private static let everywhere = KeyTable.all.filter { $0.action == .forceQuit || $0.action == .redraw }

    public func handle(_ key: Key) {
        if key == .resize { return }
        switch Self.everywhere.action(for: key) {
        case .forceQuit:
            // Text that cannot be kept as a draft (a full disk) would be lost on the way out:
            // the first Ctrl-C tries once more, and stays and says so when that fails too.
            if session.store.hasPendingDrafts && !quitWarned {
                quitWarned = true
                idle()
                if draftFailure != nil { return }
            }
            finished = true
            return
        case .redraw: redrawRequested = true; return
        default: break
        }
        // Keys typed at a screen the coach cannot see are ignored, not guessed at.
        if isTooSmall { return }
        if let popup = popups.last {
            if case .close(let navigation) = popup.handle(key) {
                popups.removeLast()
                if navigation.replacesAll {
                    laterOffers = popups.filter { $0 is DraftOfferPopup } + laterOffers
                    popups.removeAll { $0 is DraftOfferPopup }
                }
                go(navigation)
            }
            return
        }
        if !top.capturesKeys, KeyTable.action(for: key, on: top.kind) == .help {
            go(.push(HelpScreen(for: top)))
            return
        }
        if !top.capturesKeys, KeyTable.action(for: key, on: top.kind) == .quickContact, let editor = (top as? YouthScoped)?.youthEditor {
            go(.push(JournalEntryForm.make(editor: editor, entryID: nil)))
            return
        }
        go(top.handle(key))
    }

    private func go(_ navigation: Navigation) {
        switch navigation {
        case .stay, .quit, .popup:
            if case .quit = navigation { finished = true }
            if case .popup(let popup) = navigation {
                popups.append(popup)
                popup.resize(width: size.width, height: size.height)
            }
            return
        case .push(let screen):
            stack.append(screen)
            if let popup = screen.openingPopup() { popups.append(popup) }
        case .replace(let screen): stack[stack.count - 1] = screen
        case .pop:
            guard stack.count > 1 else { return }
            stack.removeLast()
            top.willAppear()
            if stack.count == 1, !laterOffers.isEmpty {
                popups += laterOffers
                laterOffers = []
                for popup in popups { popup.resize(width: size.width, height: size.height) }
            }
        case .replaceAll(let screens): stack = screens
        case .then(let first, let popup):
            go(first)
            go(.popup(popup))
            return
        }
        // The banner above the screens depends on the stack (a read-only youth): new areas for all.
        resize(width: size.width, height: size.height)
    }

    /// The keyboard rests (or typing went on for a while): kept drafts go to disk. A failure is
    /// shown on every screen until a later write succeeds.
    public func idle() {
        guard session.store.hasPendingDrafts else { return }
        let failure = session.store.flushDrafts()
        let shown = draftFailure
        if failure == nil { quitWarned = false }
        draftFailure = failure.map { error in
            // The reason's first sentence only: its advice ("er is niets verloren") is about a
            // confirmed change, not about the draft, and the banner has three lines.
            let reason = error.localizedDescription.split(separator: ". ", maxSplits: 1).first.map(String.init) ?? ""
            return "Concept niet bewaard: \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason). "
                + (quitWarned ? "Ctrl-C nogmaals stopt toch, zonder de getypte tekst; bevestig die liever zodra het weer kan."
                              : "Wat u typte staat nog op het scherm; bevestig het zodra het weer kan.")
        }
        // The warning takes rows above the screen: the screens get their new area.
        if draftFailure != shown { resize(width: size.width, height: size.height) }
    }

    /// Why what is on screen cannot be changed: a read-only data directory, or a youth whose file
    /// a newer Rode Loper wrote.
    var readOnlyBanner: String? {
        if let id = stack.compactMap({ ($0 as? YouthScreen)?.editor.youth.id }).last {
            return session.store.readOnlyReason(for: id)
        }
        return session.store.readOnlyReason.map { StoreError.readOnlyDirectory(reason: $0).localizedDescription }
    }

    /// The warning lines above the screen: a read-only reason, a failed draft write. At most three
    /// lines each, so the screen keeps room; a longer reason ends in "…".
    private func bannerLines(width: Int) -> [String] {
        [readOnlyBanner, draftFailure].compactMap { $0 }.flatMap { text -> [String] in
            let lines = Glyphs.wrap(text, width: width - 2)
            return lines.count > 3 ? Array(lines.prefix(2)) + [Glyphs.truncate(lines[2...].joined(separator: " "), to: width - 2)] : lines
        }
    }

    /// Draws the frame. Changes nothing: what it draws comes from the state keys and resizes made.
    public func render(into canvas: inout Canvas) {
        canvas.cursor = nil
        if canvas.width < Self.minimumWidth || canvas.height < Self.minimumHeight {
            Chrome.tooSmall(&canvas, minimumWidth: Self.minimumWidth, minimumHeight: Self.minimumHeight)
            return
        }
        Chrome.titleLine(&canvas, path: ["Rode Loper · " + stack[0].title] + stack.dropFirst().map(\.title), right: session.today.text)
        let banner = bannerLines(width: canvas.width)
        for (index, line) in banner.enumerated() {
            canvas.put(" " + line, row: 1 + index, col: 0, style: .warning, padTo: canvas.width)
        }
        top.render(into: &canvas, area: Rect(row: 1 + banner.count, col: 0, width: canvas.width, height: canvas.height - 2 - banner.count))
        // Only the pop-up on top shows: the ones under it wait their turn, and would peek out.
        if let popup = popups.last {
            canvas.cursor = nil
            popup.render(into: &canvas)
        }
        Chrome.hintLine(&canvas, KeyTable.hints(from: activeBindings))
    }

    /// Draws and reads keys until the coach quits or `stopRequested` says so (a signal).
    /// With `stopWhenIdle`, also stops when no key is waiting (for tests).
    public func run(on terminal: any Terminal, stopRequested: () -> Bool = { false }, stopWhenIdle: Bool = false) {
        var needsFrame = true
        while !finished {
            let terminalSize = terminal.size
            if terminalSize != size {
                resize(width: terminalSize.width, height: terminalSize.height)
                needsFrame = true
            }
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
                // A quarter of a second without a key: kept drafts go to disk.
                let hadFailure = draftFailure
                idle()
                if draftFailure != hadFailure { needsFrame = true }
                if stopWhenIdle { break }
                continue
            }
            handle(key)
            if let since = session.store.pendingDraftsSince, session.now.timeIntervalSince(since) >= Self.draftFlushInterval { idle() }
            needsFrame = true
        }
        // Every way out (quit, Ctrl-C, a signal, a hangup) writes what was typed.
        idle()
        session.store.saveIndex()
    }
}
