import CNcursesw
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The real terminal, through ncursesw. Every call stays on the thread that created it.
public final class NcursesTerminal: Terminal {
    public enum StartError: Error {
        case notATerminal
        case unknownTerminalType(String)
        /// The terminal cannot place the cursor (TERM=dumb): a full screen cannot be drawn.
        case noCursorAddressing(String)
    }

    private var shown: Canvas?
    private var stopped = false
    /// Reads that came back empty long before their timeout: input has ended (EOF) when they pile up.
    private var emptyReadsInARow = 0
    public private(set) var isGone = false
    public let usesColor: Bool

    /// Starts curses. Colour is used unless `NO_COLOR` is set (non-empty) or the terminal has none.
    /// Esc takes effect after 25 ms unless the user set ESCDELAY.
    public init(environment: [String: String]) throws(StartError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        _ = Glyphs.localeReady
        let wantsColor = (environment["NO_COLOR"] ?? "").isEmpty
        let escapeDelay: Int32 = environment["ESCDELAY"] == nil ? 25 : -1
        switch rl_start(wantsColor ? 1 : 0, escapeDelay) {
        case 0: break
        case -2: throw .noCursorAddressing(environment["TERM"] ?? "")
        default: throw .unknownTerminalType(environment["TERM"] ?? "")
        }
        usesColor = rl_has_color() == 1
        if usesColor {
            for style in Style.allCases {
                let look = style.look(color: true)
                rl_define_pair(Int32(style.rawValue) + 1, look.foreground, look.background)
            }
        }
    }

    /// Gives the terminal back as it was. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        rl_stop()
    }

    deinit { stop() }

    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0, cols: Int32 = 0
        rl_size(&rows, &cols)
        return (Int(cols), Int(rows))
    }

    public func present(_ canvas: Canvas) {
        let previous = shown?.width == canvas.width && shown?.height == canvas.height ? shown : nil
        if previous == nil { rl_invalidate() }
        var codePoints: [UInt32] = []
        for row in 0..<canvas.height {
            for col in 0..<canvas.width {
                let cell = canvas[row, col]
                if cell.width == 0 || previous?[row, col] == cell { continue }
                codePoints.removeAll(keepingCapacity: true)
                codePoints.append(contentsOf: cell.text.unicodeScalars.map(\.value))
                let look = cell.style.look(color: usesColor)
                var attributes: Int32 = 0
                if look.bold { attributes |= Int32(RL_BOLD) }
                if look.reverse { attributes |= Int32(RL_REVERSE) }
                if look.underline { attributes |= Int32(RL_UNDERLINE) }
                if look.dim { attributes |= Int32(RL_DIM) }
                rl_put(Int32(row), Int32(col), codePoints, Int32(codePoints.count), Int32(cell.style.rawValue) + 1, attributes)
            }
        }
        if let cursor = canvas.cursor {
            rl_place_cursor(Int32(cursor.row), Int32(cursor.col), 1)
        } else {
            rl_place_cursor(0, 0, 0)
        }
        rl_flush()
        shown = canvas
    }

    public func forgetScreen() { shown = nil }

    /// One read from curses: a code point (`RL_CHAR`) or a special key (`RL_SPECIAL`).
    private typealias Input = (kind: Int32, value: UInt32)
    /// Input read ahead (after an Esc or a CR) that was not part of what was being read; it is read
    /// again first, in order.
    private var unread: [Input] = []

    private func read(_ timeoutMilliseconds: Int) -> Input? {
        if !unread.isEmpty { return unread.removeFirst() }
        var value: UInt32 = 0
        let kind = rl_read(Int32(timeoutMilliseconds), &value)
        return kind == Int32(RL_NONE) ? nil : (kind, value)
    }

    /// The next code point, waiting at most `timeoutMilliseconds`; a special key is left to be read again.
    private func readCodePoint(_ timeoutMilliseconds: Int) -> UInt32? {
        guard let input = read(timeoutMilliseconds) else { return nil }
        guard input.kind == Int32(RL_CHAR) else {
            unread.insert(input, at: 0)
            return nil
        }
        return input.value
    }

    private func putBack(_ codePoints: [UInt32]) {
        unread.insert(contentsOf: codePoints.map { (Int32(RL_CHAR), $0) }, at: 0)
    }

    /// True when Ctrl-C was typed (raw mode: it is a key, not a signal), for a wait that reads
    /// no keys, such as the progress line; every other key typed meanwhile is kept, in order.
    public func interruptTyped() -> Bool {
        var kept: [Input] = []
        var interrupted = false
        while let input = read(0) {
            if input.0 == Int32(RL_CHAR) && input.1 == 0x03 { interrupted = true } else { kept.append(input) }
        }
        unread.insert(contentsOf: kept, at: 0)
        return interrupted
    }

    public func nextKey(timeoutMilliseconds: Int) -> Key? {
        let started = DispatchTime.now().uptimeNanoseconds
        let input = read(timeoutMilliseconds)
        if input == nil && timeoutMilliseconds >= 100 {
            let elapsed = (DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
            emptyReadsInARow = elapsed < UInt64(timeoutMilliseconds / 4) ? emptyReadsInARow + 1 : 0
            if emptyReadsInARow >= 20 { isGone = true }
        } else {
            emptyReadsInARow = 0
        }
        guard let (kind, value) = input else { return nil }
        switch kind {
        case Int32(RL_CHAR):
            switch value {
            case 0x1B:
                // An escape sequence curses did not know, or an Alt-key, is swallowed whole, never
                // read as Esc plus letters; only an Esc with nothing after it is the Esc key.
                let (isEscape, rest) = EscapeSequence.read(next: readCodePoint)
                putBack(rest)
                return isEscape ? .escape : .unknown
            case 0x0D:
                // CR LF (and a telnet CR NUL) sent together is one line end, not two.
                if let following = readCodePoint(0), following != 0x0A, following != 0 { putBack([following]) }
                return .enter
            default:
                return Key.fromCodePoint(value)
            }
        case Int32(RL_SPECIAL):
            switch Int(value) {
            case Int(RL_KEY_UP): return .up
            case Int(RL_KEY_DOWN): return .down
            case Int(RL_KEY_LEFT): return .left
            case Int(RL_KEY_RIGHT): return .right
            case Int(RL_KEY_HOME): return .home
            case Int(RL_KEY_END): return .end
            case Int(RL_KEY_PAGE_UP): return .pageUp
            case Int(RL_KEY_PAGE_DOWN): return .pageDown
            case Int(RL_KEY_BACKSPACE): return .backspace
            case Int(RL_KEY_DELETE): return .delete
            case Int(RL_KEY_ENTER): return .enter
            case Int(RL_KEY_BACK_TAB): return .backTab
            case Int(RL_KEY_INSERT): return .insert
            case Int(RL_KEY_F1): return .f1
            case Int(RL_KEY_WORD_LEFT): return .wordLeft
            case Int(RL_KEY_WORD_RIGHT): return .wordRight
            case Int(RL_KEY_PASTE_BEGIN): return readPaste()
            case Int(RL_KEY_RESIZE):
                shown = nil
                return .resize
            default: return .unknown
            }
        default:
            return nil
        }
    }

    /// Collects what arrives between the paste markers into one `.paste`. A paste that never
    /// ends (a broken link) is cut off after a quiet second, as text all the same. Escape
    /// sequences inside (colours copied from another terminal) are left out.
    private func readPaste() -> Key {
        var codePoints: [UInt32] = []
        while let (kind, value) = read(1000) {
            if kind == Int32(RL_SPECIAL) {
                if value == UInt32(RL_KEY_PASTE_END) { break }
                if value == UInt32(RL_KEY_ENTER) { codePoints.append(0x0A) }
                continue
            }
            if value == 0x1B {
                let (isEscape, rest) = EscapeSequence.read(next: readCodePoint)
                putBack(rest)
                if isEscape { codePoints.append(value) }
                continue
            }
            codePoints.append(value)
        }
        return .paste(Self.pastedText(codePoints))
    }

    /// The text of a paste: CR LF and a lone CR are line ends, as LF is.
    static func pastedText(_ codePoints: [UInt32]) -> String {
        var scalars = String.UnicodeScalarView()
        var previous: UInt32 = 0
        for value in codePoints {
            defer { previous = value }
            if value == 0x0A && previous == 0x0D { continue }
            guard let scalar = Unicode.Scalar(value == 0x0D ? 0x0A : value) else { continue }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT so the program can restore the terminal and
    /// stop cleanly, and crashes so the terminal is given back before dying. Call before curses starts.
    public static func catchSignals() {
        rl_catch_signals()
        rl_catch_crashes()
    }

    /// Replaces the Swift runtime's crash handling (a backtrace with memory bytes on stderr, which
    /// may hold names) by a short Dutch message: call first thing, before any data is read, so it
    /// holds for the command line too. The terminal is given back first when it was taken.
    public static func catchCrashes() {
        rl_catch_crashes()
    }

    /// The first signal caught, or nil.
    public static var caughtSignal: Int32? {
        let number = rl_caught_signal()
        return number == 0 ? nil : number
    }
}
