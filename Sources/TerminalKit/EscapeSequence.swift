/// What follows an Esc. Curses turns the escape sequences it knows into keys (arrows, Home, End,
/// the paste markers); any other sequence reaches the program as Esc followed by its bytes. Read
/// naively, that Esc cancels the field being typed in and the bytes after it become commands, so
/// the bytes already sent after an Esc are read here and a sequence (CSI, SS3, OSC, DCS and the
/// other string sequences, and the short nF ones) is swallowed whole. An Esc with any other code
/// point after it in the same burst is an Alt-key (Alt-j, Mac Option as Meta, Alt-Enter): both
/// are swallowed too, since a human pressing Esc and then a letter is never that fast (curses
/// waits 25 ms for the rest of an Esc). Only an Esc with nothing after it is a key of its own:
/// the Esc cancels.
///
/// Pure over code points, so it is tested without a terminal.
public enum EscapeSequence {
    /// What the code points after an Esc hold.
    public enum Scan: Equatable, Sendable {
        /// A sequence of `length` code points after the Esc (an Alt-key is one), swallowed whole.
        case sequence(length: Int)
        /// A sequence begun and not yet ended: read on.
        case unfinished
    }

    /// The longest sequence read: a string sequence (a window title, a DCS) that never ends is cut
    /// off here and swallowed all the same, so a runaway burst cannot hold the keyboard.
    public static let longest = 4096
    /// How long to wait for the rest of a sequence that is being sent (a burst split over packets).
    public static let restWaitMilliseconds = 50

    private static let bell: UInt32 = 0x07, escape: UInt32 = 0x1B, backslash: UInt32 = 0x5C
    private static let stringTerminator: UInt32 = 0x9C

    /// Scans `after`, the code points that came after an Esc.
    public static func scan(_ after: [UInt32]) -> Scan {
        var scanner = Scanner()
        var result = Scan.unfinished
        for code in after {
            result = scanner.feed(code)
            if result != .unfinished { break }
        }
        return result
    }

    /// Scans the code points after an Esc one at a time, so a long sequence costs its length.
    public struct Scanner: Sendable {
        private enum State: Sendable {
            case start
            /// Esc Esc: Alt-Esc, or Alt with a key that is itself a sequence (Alt-↑ in rxvt).
            case afterSecondEscape
            /// CSI (`[`) or nF: which bytes may continue it, and which end it.
            case control(continuing: ClosedRange<UInt32>, final: ClosedRange<UInt32>)
            case ss3
            /// OSC, DCS, SOS, PM, APC, up to BEL or ST; `afterEscape` when the last was an Esc.
            case string(afterEscape: Bool)
        }

        private var state = State.start
        private(set) var count = 0

        public init() {}

        /// Takes the next code point; says whether a sequence ended (and how long it is), or more
        /// is needed.
        public mutating func feed(_ code: UInt32) -> Scan {
            count += 1
            switch state {
            case .start:
                if code == EscapeSequence.escape {
                    state = .afterSecondEscape
                } else if !begin(code) {
                    // A letter, a digit, Enter, Backspace: an Alt-key, swallowed with its key.
                    return .sequence(length: 1)
                }
            case .afterSecondEscape:
                // Alt with a sequence goes on as that sequence; Alt-Esc ends before anything else.
                if !begin(code) { return .sequence(length: 1) }
            case .control(let continuing, let final):
                if final.contains(code) { return .sequence(length: count) }
                // Anything else ends a broken sequence before it; that code point is read again.
                if !continuing.contains(code) { return .sequence(length: count - 1) }
            case .ss3:
                return .sequence(length: count)
            case .string(let afterEscape):
                // Esc \ ends the string; an Esc with anything else ends it before that Esc.
                if afterEscape { return .sequence(length: code == EscapeSequence.backslash ? count : count - 2) }
                if code == EscapeSequence.bell || code == EscapeSequence.stringTerminator { return .sequence(length: count) }
                state = .string(afterEscape: code == EscapeSequence.escape)
            }
            return count >= EscapeSequence.longest ? .sequence(length: count) : .unfinished
        }

        /// Starts the sequence that `code`, right after an Esc, introduces; false when it introduces none.
        private mutating func begin(_ code: UInt32) -> Bool {
            switch code {
            case 0x5B: state = .control(continuing: 0x20...0x3F, final: 0x40...0x7E) // [ : CSI
            case 0x20...0x2F: state = .control(continuing: 0x20...0x2F, final: 0x30...0x7E) // nF, e.g. Esc ( B
            case 0x4F: state = .ss3 // O : one character
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string(afterEscape: false) // ] P X ^ _
            default: return false
            }
            return true
        }
    }

    /// Reads what follows an Esc from `next`, which gives the next code point the terminal has
    /// sent, waiting at most the milliseconds given (0: only what is already there), or nil.
    /// Returns whether the Esc is a key of its own, and the code points read that are not part of
    /// a sequence, to be read again as keys.
    public static func read(next: (_ waitMilliseconds: Int) -> UInt32?) -> (isEscape: Bool, unread: [UInt32]) {
        // What came with the Esc is there at once: nothing there, and the Esc was typed alone.
        guard let first = next(0) else { return (true, []) }
        var scanner = Scanner()
        var after = [first]
        var scanned = scanner.feed(first)
        while true {
            switch scanned {
            case .sequence(let length): return (false, Array(after.dropFirst(length)))
            case .unfinished:
                // The rest of a sequence may follow shortly; one that stops half-way is swallowed as it is.
                guard let code = next(restWaitMilliseconds) else { return (false, []) }
                after.append(code)
                scanned = scanner.feed(code)
            }
        }
    }
}
