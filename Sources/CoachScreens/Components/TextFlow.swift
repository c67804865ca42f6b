import Caseload
import TerminalKit

/// Writing through a page of texts (the plan's parts, the quick scan, the notes of an agenda, a
/// form's fields): the one place that decides where Tab leads. Tab confirms the text being
/// written and asks the owner to open the next row that can be typed in, Shift-Tab the previous
/// one; rows that cannot be typed in (a link to another screen) are passed over. Tab never leaves
/// typing: at the last row Tab (at the first, Shift-Tab) confirms and the coach writes on in the
/// same text, told so by a notice. Only Esc stops writing. So the letters a coach types after Tab
/// are always text, never the commands of the page behind the editor.
struct TextFlow {
    private(set) var writer: TextEditor
    /// The row being written.
    let row: Int
    /// The owner's rows that can be typed in, in order (a text, a field, a list to choose from).
    let typable: [Int]
    /// What the rows are called in the notice at the first or last one.
    let noun: Noun
    /// Said after Tab confirmed the last row (Shift-Tab the first) and writing went on in it; gone
    /// at the next key.
    private(set) var notice: String?
    /// The act that saves, in a form that holds its values until then ("afsluiten"); nil when
    /// a confirmed text is saved at once. The notice says which.
    let heldUntil: String?

    init(_ writer: TextEditor, row: Int, among typable: [Int], noun: Noun = .text, heldUntil: String? = nil) {
        self.writer = writer
        self.row = row
        self.typable = typable
        self.noun = noun
        self.heldUntil = heldUntil
    }

    /// A page of `count` rows that can all be typed in.
    init(_ writer: TextEditor, row: Int, of count: Int, noun: Noun = .text) {
        self.init(writer, row: row, among: Array(0..<count), noun: noun)
    }

    enum Step: Equatable {
        case writing
        /// Cancelled with Esc: the owner shows its page again.
        case stopped
        /// Confirmed with Tab or Shift-Tab: the owner selects `row` and opens it for typing (a
        /// text in a new flow, a field, a choice in its list).
        case open(row: Int)
    }

    enum Noun {
        /// A page of texts (the plan, an agenda's notes).
        case text
        /// A form's field.
        case field
        /// A part of the plan chosen from a list (the strategy).
        case part
    }

    var bindings: [KeyBinding] { writer.bindings }

    /// Handles a key in the text; saving goes through `save`, as in `TextEditor.write`.
    mutating func write(_ key: Key, size: (width: Int, height: Int), session: Session,
                        save: (String) -> String?) -> (Step, error: String?) {
        notice = nil
        let (step, failure) = writer.write(key, size: size, session: session, save: save)
        guard case .closed(let move) = step else { return (.writing, failure) }
        guard move != 0 else { return (.stopped, failure) }
        guard let target = Self.next(from: row, move: move, among: typable) else {
            // Saved, and the coach writes on here: the next letters are still text.
            notice = Self.endNotice(first: move < 0, noun: noun, heldUntil: heldUntil)
            return (.writing, failure)
        }
        return (.open(row: target), failure)
    }

    /// The row that a confirmation moving by `move` leads to among the `typable` rows, or nil when
    /// there is none that way (or `move` is 0: Esc, Enter).
    static func next(from row: Int, move: Int, among typable: [Int]) -> Int? {
        if move > 0 { return typable.first { $0 > row } }
        if move < 0 { return typable.last { $0 < row } }
        return nil
    }

    /// The same among `count` rows that can all be typed in.
    static func next(from row: Int, move: Int, count: Int) -> Int? {
        next(from: row, move: move, among: Array(0..<count))
    }

    /// What the coach reads when Tab (Shift-Tab) confirmed the last (first) row and typing goes on there.
    /// In a form that holds its values (`heldUntil`), nothing is saved yet: it says when it will be.
    static func endNotice(first: Bool, noun: Noun, heldUntil: String? = nil) -> String {
        let which = first ? "eerste" : "laatste"
        let done = heldUntil.map { "Bevestigd; bewaard wordt bij \($0)." } ?? "Opgeslagen."
        return switch noun {
        case .text: "\(done) Dit is de \(which) tekst; u schrijft hier verder (Esc: klaar)."
        case .field: "\(done) Dit is het \(which) veld; u typt hier verder (Esc: klaar)."
        case .part: "Gekozen. Dit is het \(which) onderdeel; u kiest hier verder (Esc: klaar)."
        }
    }

    /// How a notice shows.
    static let noticeStyle = Style.accent

    /// The line the owner shows under the text after a key: the error, else the notice, else what
    /// stood there before (a draft restored) unless it was an error or a notice about an earlier key.
    func message(after failure: String?, standing: (text: String, style: Style)?) -> (text: String, style: Style)? {
        if let failure { return (failure, .error) }
        if let notice { return (notice, Self.noticeStyle) }
        guard let standing, standing.style != .error, standing.style != Self.noticeStyle else { return nil }
        return standing
    }

    func render(into canvas: inout Canvas, rect: Rect) { writer.render(into: &canvas, rect: rect) }
}
